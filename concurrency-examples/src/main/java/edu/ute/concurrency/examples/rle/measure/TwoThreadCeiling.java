package edu.ute.concurrency.examples.rle.measure;

import java.util.ArrayList;
import java.util.List;

/**
 * How much faster two threads can possibly be than one on this machine, right now, for work of a given
 * length: pure arithmetic (no memory traffic, nothing shared), one fresh thread doing two units against
 * two fresh threads doing one unit each, in alternating rounds; the ratio of the medians. On a virtual
 * machine with two vCPUs this is well under 2 for short work (waking the second vCPU takes time), so a
 * parallel speedup is read against it, measured in the same run, rather than against 2.
 *
 * <pre>{@code
 * double ceiling = TwoThreadCeiling.measure(1.7, 5);   // for work that takes 1.7 ms on one thread
 * }</pre>
 *
 * <p><b>Thread safety.</b> Stateless; each call starts and joins its own threads.
 */
final class TwoThreadCeiling {
    /** Rounds shorter than this are repeated back to back, so that the clock's resolution does not matter. */
    private static final double ROUND_MILLIS = 20;
    private static volatile long sink;

    private TwoThreadCeiling() {
    }

    /**
     * The ceiling for work of {@code workMillis} on one thread (clamped to 0.01..400 ms), the median of
     * {@code rounds} alternating rounds.
     */
    static double measure(double workMillis, int rounds) throws InterruptedException {
        double work = Math.clamp(workMillis, 0.01, 400);
        long steps = stepsFor(work);
        int reps = (int) Math.max(1, Math.ceil(ROUND_MILLIS / (2 * work)));
        List<Double> ratios = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            long one = 0;
            long two = 0;
            for (int i = 0; i < reps; i++) {
                one += time(1, 2 * steps);
                two += time(2, steps);
            }
            ratios.add((double) one / two);
        }
        ratios.sort(null);
        int n = ratios.size();
        return n % 2 == 1 ? ratios.get(n / 2) : (ratios.get(n / 2 - 1) + ratios.get(n / 2)) / 2;
    }

    /** Steps of {@link #spin} that take about {@code millis} on one thread, the JIT warmed up. */
    private static long stepsFor(double millis) {
        long steps = 100_000;
        for (int i = 0; i < 3; i++) { // warm-up and a first estimate, then two corrections
            long t0 = System.nanoTime();
            sink += spin(steps);
            long elapsed = Math.max(1, System.nanoTime() - t0);
            steps = Math.max(1_000, (long) (steps * (millis * 1e6 / elapsed)));
        }
        return steps;
    }

    /** Nanoseconds for {@code threads} fresh threads to run {@code steps} each, from the first start to the last end. */
    private static long time(int threads, long steps) throws InterruptedException {
        Thread[] started = new Thread[threads];
        long[] results = new long[threads];
        long t0 = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            int slot = i;
            started[i] = Thread.ofPlatform().name("rle-ceiling-" + i).start(() -> results[slot] = spin(steps));
        }
        for (Thread t : started) {
            t.join();
        }
        long elapsed = System.nanoTime() - t0;
        for (long result : results) {
            sink += result; // join() makes the results visible; using them keeps the JIT from dropping the work
        }
        return elapsed;
    }

    /** A chain of dependent multiply-adds: arithmetic only, which the JIT cannot fold away. */
    private static long spin(long steps) {
        long x = steps;
        for (long i = 0; i < steps; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        return x;
    }
}
