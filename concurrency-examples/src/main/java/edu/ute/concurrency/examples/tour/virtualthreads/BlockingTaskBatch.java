package edu.ute.concurrency.examples.tour.virtualthreads;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs many tasks that each spend their time blocked — the shape of gevent's use case: thousands of
 * connections each waiting on I/O — and counts how many were blocked <em>at the same time</em>. That
 * count is the clock-free proof of concurrency: with a pool of 100 threads it can never exceed 100; with
 * a thread per task it reaches the number of tasks.
 *
 * <pre>{@code
 * try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
 *     BlockingTaskBatch.Result r = BlockingTaskBatch.run(executor, 10_000, () -> Thread.sleep(1000));
 *     // r.peakBlocked() is 10,000; r.peakPlatformThreads() is a handful (the carriers)
 * }
 * }</pre>
 *
 * <p><b>Thread safety.</b> Stateless; each {@code run} uses its own counters. Not meant for two
 * concurrent runs in one JVM: the platform-thread peak is JVM-wide.
 */
public final class BlockingTaskBatch {
    private BlockingTaskBatch() {
    }

    /** A blocking call: a sleep, a socket read, a latch. */
    @FunctionalInterface
    public interface BlockingCall {
        void block() throws Exception;
    }

    /**
     * The outcome of a run.
     *
     * @param peakBlocked         most tasks inside {@code block()} at the same moment
     * @param peakPlatformThreads most live platform threads in the JVM during the run (virtual threads
     *                            are not counted by the JVM's thread bean: their carriers are)
     */
    public record Result(int tasks, long wallNanos, int peakBlocked, int peakPlatformThreads) {
    }

    /**
     * Submits {@code tasks} tasks to {@code executor}, each calling {@code call.block()} once, and waits
     * for all of them.
     *
     * @throws ExecutionException if a task's blocking call failed
     */
    public static Result run(ExecutorService executor, int tasks, BlockingCall call)
            throws InterruptedException, ExecutionException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        threads.resetPeakThreadCount();
        AtomicInteger blocked = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>(tasks);
        long start = System.nanoTime();
        try {
            for (int i = 0; i < tasks; i++) {
                futures.add(executor.submit(() -> {
                    peak.accumulateAndGet(blocked.incrementAndGet(), Math::max);
                    try {
                        call.block();
                    } finally {
                        blocked.decrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            // On failure or interruption, do not leave thousands of tasks blocked behind us.
            for (Future<?> f : futures) {
                f.cancel(true);
            }
        }
        long wall = System.nanoTime() - start;
        return new Result(tasks, wall, peak.get(), threads.getPeakThreadCount());
    }
}
