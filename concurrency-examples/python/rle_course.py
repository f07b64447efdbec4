#!/usr/bin/env python3
"""The course's RLE case study: compress 1-bit images, sequentially and concurrently.

    python3 rle_course.py encode page.pbm                 # writes page.crle (the course file)
    python3 rle_course.py encode --variant process -o out/ scans/*.pbm
    python3 rle_course.py decode page.crle                # writes page.pbm
    python3 rle_course.py bench page.pbm pages/           # times every variant, prints JSON

Exit codes: 0 done, 1 some input was bad (each named on stderr), 2 the command line was wrong.
"""

import argparse
import os
import re
import sys
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from functools import partial
from pathlib import Path

try:
    import bitarray  # noqa: F401  (checked here so that a missing module is one clear line)
except ImportError as missing:
    sys.exit(f"rle_course: needs the bitarray module ({missing}); "
             f"install it with: python3 -m pip install -r requirements.txt")

from rle_codec import (FormatError, course_file_bytes, decode_payload, encode_image, encode_row_per_bit,
                       read_course_file)
from rle_concurrent import encode_pool_per_row, encode_threads_per_row, new_pool
from rle_images import pbm_bytes, read_image, write_atomically
from rle_bench import bench_command

VARIANTS = ["sequential", "per-bit", "threads", "pool", "pool-chunked", "process"]


def main(argv=None):
    args = parser().parse_args(argv)
    try:
        return args.command(args)
    except KeyboardInterrupt:
        print("rle_course: interrupted", file=sys.stderr)
        return 130


# -- encode ----------------------------------------------------------------------------------------

def encode_command(args):
    failures = 0
    with ExitStack() as stack:
        if args.variant == "threads":
            executor = stack.enter_context(ThreadPoolExecutor(args.workers))
            encode = partial(encode_threads_per_row, executor=executor)
        elif args.variant in ("pool", "pool-chunked"):
            pool = stack.enter_context(new_pool(args.workers))
            encode = partial(encode_pool_per_row, pool=pool, rows_per_task=1 if args.variant == "pool" else None)
        elif args.variant == "per-bit":
            encode = partial(encode_image, encode=encode_row_per_bit)
        else:
            encode = encode_image
        if args.variant == "process":
            # A process per image reads and encodes it (the benchmark's version sends the pixels
            # instead); this process writes what comes back.
            pool = stack.enter_context(new_pool(args.workers, tasks_per_process=1))
            outcomes = pool.imap(read_and_encode, args.images, chunksize=1)
        else:
            outcomes = (read_and_encode(path, encode) for path in args.images)
        for path, outcome in zip(args.images, outcomes):
            if isinstance(outcome, str):
                failures += report_failure(path, outcome)
                continue
            width, height, payload = outcome
            outputs = {output_path(path, ".crle", args.output): course_file_bytes(width, height, payload)}
            if args.payload:
                outputs[output_path(path, ".payload", args.output)] = payload
            failures += write_outputs(path, outputs, args.force, f"{width}x{height}")
    return 1 if failures else 0


def read_and_encode(path, encode=encode_image):
    """(width, height, payload) of the image in ``path``, or why it could not be read, as a string."""
    try:
        image = read_image(path)
        return image.width, image.height, encode(image)
    except (OSError, ValueError) as error:
        return str(error)


# -- decode ----------------------------------------------------------------------------------------

def decode_command(args):
    jobs = [(Path(file), None) for file in args.files]
    for text, file in args.payload:
        try:
            jobs.append((Path(file), parse_size(text)))
        except argparse.ArgumentTypeError as error:
            usage_error(args, f"--payload {error}")
    if not jobs:
        usage_error(args, "nothing to decode: give .crle files, or --payload WIDTHxHEIGHT FILE")
    failures = 0
    for path, size in jobs:
        try:
            data = path.read_bytes()
            image = read_course_file(data) if size is None else decode_payload(data, *size)
        except (OSError, ValueError) as error:
            failures += report_failure(path, str(error))
            continue
        outputs = {output_path(path, ".pbm", args.output): pbm_bytes(image)}
        failures += write_outputs(path, outputs, args.force, f"{image.width}x{image.height}")
    return 1 if failures else 0


# -- shared by encode and decode -------------------------------------------------------------------

def output_path(path, suffix, directory):
    path = Path(path)
    return (Path(directory) if directory else path.parent) / (path.stem + suffix)


