package edu.ute.concurrency.examples.rle;

import java.util.concurrent.LinkedBlockingQueue;

/**
 * A work queue for a pool whose threads should not go to sleep between two tasks that follow each
 * other closely: {@link #take()} polls for up to {@link #SPIN_NANOS} before it blocks. The helper pool
 * of {@link WorkSharingEncoder} uses it, so that a helper is still running when the next page comes.
 *
 * <pre>{@code
 * ExecutorService helpers = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new SpinThenParkQueue<>(4));
 * }</pre>
 *
 * <p>Why: a thread blocked in {@code take()} is parked, and its core may go idle. On the course machine
 * (a virtual machine whose idle vCPUs halt at once) a parked thread woken onto another, idle vCPU
 * started running 252 µs later at the median and 824 µs at the 90th percentile (kernel scheduler
 * trace of one {@code rle compare} run; see docs/rle-tool.md): half a page's work. A thread still
 * polling needs no wake-up. The price is bounded: at most {@link #SPIN_NANOS} of CPU time after the
 * last task of a burst. The JDK's own {@code ForkJoinPool} and {@code LinkedTransferQueue} also spin
 * briefly before parking, for the same reason.
 *
 * <p>{@code poll()} on an empty {@link LinkedBlockingQueue} reads one atomic counter and takes no lock,
 * so polling does not slow down the thread that offers the next task. An interrupt (from
 * {@code shutdown()}) ends the polling at once: {@code super.take()} then throws.
 */
final class SpinThenParkQueue<E> extends LinkedBlockingQueue<E> {
    /**
     * How long {@link #take()} polls before it blocks. Measured with 10 interleaved runs each of
     * {@code rle compare --no-decode --no-process --workloads text-600dpi}: auto 1.60–1.88× (median
     * 1.71×) without polling, 1.77–1.92× (median 1.85×) with 500 µs; 200 µs and 1 ms did about as well
     * as 500 µs in a later, noisier batch (docs/rle-tool.md).
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
