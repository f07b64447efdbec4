package edu.ute.concurrency.examples.rle.measure;

import edu.ute.concurrency.examples.rle.AutoCodec;
import edu.ute.concurrency.examples.rle.ConcurrentCodec;
import edu.ute.concurrency.examples.rle.RunnerCodec;
import edu.ute.concurrency.examples.rle.SequentialRunner;
import edu.ute.concurrency.examples.rle.WorkSharingRunner;
import edu.ute.concurrency.examples.support.CommandLine;
import edu.ute.concurrency.examples.support.UsageException;
import edu.ute.concurrency.rle.PackedBitImage;
import edu.ute.concurrency.rle.SampleImages;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code rle calibrate}: measures from what size of work a parallel encoder beats the sequential one,
 * the number behind {@link AutoCodec#PARALLEL_THRESHOLD_PIXELS}. It encodes strips of a 300-dpi text
 * page (full A4 width, 64 to 3508 rows) with {@link SequentialRunner} and with the runner
 * {@link AutoCodec} hands large work to ({@link WorkSharingRunner}), two ways: in alternating rounds
 * of about 20 ms of back-to-back calls (a batch of pages in memory: the pool never goes idle), and as
 * single calls each made after {@value #PAUSE_MILLIS} ms of sleep (a page now and then: the pool's
 * threads have parked). It prints the median time per call of both strategies each way and their
 * ratios, and the smallest size from which parallel is at least 10 % faster back to back and at most
 * 10 % slower after a pause, at every larger size too: a strategy called "auto" should speed up a batch
 * without making a lone page slower.
 *
 * <p>HOW TO RUN: {@code mvn -q -pl concurrency-examples -am compile exec:exec -Dexec.appArgs="calibrate"}
 * (under a minute). Run it on a quiet machine: the crossing moves with the load (a busy machine gives
 * the second thread no core, and the threshold comes out higher).
 */
public final class AutoThresholdCalibration {
    /** The pause before each call of the second measurement: longer than the pool's polling (0.5 ms). */
    static final int PAUSE_MILLIS = 2;
    private static final int PAUSED_CALLS = 41;

    private AutoThresholdCalibration() {
    }

    /** {@code rle calibrate}: takes no options; prints the table and the size from which parallel pays. */
    public static int run(CommandLine args, PrintStream out) throws UsageException, InterruptedException {
        if (args.hasNext()) {
            throw new UsageException("calibrate takes no arguments");
        }
        int threads = Runtime.getRuntime().availableProcessors();
        PackedBitImage page = SampleImages.textPage(300, 1);
        try (ConcurrentCodec sequential = new RunnerCodec(new SequentialRunner());
             ConcurrentCodec parallel = new RunnerCodec(new WorkSharingRunner(threads))) {
            return calibrate(out, page, sequential, parallel);
        }
    }

    private static int calibrate(PrintStream out, PackedBitImage page, ConcurrentCodec sequential, ConcurrentCodec parallel)
            throws InterruptedException {
        out.println(StrategyComparison.machine());
        out.printf(Locale.ROOT, "%8s %12s | %14s %12s %6s | %14s %12s %6s%n", "", "", "back to back:", "", "",
                "after " + PAUSE_MILLIS + " ms idle:", "", "");
        out.printf(Locale.ROOT, "%8s %12s | %14s %12s %6s | %14s %12s %6s%n", "rows", "pixels", "sequential µs", "parallel µs",
                "ratio", "sequential µs", "parallel µs", "ratio");
        int[] heights = {64, 128, 192, 256, 384, 512, 768, 1024, 1536, 2048, 3508};
        double[] steadyRatios = new double[heights.length];
        double[] pausedRatios = new double[heights.length];
        long[] pixels = new long[heights.length];
        for (int i = 0; i < heights.length; i++) {
            PackedBitImage strip = strip(page, heights[i]);
            double[] steady = medianMicros(sequential, parallel, strip);
            double[] paused = afterPauseMicros(sequential, parallel, strip);
            steadyRatios[i] = steady[1] / steady[0];
            pausedRatios[i] = paused[1] / paused[0];
            pixels[i] = strip.pixelCount();
            out.printf(Locale.ROOT, "%8d %,12d | %14.1f %12.1f %6.2f | %14.1f %12.1f %6.2f%n", heights[i], pixels[i],
                    steady[0], steady[1], steadyRatios[i], paused[0], paused[1], pausedRatios[i]);
        }
        // auto's rule: from the smallest size at which parallel is at least 10 % faster back to back and
        // at most 10 % slower after a pause, at that size and every larger one (so that one lucky
        // measurement does not set it).
        int from = heights.length;
        while (from > 0 && steadyRatios[from - 1] <= 0.9 && pausedRatios[from - 1] <= 1.1) {
            from--;
        }
        out.println(from == heights.length ? "parallel does not pay at the largest size on this machine"
                : String.format(Locale.ROOT, "parallel pays from %,d pixels on: 10 %% faster back to back, at most 10 %% slower"
                        + " after a pause (AutoCodec uses %,d)", pixels[from], AutoCodec.PARALLEL_THRESHOLD_PIXELS));
        return 0;
    }

    /** The middle {@code rows} rows of {@code page}: text, not the top margin. */
    private static PackedBitImage strip(PackedBitImage page, int rows) {
        PackedBitImage strip = new PackedBitImage(page.width(), rows);
        long[] row = new long[page.wordsPerRow()];
        int first = Math.max(0, (page.height() - rows) / 2);
        for (int y = 0; y < rows; y++) {
            page.copyRow(first + y, row);
            strip.setRow(y, row);
        }
        return strip;
    }

    /**
     * Median time of one encode of {@code image} by each strategy, in µs. The two take rounds in turn
     * (A B A B ...) so that load from elsewhere on the machine hits both alike; a round is about 20 ms of
     * back-to-back calls, so the pool is measured in steady use, as in {@code rle compare} (a single
     * call after a pause also pays for waking the pool's parked threads).
     */
    private static double[] medianMicros(ConcurrentCodec a, ConcurrentCodec b, PackedBitImage image) throws InterruptedException {
        long warmStart = System.nanoTime();
        long fastest = Long.MAX_VALUE;
        for (int i = 0; i < 300 || System.nanoTime() - warmStart < 300_000_000L; i++) {
            long t0 = System.nanoTime();
            a.encode(image); // warm-up: JIT-compile the codec and the strategies' code
            fastest = Math.min(fastest, System.nanoTime() - t0);
            b.encode(image);
        }
        int reps = (int) Math.max(1, Math.min(20_000, 20_000_000L / Math.max(1, fastest)));
        List<Double> timesA = new ArrayList<>();
        List<Double> timesB = new ArrayList<>();
        long start = System.nanoTime();
        while (timesA.size() < 9 || (timesA.size() < 200 && System.nanoTime() - start < 1_500_000_000L)) {
            timesA.add(round(a, image, reps));
            timesB.add(round(b, image, reps));
        }
        timesA.sort(null);
        timesB.sort(null);
        return new double[] {timesA.get(timesA.size() / 2), timesB.get(timesB.size() / 2)};
    }

    /**
     * Median time of one call made after {@value #PAUSE_MILLIS} ms of sleep, by each strategy, in µs: by
     * then the pool's threads have stopped polling and parked, and their cores may have gone idle, as
     * between two pages read from disk. Calls alternate between the two strategies.
     */
    private static double[] afterPauseMicros(ConcurrentCodec a, ConcurrentCodec b, PackedBitImage image) throws InterruptedException {
        List<Double> timesA = new ArrayList<>();
        List<Double> timesB = new ArrayList<>();
        for (int i = 0; i < PAUSED_CALLS; i++) {
            timesA.add(pausedCall(a, image));
            timesB.add(pausedCall(b, image));
        }
        timesA.sort(null);
        timesB.sort(null);
        return new double[] {timesA.get(PAUSED_CALLS / 2), timesB.get(PAUSED_CALLS / 2)};
    }

    private static double pausedCall(ConcurrentCodec strategy, PackedBitImage image) throws InterruptedException {
        Thread.sleep(PAUSE_MILLIS);
        long t0 = System.nanoTime();
        strategy.encode(image);
        return (System.nanoTime() - t0) / 1e3;
    }

    /** Mean time of one call over {@code reps} back-to-back calls, in µs. */
    private static double round(ConcurrentCodec strategy, PackedBitImage image, int reps) throws InterruptedException {
        long t0 = System.nanoTime();
        for (int i = 0; i < reps; i++) {
            strategy.encode(image);
        }
        return (System.nanoTime() - t0) / 1e3 / reps;
    }
}
