package edu.ute.concurrency.examples.rle;

import java.util.concurrent.LinkedBlockingQueue;

/**
 * A work queue for a pool whose threads should not go to sleep between two tasks that follow each
 * other closely: {@link #take()} polls for up to {@link #SPIN_NANOS} before it blocks. The helper pool
 * of {@link WorkSharingRunner} uses it, so that a helper is still running when the next page comes.
 *
 * <pre>{@code
 * ExecutorService helpers = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new SpinThenParkQueue<>(4));
 * }</pre>
 *
 * <p>Why: a thread blocked in {@code take()} is parked, and its core may go idle; on a virtual machine
 * whose idle vCPUs halt at once, waking it onto another vCPU can take as long as half a page's work
 * (docs/measurements.md has the scheduler trace that showed it). A thread still polling needs no
 * wake-up. The price is bounded: at most {@link #SPIN_NANOS} of CPU time after the last task of a
 * burst. The JDK's own {@code ForkJoinPool} and {@code LinkedTransferQueue} also spin briefly before
 * parking, for the same reason.
 *
 * <p>{@code poll()} on an empty {@link LinkedBlockingQueue} reads one atomic counter and takes no lock,
 * so polling does not slow down the thread that offers the next task. An interrupt (from
 * {@code shutdown()}) ends the polling at once: {@code super.take()} then throws.
 */
final class SpinThenParkQueue<E> extends LinkedBlockingQueue<E> {
    /**
     * How long {@link #take()} polls before it blocks: long enough to bridge the gap between two pages
     * encoded back to back, short enough to cost little after the last one. Shorter and longer values
     * did about as well with {@code rle compare --no-decode --no-process --workloads text-600dpi}
     * (docs/measurements.md).
     */
    static final long SPIN_NANOS = 500_000;

    /** A queue that holds at most {@code capacity} elements (offer fails beyond that). */
    SpinThenParkQueue(int capacity) {
        super(capacity);
    }

    @Override
    public E take() throws InterruptedException {
        long deadline = System.nanoTime() + SPIN_NANOS;
        while (System.nanoTime() - deadline < 0 && !Thread.currentThread().isInterrupted()) {
            E next = poll();
            if (next != null) {
                return next;
            }
            Thread.onSpinWait();
        }
        return super.take();
    }
}
