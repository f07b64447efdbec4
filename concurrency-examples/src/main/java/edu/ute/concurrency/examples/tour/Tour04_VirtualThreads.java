package edu.ute.concurrency.examples.tour;

import edu.ute.concurrency.examples.support.ChildJvm;
import edu.ute.concurrency.examples.support.CommandLine;
import edu.ute.concurrency.examples.tour.virtualthreads.BlockingTaskBatch;
import edu.ute.concurrency.examples.tour.virtualthreads.PinningProbe;
import edu.ute.concurrency.rle.PackedBitImage;
import edu.ute.concurrency.rle.Rle;
import edu.ute.concurrency.rle.SampleImages;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Tour 04 — gevent: green threads with cooperative blocking I/O. In Java: virtual threads.
 *
 * <p>gevent runs thousands of greenlets on one OS thread and monkey-patches the socket module so a
 * blocking call switches to another greenlet. Virtual threads (final since JDK 21) do the same without
 * patching: every blocking call in the JDK ({@code sleep}, socket reads, locks, queues) unmounts the
 * virtual thread from its carrier — one of a few platform threads, as many as there are cores — and
 * mounts another. Unlike greenlets they also run in parallel on all the carriers, and their stacks
 * live on the heap, a few hundred bytes to a few KB each, instead of a platform thread's native stack.
 *
 * <p>Part 1 runs 10,000 tasks that each block for a second (a sleep standing in for a slow network
 * read) and then encode a small 64×64 icon, once on virtual threads and once on one platform thread per
 * task, each in a fresh JVM so that each mode's memory is measured on its own. "Blocked at once" is
 * counted by the tasks themselves: it shows all 10,000 really waited together.
 *
 * <p>Part 2 is the trap: <em>pinning</em>. See {@link PinningProbe}: on JDK 21–23, blocking inside
 * {@code synchronized} pins the carrier (the classic gevent-like surprise: one old library holding a
 * monitor across I/O stalls everything); JDK 24+ (JEP 491) fixed that, and the table
 * shows it honestly — no pinning there — next to a case that still pins on 25 (blocking in a class
 * initializer). {@code -Djdk.tracePinnedThreads=full} shows pinning on 21–23 only (removed in 24);
 * JFR's {@code jdk.VirtualThreadPinned} event works on all of them, and is what the table counts.
 *
 * <h2>HOW TO RUN</h2>
 * <pre>
 * mvn -q -pl concurrency-examples -am compile exec:exec \
 *     -Dexec.mainClass=edu.ute.concurrency.examples.tour.Tour04_VirtualThreads
 * # the pinning of JDK 21–23, on such a JDK:  -Dexec.jvmArgs=-Djdk.tracePinnedThreads=full
 * </pre>
 * Expected output: part 1, the virtual mode has all 10,000 tasks blocked at once on a handful of
 * platform threads, wall time a little over 1 s, a few KiB of memory per task. The platform mode needs
 * one OS thread per task, several times the memory per task, and on a small machine it cannot even
 * start 10,000 threads within the 1 s the first ones sleep (starting an OS thread is not free), so
 * fewer are blocked at once and the batch takes several seconds. Part 2 on JDK 25: synchronized and
 * ReentrantLock about 1 hold time, 0 pinned events; the class initializer at least 1 pinned event. On JDK 21–23 the synchronized row takes about 4 hold
 * times and shows pinned events.
 */
public final class Tour04_VirtualThreads {
    private static final String RESULT_PREFIX = "RESULT ";
    private static final String USAGE = """
            usage: Tour04_VirtualThreads [--tasks N] [--sleep-ms N] [--mode both|virtual|platform]
              --tasks N      blocking tasks in part 1 (default 10000)
              --sleep-ms N   how long each task blocks (default 1000)
              --mode M       both (default): each mode in a fresh JVM, then the pinning cases;
                             virtual or platform: measure that mode here and print one result line
            """;

    private Tour04_VirtualThreads() {
    }

