package edu.ute.concurrency.examples.concepts;

import java.util.ArrayDeque;
import java.util.PriorityQueue;
import java.util.Queue;

/**
 * Concept 4: an event loop, the idea under Python's {@code asyncio} (and under Netty, browsers and
 * Node.js). One thread runs callbacks one at a time from a queue. A callback never waits: to "sleep"
 * it asks the loop to call the next step later ({@link #callLater}) and returns at once, so while one
 * job waits the loop runs the others. Nothing here needs a lock, because only one thread ever runs.
 *
 * <p>Three jobs of three steps wait between steps (job A 100 ms, B 200 ms, C 300 ms). Run one after
 * the other the waits would add up to 1.2 s; interleaved by the loop it takes about 0.6 s, on one
 * thread. A callback that
 * computed for a long time would stall all the others: event loops are for waiting, not computing.
 *
 * <p>HOW TO RUN:
 * <pre>
 * mvn -q -pl concurrency-examples -am compile exec:exec -Dexec.mainClass=edu.ute.concurrency.examples.concepts.Concept04EventLoop
 * </pre>
 * Expected output (one thread name throughout, steps interleaved):
 * <pre>
 *     6 ms [main] job A step 1
 *     7 ms [main] job B step 1
 *     7 ms [main] job C step 1
 *   107 ms [main] job A step 2
 *   207 ms [main] job B step 2
 *   207 ms [main] job A step 3
 *   307 ms [main] job C step 2
 *   407 ms [main] job B step 3
 *   607 ms [main] job C step 3
 * loop empty after 608 ms on 1 thread
 * </pre>
 */
public final class Concept04EventLoop {
    private record Timer(long dueNanos, long order, Runnable callback) {
    }

    private final Queue<Runnable> ready = new ArrayDeque<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>(
            (a, b) -> a.dueNanos != b.dueNanos ? Long.compare(a.dueNanos, b.dueNanos) : Long.compare(a.order, b.order));
    private final long start = System.nanoTime();
    private long timersAdded;

    /** Runs {@code callback} on the next turn of the loop (asyncio's {@code call_soon}). */
    void callSoon(Runnable callback) {
        ready.add(callback);
    }

    /** Runs {@code callback} after {@code millis} ms, without blocking anyone meanwhile ({@code call_later}). */
    void callLater(long millis, Runnable callback) {
        timers.add(new Timer(System.nanoTime() + millis * 1_000_000, timersAdded++, callback));
    }

    /** The loop: run what is ready; otherwise sleep until the next timer is due; stop when nothing is left. */
    void run() throws InterruptedException {
        while (!ready.isEmpty() || !timers.isEmpty()) {
            while (!timers.isEmpty() && timers.peek().dueNanos() <= System.nanoTime()) {
                ready.add(timers.poll().callback());
            }
            if (ready.isEmpty()) {
                // The only place the loop waits: nothing to do until the next timer (a real loop would
                // also wait for sockets here, with a java.nio.channels.Selector).
                long nanos = timers.peek().dueNanos() - System.nanoTime();
                Thread.sleep(Math.max(0, nanos / 1_000_000), (int) Math.max(0, nanos % 1_000_000));
                continue;
            }
            ready.poll().run();
        }
    }

    /** A job of three steps, written as callbacks: each step schedules the next and returns. */
    void job(String name, long waitMillis, int step) {
        System.out.printf("%5d ms [%s] job %s step %d%n", (System.nanoTime() - start) / 1_000_000,
                Thread.currentThread().getName(), name, step);
        if (step < 3) {
            callLater(waitMillis, () -> job(name, waitMillis, step + 1));
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Concept04EventLoop loop = new Concept04EventLoop();
        loop.callSoon(() -> loop.job("A", 100, 1));
        loop.callSoon(() -> loop.job("B", 200, 1));
        loop.callSoon(() -> loop.job("C", 300, 1));
        loop.run();
        System.out.printf("loop empty after %d ms on 1 thread%n", (System.nanoTime() - loop.start) / 1_000_000);
    }
}
