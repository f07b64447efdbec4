"""``rle_course.py bench``: each variant timed on the same images inside this process, the way
``rle compare`` times the Java strategies, so that the two sets of rows can stand in one table:

1. every variant first warms up: at least 3 calls and two thirds of the minimum timed time, at most
   half the budget (Python has no JIT to wait for, but its caches, pools and imports do warm up);
2. then the variants take timed rounds in turn (A B C A B C ...), so that load from elsewhere on the
   machine hits them alike; a round is one untimed call, then back-to-back calls lasting about
   20 ms (at least one call), timed together;
3. a variant is done after ``--repeats`` rounds and the minimum timed time, or when its budget is
   spent;
4. it reports the median over rounds of the time per call, and the CPU time per call of this
   process and of its worker processes.

Starting the interpreter is never timed. The output (JSON on stdout) carries each image's payload
digest (SHA-256), so that a caller can check the bytes against another encoder's; progress goes to
stderr.
"""

import hashlib
import json
import multiprocessing
import os
import platform
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path

import bitarray

from rle_codec import encode_image, encode_row_per_bit
from rle_concurrent import encode_batch_process_per_image, encode_pool_per_row, encode_threads_per_row, new_pool
from rle_images import read_image

ROUND_SECONDS = 0.020
MAX_CALLS_PER_ROUND = 20_000
MAX_ROUNDS = 2000


def bench_command(args):
    if args.quick:
        repeats, budget, min_timed = 1, 0.2, 0.015
    else:
        repeats, budget, min_timed = args.repeats, 3.0, 0.3
    try:
        workloads = [load_workload(Path(w)) for w in args.workloads]
    except (OSError, ValueError) as error:
        print(f"rle_course: {error}", file=sys.stderr)
        return 1
    report = {
        "python": {"executable": sys.executable, "version": platform.python_version(),
                   "implementation": platform.python_implementation(), "bitarray": bitarray.__version__,
                   "start_method": multiprocessing.get_start_method(), "cpus": os.cpu_count()},
        "settings": {"workers": args.workers, "repeats": repeats, "quick": args.quick, "budget_s": budget,
                     "min_timed_s": min_timed, "round_s": ROUND_SECONDS},
        "workloads": [],
    }
    for name, batch, files, images in workloads:
        pixels = sum(image.width * image.height for image in images)
        print(f"bench {name} ({len(images)} image{'s' * (len(images) != 1)}, {pixels / 1e6:.1f} Mpx):",
              end="", file=sys.stderr, flush=True)
        cells = measure(images, args.variants, args.workers, repeats, budget, min_timed)
        print(file=sys.stderr)
        report["workloads"].append({
            "name": name, "batch": batch,
            "files": [str(f) for f in files], "images": len(images), "pixels": pixels,
            "results": [cell.result() for cell in cells]})
    json.dump(report, sys.stdout, indent=1)
    print()
    return 0


def load_workload(path):
    """A file is one image; a directory is a batch of every (non-hidden) file in it, by name."""
    files = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith(".")) if path.is_dir() else [path]
    if not files:
        raise ValueError(f"{path}: no images in this directory")
    images = []
    for file in files:
        try:
            images.append(read_image(file))
        except ValueError as error:
            raise ValueError(f"{file}: {error}") from None
    return (path.name if path.is_dir() else path.stem), path.is_dir(), files, images


def measure(images, variants, workers, repeats, budget, min_timed):
    with ExitStack() as pools:  # made once per workload and reused by every call, as in rle compare
        cells = [Cell(variant, *call_of(variant, images, workers, pools)) for variant in variants]
        for cell in cells:
            print(" " + cell.variant, end="", file=sys.stderr, flush=True)
            cell.warm_up(budget, min_timed * 2 / 3)
        while not all(cell.finished(repeats, budget, min_timed) for cell in cells):
            for cell in cells:
                if not cell.finished(repeats, budget, min_timed):
                    cell.timed_round()
        return cells


