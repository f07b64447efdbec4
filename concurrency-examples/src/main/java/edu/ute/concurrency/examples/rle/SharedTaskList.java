package edu.ute.concurrency.examples.rle;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A list of tasks that several threads work through together: each thread that calls {@link #work()}
 * takes the next task nobody has taken yet (a shared counter, so no queue and no blocking), until none
 * is left, a task has failed, or the thread is interrupted. The runners whose calling thread works too
 * ({@link ThreadRunner}, {@link WorkSharingRunner}) are built on it.
 *
 * <pre>{@code
 * SharedTaskList<byte[]> list = new SharedTaskList<>(tasks);
 * helper.start(list::work);   // as many helpers as there are spare cores
 * list.work();                // the calling thread is a worker too
 * helper.join();              // wait for the helpers (or list.awaitFinished), then
 * List<byte[]> results = list.results();
 * }</pre>
 *
 * <p>Whatever the caller uses to wait ({@code Thread.join} on the helpers, or {@link #awaitFinished})
 * makes the tasks' results visible to it: the end of a task <em>happens-before</em> the wait returns.
 * {@link #results()} may only be called after such a wait.
 */
final class SharedTaskList<T> {
    private final TaskResults<T> results;
    private final AtomicInteger next = new AtomicInteger();
    /** One count per task, down when it has run (or failed), or when {@link #stop()} gave it up. */
    private final CountDownLatch unfinished;

    SharedTaskList(List<? extends Callable<T>> tasks) {
        this.results = new TaskResults<>(tasks);
        this.unfinished = new CountDownLatch(tasks.size());
    }

    /**
     * Runs tasks until none is left, one (on any thread) has failed, or this thread is interrupted; in
     * the last two cases the tasks nobody has taken are given up ({@link #stop()}). A task's exception
     * is recorded, not thrown; an interrupt stays set on the thread for its caller to see.
     */
    void work() {
        while (true) {
            if (results.stopped()) {
                stop();
                return;
            }
            int i = next.getAndIncrement();
            if (i >= results.size()) {
                return;
            }
            try {
                results.run(i);
            } finally {
                unfinished.countDown();
            }
        }
    }

    /** Gives up the tasks nobody has taken yet: no thread takes another one (the ones running finish). */
    void stop() {
        int firstUntaken = next.getAndSet(results.size());
        for (int i = firstUntaken; i < results.size(); i++) {
            unfinished.countDown();
        }
    }

    /**
     * Waits until every task has run or been given up, polling for up to {@code spinNanos} before it
     * blocks. It waits for the <em>tasks</em>, not for the threads: a helper that has not woken up yet
     * when the last task is taken costs nothing. Its return makes the tasks' results visible to the
     * caller (a latch's count-down <em>happens-before</em> the await that sees it reach zero).
     */
    void awaitFinished(long spinNanos) throws InterruptedException {
        long deadline = System.nanoTime() + spinNanos;
        while (unfinished.getCount() > 0 && System.nanoTime() - deadline < 0) {
            Thread.onSpinWait();
        }
        unfinished.await();
    }

    /** The results in the order of the tasks, or the first failure as the cause of an {@link ExecutionException}. */
    List<T> results() throws ExecutionException {
        return results.get();
    }
}
