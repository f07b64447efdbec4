package edu.ute.concurrency.examples.rle;

import edu.ute.concurrency.rle.PackedBitImage;
import edu.ute.concurrency.rle.SampleImages;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code rle calibrate}: measures from what size of work a parallel encoder beats the sequential one,
 * the number behind {@link AutoEncoder#PARALLEL_THRESHOLD_PIXELS}. It encodes strips of a 300-dpi text
 * page (full A4 width, 64 to 3508 rows) with {@link SequentialEncoder} and with the strategy
 * {@link AutoEncoder} hands large work to ({@link WorkSharingEncoder}), in alternating rounds of about
 * 20 ms of back-to-back calls; it prints the median time per call of each, their ratio, and the
 * smallest size from which the parallel one is at least 10 % faster at every larger size.
 *
 * <p>HOW TO RUN: {@code mvn -q -pl concurrency-examples -am compile exec:exec -Dexec.appArgs="calibrate"}
 * (about 30 s). Run it on a quiet machine: the crossing moves with the load (a busy machine gives the
 * second thread no core, and the threshold comes out higher).
 */
public final class AutoThresholdCalibration {
    private AutoThresholdCalibration() {
    }

    static int run(List<String> args, PrintStream out) throws UsageException, InterruptedException {
        if (!args.isEmpty()) {
            if (args.get(0).equals("--help") || args.get(0).equals("-h")) {
                out.print(RleTool.usage());
                return 0;
            }
            throw new UsageException("calibrate takes no arguments");
        }
        int threads = RleTool.defaultThreads();
        PackedBitImage page = SampleImages.textPage(300, 1);
        try (RleStrategy sequential = new SequentialEncoder(); RleStrategy parallel = new WorkSharingEncoder(threads)) {
            return calibrate(out, page, sequential, parallel);
        }
    }

    private static int calibrate(PrintStream out, PackedBitImage page, RleStrategy sequential, RleStrategy parallel)
            throws InterruptedException {
        out.println(StrategyComparison.machine());
        out.printf(Locale.ROOT, "%8s %12s %14s %14s %8s%n", "rows", "pixels", "sequential µs", "parallel µs", "ratio");
        int[] heights = {64, 128, 192, 256, 384, 512, 768, 1024, 1536, 2048, 3508};
        double[] ratios = new double[heights.length];
        long[] pixels = new long[heights.length];
        for (int i = 0; i < heights.length; i++) {
            PackedBitImage strip = strip(page, heights[i]);
            double[] medians = medianMicros(sequential, parallel, strip);
            ratios[i] = medians[1] / medians[0];
            pixels[i] = strip.pixelCount();
            out.printf(Locale.ROOT, "%8d %,12d %14.1f %14.1f %8.2f%n", heights[i], pixels[i], medians[0], medians[1], ratios[i]);
        }
        // The threshold: the smallest size from which parallel is at least 10 % faster at every larger
        // size too, so that one lucky measurement does not set it.
        int from = heights.length;
        while (from > 0 && ratios[from - 1] < 0.9) {
            from--;
        }
        out.println(from == heights.length ? "parallel never won by 10 % or more at the largest sizes on this machine"
                : String.format(Locale.ROOT, "parallel is 10 %% or more faster from %,d pixels on (AutoEncoder uses %,d)",
                        pixels[from], AutoEncoder.PARALLEL_THRESHOLD_PIXELS));
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
    private static double[] medianMicros(RleStrategy a, RleStrategy b, PackedBitImage image) throws InterruptedException {
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

    /** Mean time of one call over {@code reps} back-to-back calls, in µs. */
    private static double round(RleStrategy strategy, PackedBitImage image, int reps) throws InterruptedException {
        long t0 = System.nanoTime();
        for (int i = 0; i < reps; i++) {
            strategy.encode(image);
        }
        return (System.nanoTime() - t0) / 1e3 / reps;
    }
}