def write_outputs(source, outputs, force, size):
    """Writes every output of ``source`` (each atomically), or none if one already exists; 0 or 1 failure."""
    existing = [str(p) for p in outputs if p.exists()]
    if existing and not force:
        return report_failure(source, f"{', '.join(existing)} exists (use --force to replace it)")
    try:
        for target, data in outputs.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(target, data)
    except OSError as error:
        return report_failure(source, str(error))
    written = ", ".join(f"{target} ({len(data):,} bytes)" for target, data in outputs.items())
    print(f"{source} ({size}) -> {written}")
    return 0


def report_failure(path, reason):
    print(f"rle_course: {path}: {reason}", file=sys.stderr)
    return 1


# -- the command line ------------------------------------------------------------------------------

class Parser(argparse.ArgumentParser):
    """Reports a mistake in one line and exits with 2, instead of argparse's usage block."""

    def error(self, message):
        self.exit(2, f"{self.prog}: {message} (see --help)\n")


def usage_error(args, message):
    args.parser.error(message)


def positive(text):
    if not text.isdigit() or int(text) == 0:
        raise argparse.ArgumentTypeError(f"needs a positive whole number, not {text!r}")
    return int(text)


def parse_size(text):
    match = re.fullmatch(r"(\d{1,9})x(\d{1,9})", text)
    if not match:
        raise argparse.ArgumentTypeError(f"needs WIDTHxHEIGHT, such as 2480x3508, not {text!r}")
    return int(match[1]), int(match[2])


def variant_list(text):
    names = text.split(",")
    unknown = [n for n in names if n not in VARIANTS]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown variant {unknown[0]!r} (known: {', '.join(VARIANTS)})")
    return names


def parser():
    top = Parser(prog="rle_course.py", description=__doc__.split("\n")[0],
                 epilog="Run 'rle_course.py COMMAND --help' for each command's options.")
    commands = top.add_subparsers(title="commands", required=True, metavar="COMMAND", parser_class=Parser)
    workers = dict(type=positive, default=os.cpu_count(), metavar="N",
                   help="threads or processes at most (default: %(default)s, the cores)")

    encode = commands.add_parser("encode", help="compress images to course files (.crle)",
                                 description="Compress PBM images (PNG, GIF, ... with Pillow) to course "
                                             "files: NAME.crle beside each input, or in --output.")
    encode.add_argument("images", nargs="+", metavar="IMAGE")
    encode.add_argument("--variant", choices=VARIANTS, default="sequential",
                        help="sequential (default); per-bit: the pixel-by-pixel loop; threads, pool: one task "
                             "per row; pool-chunked: rows sent in chunks; process: one process per image")
    encode.add_argument("--workers", **workers)
    encode.add_argument("--payload", action="store_true",
                        help="also write NAME.payload: the bare RLE bytes, with no size (as rle-core's encoder)")
    encode.add_argument("-o", "--output", metavar="DIR", help="write outputs here (default: beside each input)")
    encode.add_argument("-f", "--force", action="store_true", help="replace existing outputs")
    encode.set_defaults(command=encode_command, parser=encode)

    decode = commands.add_parser("decode", help="decompress course files (or bare payloads) to PBM",
                                 description="Decompress course files (.crle) and bare payloads to PBM (P4): "
                                             "NAME.pbm beside each input, or in --output.")
    decode.add_argument("files", nargs="*", metavar="FILE.crle")
    decode.add_argument("--payload", nargs=2, action="append", default=[], metavar=("WIDTHxHEIGHT", "FILE"),
                        help="a bare payload and its size (repeat for several)")
    decode.add_argument("-o", "--output", metavar="DIR", help="write outputs here (default: beside each input)")
    decode.add_argument("-f", "--force", action="store_true", help="replace existing outputs")
    decode.set_defaults(command=decode_command, parser=decode)

    bench = commands.add_parser("bench", help="time every variant on PBM files; JSON on stdout",
                                description="Time each variant on each WORKLOAD (a PBM file: one image; a "
                                            "directory: a batch of its images) inside this process, the "
                                            "way 'rle compare' times the Java strategies: warm-up, then "
                                            "rounds of back-to-back calls in turn, medians. Prints JSON.")
    bench.add_argument("workloads", nargs="+", metavar="WORKLOAD")
    bench.add_argument("--variants", type=variant_list, default=["sequential", "threads", "pool", "pool-chunked", "process"],
                       metavar="A,B", help=f"of {', '.join(VARIANTS)} (default: all but per-bit, the slowest)")
    bench.add_argument("--workers", **workers)
    bench.add_argument("--repeats", type=positive, default=5, metavar="N",
                       help="at least N timed rounds per variant (default 5)")
    bench.add_argument("--quick", action="store_true", help="short timings (a test's, not a measurement)")
    bench.set_defaults(command=bench_command, parser=bench)
    return top


if __name__ == "__main__":
    sys.exit(main())
