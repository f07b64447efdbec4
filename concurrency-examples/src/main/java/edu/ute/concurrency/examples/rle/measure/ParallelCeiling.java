package edu.ute.concurrency.examples.rle.measure;

import edu.ute.concurrency.examples.rle.TaskRunner;
import edu.ute.concurrency.examples.rle.WorkSharingRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The most that {@code threads} threads can gain on this machine, at this moment, on work of a given
 * size: the same amount of pure arithmetic (nothing shared, nothing allocated, no memory traffic) run
 * on the calling thread, and split in equal shares over the threads. {@code rle compare} times both
 * in its own rounds, beside the strategies, so that a strategy's speedup is read against what the
 * machine allowed in the same run rather than against an ideal N×.
 *
 * <p>Why it is needed: N threads never divide a piece of work exactly by N, and the shorter the work,
 * the further they are from it (a thread must be woken, and on a virtual machine an idle virtual CPU
 * with it); the figure also moves with whatever else the host runs. The shares are handed out by
 * {@link WorkSharingRunner}, the cheapest hand-off in this package (the caller works too, helpers poll
 * before they park), so that the ceiling charges as little as possible for the hand-off itself.
 *
 * <pre>{@code
 * try (ParallelCeiling ceiling = new ParallelCeiling(2_000_000, 2)) {   // about 2 ms of arithmetic
 *     time(ceiling.oneThread());
 *     time(ceiling.split());                                             // the ratio is the ceiling
 * }
 * }</pre>
 *
 * <p>A caller with no timing rounds of its own (the Python case study, whose rows are timed in
 * another process) asks {@link #measure} for the ratio alone.
 *
 * <p><b>Thread safety.</b> The callables may be called from any thread; {@link #close()} ends the
 * helper threads.
 */
final class ParallelCeiling implements AutoCloseable {
    /** The name its rows have in {@code compare}'s table. */
    static final String NAME = "ceiling";

    private static final long CALIBRATION_ITERATIONS = 2_000_000;
    /** A round of {@link #measure}: calls back to back for at least this long. */
    private static final double ROUND_MILLIS = 20;

    private final long iterations;
    private final int threads;
    private final TaskRunner runner;

    /** Arithmetic that takes about {@code nanos} on one thread, to be split over {@code threads}. */
    ParallelCeiling(long nanos, int threads) {
        this.iterations = iterationsFor(nanos);
        this.threads = threads;
        this.runner = new WorkSharingRunner(threads);
    }

    /**
     * How many iterations of {@link #work} take about {@code nanos} on one thread: the fastest of a few
     * timed runs, the first of which let the JIT compile the loop.
     */
    static long iterationsFor(long nanos) {
        long fastest = Long.MAX_VALUE;
        long sink = 0;
        for (int i = 0; i < 30; i++) {
            long t0 = System.nanoTime();
            sink += work(i, CALIBRATION_ITERATIONS);
            fastest = Math.min(fastest, System.nanoTime() - t0);
        }
        Blackhole.sink = sink;
        return Math.max(1, (long) ((double) nanos / Math.max(1, fastest) * CALIBRATION_ITERATIONS));
    }

    /**
     * The ceiling on its own: one thread against {@code threads} on work of about {@code workMillis}
     * (clamped to 0.01..400 ms), in {@code rounds} alternating rounds of back-to-back calls long enough
     * for the clock to resolve; the median of the rounds' ratios.
     */
    static double measure(double workMillis, int threads, int rounds) throws InterruptedException {
        double work = Math.clamp(workMillis, 0.01, 400);
        int reps = (int) Math.max(1, Math.ceil(ROUND_MILLIS / work));
        List<Double> ratios = new ArrayList<>();
        try (ParallelCeiling ceiling = new ParallelCeiling((long) (work * 1e6), threads)) {
            Callable<List<?>> one = ceiling.oneThread();
            Callable<List<?>> split = ceiling.split();
            call(one); // the threads started and the loop compiled before the first timed round
            call(split);
            for (int r = 0; r < rounds; r++) {
                ratios.add((double) time(one, reps) / time(split, reps));
            }
        }
        ratios.sort(null);
        int n = ratios.size();
        return n % 2 == 1 ? ratios.get(n / 2) : (ratios.get(n / 2 - 1) + ratios.get(n / 2)) / 2;
    }

    private static long time(Callable<List<?>> call, int reps) throws InterruptedException {
        long t0 = System.nanoTime();
        for (int i = 0; i < reps; i++) {
            call(call);
        }
        return System.nanoTime() - t0;
    }

    private static void call(Callable<List<?>> call) throws InterruptedException {
        try {
            call.call();
        } catch (InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("pure arithmetic cannot fail", e);
        }
    }

    /** All the iterations on the calling thread. */
    Callable<List<?>> oneThread() {
        return () -> List.of(work(1, iterations));
    }

    /** The iterations in {@code threads} equal shares, run by {@link WorkSharingRunner}. */
    Callable<List<?>> split() {
        List<Callable<Long>> shares = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long seed = t + 1;
            shares.add(() -> work(seed, iterations / threads));
        }
        return () -> runner.runAll(shares);
    }

    @Override
    public void close() {
        runner.close();
    }

    /** A xorshift generator stepped {@code iterations} times: registers only, and a result to keep. */
    private static long work(long seed, long iterations) {
        long x = seed * 0x9E3779B97F4A7C15L | 1;
        for (long i = 0; i < iterations; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }

    /** Keeps the calibration's results alive, so that the JIT cannot drop the loop that computed them. */
    private static final class Blackhole {
        static volatile long sink;
    }
}