def call_of(variant, images, workers, pools):
    """What the variant splits per, how many workers it has, and one call: every image encoded."""
    if variant == "sequential":
        return "-", 1, lambda: [encode_image(image) for image in images]
    if variant == "per-bit":
        return "-", 1, lambda: [encode_image(image, encode_row_per_bit) for image in images]
    if variant == "threads":
        executor = pools.enter_context(ThreadPoolExecutor(workers))
        return "row", workers, lambda: [encode_threads_per_row(image, executor) for image in images]
    if variant == "pool":
        pool = pools.enter_context(new_pool(workers))
        return "row", workers, lambda: [encode_pool_per_row(image, pool) for image in images]
    if variant == "pool-chunked":
        pool = pools.enter_context(new_pool(workers))
        return "rows", workers, lambda: [encode_pool_per_row(image, pool, None) for image in images]
    if variant == "process":
        return "image", workers, lambda: encode_batch_process_per_image(images, workers)
    raise ValueError(f"unknown variant {variant!r}")


class Cell:
    """One variant on one workload: what a call does, and the rounds timed so far."""

    def __init__(self, variant, per, workers, call):
        self.variant, self.per, self.workers, self.call = variant, per, workers, call
        self.times = []  # seconds per call, one entry per round
        self.timed = 0.0
        self.cpu = 0.0  # None once a round could not be measured
        self.calls_per_round = 1
        self.output = None
        self.same_every_call = True

    def warm_up(self, budget, warm_up_seconds):
        start = time.perf_counter()
        fastest = float("inf")
        calls = 0
        while (calls < 3 or time.perf_counter() - start < warm_up_seconds) and time.perf_counter() - start < budget / 2:
            t0 = time.perf_counter()
            self.check(self.call())
            fastest = min(fastest, time.perf_counter() - t0)
            calls += 1
        # Enough calls for a round to last ROUND_SECONDS: a single short call would mostly time the
        # caches and sleeping workers the other variants' rounds left behind.
        self.calls_per_round = max(1, min(MAX_CALLS_PER_ROUND, int(ROUND_SECONDS / max(fastest, 1e-9))))

    def timed_round(self):
        self.call()  # untimed, as in rle compare
        cpu0 = cpu_seconds()
        t0 = time.perf_counter()
        for _ in range(self.calls_per_round):
            output = self.call()
        t1 = time.perf_counter()
        cpu1 = cpu_seconds()
        self.times.append((t1 - t0) / self.calls_per_round)
        self.timed += t1 - t0
        self.cpu = None if None in (self.cpu, cpu0, cpu1) else self.cpu + cpu1 - cpu0
        self.check(output)

    def finished(self, repeats, budget, min_timed):
        return bool(self.times) and (self.timed >= budget or len(self.times) >= MAX_ROUNDS
                                     or (len(self.times) >= repeats and self.timed >= min_timed))

    def check(self, output):
        if self.output is None:
            self.output = output
        elif output != self.output:
            self.same_every_call = False

    def result(self):
        calls = len(self.times) * self.calls_per_round
        return {"variant": self.variant, "per": self.per, "workers": self.workers, "rounds": len(self.times),
                "calls": calls, "median_ms": statistics.median(self.times) * 1e3,
                "cpu_ms": None if self.cpu is None else self.cpu / calls * 1e3,
                "output_bytes": sum(len(payload) for payload in self.output),
                "sha256": [hashlib.sha256(payload).hexdigest() for payload in self.output],
                "same_every_call": self.same_every_call}


def cpu_seconds():
    """CPU time of this process (all its threads) and of its child processes, alive or ended; None
    where the live children's time cannot be read (no /proc)."""
    try:
        import resource
        total = 0.0
        for child in multiprocessing.active_children():
            try:
                with open(f"/proc/{child.pid}/stat") as stat:
                    fields = stat.read().rpartition(")")[2].split()
                total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime
            except FileNotFoundError:
                pass  # reaped since: counted with the ended children below
        ended = resource.getrusage(resource.RUSAGE_CHILDREN)
        return total + ended.ru_utime + ended.ru_stime + time.process_time()
    except (ImportError, OSError):
        return None
