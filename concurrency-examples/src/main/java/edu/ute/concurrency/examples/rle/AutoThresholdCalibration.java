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
 * (about 30 s). Expect the ratio to cross 1 somewhere between 128 and 512 rows on 2 cores; run it on a
 * quiet machine, the crossing moves with the load.
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
        long firstWin = -1;
        for (int rows : new int[] {64, 128, 192, 256, 384, 512, 1024, 2048, 3508}) {
            PackedBitImage strip = strip(page, rows);
            double seq = medianMicros(sequential, strip);
            double par = medianMicros(parallel, strip);
            double ratio = par / seq;
            out.printf(Locale.ROOT, "%8d %,12d %14.1f %14.1f %8.2f%n", rows, strip.pixelCount(), seq, par, ratio);
            if (firstWin < 0 && ratio < 0.9) {
                firstWin = strip.pixelCount();
            }
        }
        out.println(firstWin < 0 ? "parallel never won by 10 % or more on this machine"
                : String.format(Locale.ROOT, "parallel wins by 10 %% or more from %,d pixels (AutoEncoder uses %,d)", firstWin,
                        AutoEncoder.PARALLEL_THRESHOLD_PIXELS));
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

    private static double medianMicros(RleStrategy strategy, PackedBitImage image) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            strategy.encode(image); // warm-up: JIT-compile the codec and the strategy's code
        }
        List<Double> times = new ArrayList<>();
        long start = System.nanoTime();
        while (times.size() < 15 || (times.size() < 400 && System.nanoTime() - start < 1_000_000_000L)) {
            long t0 = System.nanoTime();
            strategy.encode(image);
            times.add((System.nanoTime() - t0) / 1e3);
        }
        times.sort(null);
        return times.get(times.size() / 2);
    }
}