    /** What one mode measured, in its own JVM. Memory in KiB, -1 where /proc is not available. */
    public record ModeResult(String mode, int tasks, long wallNanos, int peakBlocked, int peakPlatformThreads,
                             long baselineRssKib, long peakRssKib) {

        String toLine() {
            return RESULT_PREFIX + String.join(" ", mode, String.valueOf(tasks), String.valueOf(wallNanos),
                    String.valueOf(peakBlocked), String.valueOf(peakPlatformThreads), String.valueOf(baselineRssKib),
                    String.valueOf(peakRssKib));
        }

        static ModeResult parse(String line) {
            String[] f = line.substring(RESULT_PREFIX.length()).trim().split(" ");
            if (f.length != 7) {
                throw new IllegalArgumentException("not a result line: " + line);
            }
            return new ModeResult(f[0], Integer.parseInt(f[1]), Long.parseLong(f[2]), Integer.parseInt(f[3]),
                    Integer.parseInt(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]));
        }
    }

    public static void main(String[] args) {
        CommandLine.run("Tour04_VirtualThreads", USAGE, args, Tour04_VirtualThreads::run);
    }

    private static int run(CommandLine args) throws Exception {
        int tasks = 10_000;
        int sleepMs = 1000;
        String mode = "both";
        while (args.hasNext()) {
            switch (args.next()) {
                case "--tasks" -> tasks = args.positiveInt();
                case "--sleep-ms" -> sleepMs = args.positiveInt();
                case "--mode" -> mode = args.oneOf("both", "virtual", "platform");
                default -> throw args.unknown();
            }
        }
        if (!mode.equals("both")) {
            // Child mode: measure one mode in this (fresh) JVM and report one line to the parent.
            System.out.println(runMode(mode, tasks, sleepMs).toLine());
            return 0;
        }

        System.out.printf(Locale.ROOT, "JVM %s, %d cores, %d carrier threads for virtual threads%n%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), PinningProbe.carriers());
        System.out.printf(Locale.ROOT, "Part 1: %,d tasks, each blocks %d ms then encodes a 64x64 icon; each mode in a fresh JVM%n",
                tasks, sleepMs);
        ResultTable part1 = new ResultTable("threads", "tasks", "blocked at once", "wall ms", "peak platform threads",
                "peak RSS MiB", "RSS growth MiB", "KiB per blocked task");
        for (String m : List.of("virtual", "platform")) {
            ModeResult r = measureInFreshJvm(m, tasks, sleepMs);
            part1.row(m.equals("virtual") ? "virtual thread per task" : "platform thread per task",
                    String.format(Locale.ROOT, "%,d", r.tasks()), String.format(Locale.ROOT, "%,d", r.peakBlocked()),
                    ResultTable.millis(r.wallNanos()), r.peakPlatformThreads(), mib(r.peakRssKib()),
                    r.peakRssKib() < 0 ? "n/a" : mib(r.peakRssKib() - r.baselineRssKib()),
                    r.peakRssKib() < 0 ? "n/a" : String.valueOf((r.peakRssKib() - r.baselineRssKib()) / Math.max(1, r.peakBlocked())));
        }
        part1.print(System.out);

        Duration hold = PinningProbe.HOLD;
        System.out.printf(Locale.ROOT, "%nPart 2: pinning. %d virtual threads each block %d ms; pinned, only %d can block at once%n",
                4 * PinningProbe.carriers(), hold.toMillis(), PinningProbe.carriers());
        ResultTable part2 = new ResultTable("case", "wall ms", "wall if unpinned", "wall if pinned", "JFR pinned events");
        for (PinningProbe.Case c : PinningProbe.runAll()) {
            part2.row(c.name(), ResultTable.millis(c.wallNanos()), "~" + hold.toMillis(),
                    "~" + hold.toMillis() * c.tasks() / PinningProbe.carriers(),
                    c.pinnedEvents() < 0 ? "JFR not available" : c.pinnedEvents());
        }
        part2.print(System.out);
        System.out.println(Runtime.version().feature() >= 24
                ? "\nJDK 24+ (JEP 491): synchronized no longer pins; -Djdk.tracePinnedThreads is gone, JFR's jdk.VirtualThreadPinned remains."
                : "\nJDK 21-23: synchronized pins; see it with -Djdk.tracePinnedThreads=full or JFR's jdk.VirtualThreadPinned.");
        return 0;
    }

    /** Runs one mode in this JVM: {@code tasks} tasks that sleep {@code sleepMs} then encode an icon. */
    public static ModeResult runMode(String mode, int tasks, int sleepMs) throws InterruptedException, ExecutionException {
        PackedBitImage icon = SampleImages.icon();
        System.gc(); // a fair baseline: this JVM's start-up garbage is not the tasks' memory
        long baseline = rssKib("VmRSS");
        BlockingTaskBatch.Result r;
        try (ExecutorService executor = mode.equals("virtual")
                ? Executors.newVirtualThreadPerTaskExecutor()
                : Executors.newThreadPerTaskExecutor(Thread.ofPlatform().factory())) {
            r = BlockingTaskBatch.run(executor, tasks, () -> {
                Thread.sleep(sleepMs);
                if (Rle.encoder().encode(icon).length == 0) {
                    throw new IllegalStateException("an icon encodes to at least one byte per row");
                }
            });
        }
        // The kernel updates VmHWM lazily: pages reclaimed in the background (this machine runs DAMON's
        // kdamond) lower VmRSS without raising VmHWM first, so VmHWM can read below an earlier VmRSS.
        long peak = rssKib("VmHWM");
        return new ModeResult(mode, tasks, r.wallNanos(), r.peakBlocked(), r.peakPlatformThreads(), baseline,
                peak < 0 ? peak : Math.max(baseline, peak));
    }

    /** Runs {@link #runMode} in a child JVM and reads back its result line. */
    public static ModeResult measureInFreshJvm(String mode, int tasks, int sleepMs) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(ChildJvm.command(Tour04_VirtualThreads.class,
                "--mode", mode, "--tasks", String.valueOf(tasks), "--sleep-ms", String.valueOf(sleepMs)))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        child.getOutputStream().close();
        String result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(RESULT_PREFIX)) {
                    result = line;
                }
            }
        } finally {
            // Bounded: the child ends on its own after one batch; a stuck one is killed, not waited for forever.
            if (!child.waitFor(5, TimeUnit.MINUTES)) {
                child.destroyForcibly();
            }
        }
        if (result == null || child.exitValue() != 0) {
            throw new IOException("the " + mode + " child JVM exited with status " + child.exitValue() + " and no result line");
        }
        return ModeResult.parse(result);
    }

    /** A field of /proc/self/status in KiB ({@code VmRSS} now, {@code VmHWM} the peak), or -1 off Linux. */
    static long rssKib(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Not Linux: memory is reported as n/a.
        }
        return -1;
    }

    private static String mib(long kib) {
        return kib < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f", kib / 1024.0);
    }
}
