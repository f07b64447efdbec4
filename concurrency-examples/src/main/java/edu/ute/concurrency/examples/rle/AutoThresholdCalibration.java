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
 * page (full A4 width, 64 to 3508 rows) many times with {@link SequentialEncoder} and with
 * {@link ForkJoinEncoder}, and prints the median time of each and the ratio.
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
        try (RleStrategy sequential = new SequentialEncoder(); RleStrategy parallel = new ForkJoinEncoder(threads)) {
            return calibrate(out, page, sequential, parallel);
        }
    }

    private static int calibrate(PrintStream out, PackedBitImage page, RleStrategy sequential, RleStrategy parallel)
            throws InterruptedException {
        out.println(StrategyComparison.machine());
        out.printf(Locale.ROOT, "%8s %12s %14s %14s %8s%n", "rows", "pixels", "sequential µs", "forkjoin µs", "ratio");
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
     * Median time of one encode of {@code image} by each strategy, in µs. The two are timed in
     * alternation (A B A B ...) so that load from elsewhere on the machine hits both alike.
     */
    private static double[] medianMicros(RleStrategy a, RleStrategy b, PackedBitImage image) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            a.encode(image); // warm-up: JIT-compile the codec and the strategies' code
            b.encode(image);
        }
        List<Double> timesA = new ArrayList<>();
        List<Double> timesB = new ArrayList<>();
        long start = System.nanoTime();
        while (timesA.size() < 50 || (timesA.size() < 3000 && System.nanoTime() - start < 2_000_000_000L)) {
            long t0 = System.nanoTime();
            a.encode(image);
            long t1 = System.nanoTime();
            b.encode(image);
            long t2 = System.nanoTime();
            timesA.add((t1 - t0) / 1e3);
            timesB.add((t2 - t1) / 1e3);
        }
        timesA.sort(null);
        timesB.sort(null);
        return new double[] {timesA.get(timesA.size() / 2), timesB.get(timesB.size() / 2)};
    }
}
