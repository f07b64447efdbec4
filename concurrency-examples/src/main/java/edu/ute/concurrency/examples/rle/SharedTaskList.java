package edu.ute.concurrency.examples.rle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A list of tasks that several threads work through together: each thread that calls {@link #work()}
 * takes the next task nobody has taken yet (a shared counter, so no queue and no blocking), until none
 * is left, a task has failed, or the thread is interrupted. The strategies whose calling thread works
 * too ({@link ThreadEncoder}, {@link WorkSharingEncoder}) are built on it.
 *
 * <pre>{@code
 * SharedTaskList<byte[]> list = new SharedTaskList<>(tasks);
 * helper.start(list::work);   // as many helpers as there are spare cores
 * list.work();                // the calling thread is a worker too
 * helper.join();              // wait for the helpers, then
 * List<byte[]> results = list.results();
 * }</pre>
 *
 * <p>Results need no lock: each slot is written by one thread, and whatever the caller uses to wait
 * ({@code Thread.join} on the helpers, or {@link #awaitFinished}) makes their writes visible to it (the
 * end of a task <em>happens-before</em> the wait returns). {@link #results()} may only be called after
 * such a wait.
 */
final class SharedTaskList<T> {
    private final List<? extends Callable<T>> tasks;
    private final Object[] results;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    /** One count per task, down when it has run (or failed), or when {@link #stop()} gave it up. */
    private final CountDownLatch unfinished;

    SharedTaskList(List<? extends Callable<T>> tasks) {
        this.tasks = tasks;
        this.results = new Object[tasks.size()];
        this.unfinished = new CountDownLatch(tasks.size());
    }

    /**
     * Runs tasks until none is left, one (on any thread) has failed, or this thread is interrupted; in
     * the last two cases the tasks nobody has taken are given up ({@link #stop()}). A task's exception
     * is recorded, not thrown; an interrupt stays set on the thread for its caller to see.
     */
    void work() {
        int n = tasks.size();
        while (true) {
            if (failure.get() != null || Thread.currentThread().isInterrupted()) {
                stop();
                return;
            }
            int i = next.getAndIncrement();
            if (i >= n) {
                return;
            }
            try {
                results[i] = tasks.get(i).call();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // keep the status: on the caller it decides what is thrown
                failure.compareAndSet(null, e);
            } catch (Exception e) {
                failure.compareAndSet(null, e);
            } finally {
                unfinished.countDown();
            }
        }
    }

    /** Gives up the tasks nobody has taken yet: no thread takes another one (the ones running finish). */
    void stop() {
        int firstUntaken = next.getAndSet(tasks.size());
        for (int i = firstUntaken; i < tasks.size(); i++) {
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
        if (failure.get() != null) {
            throw new ExecutionException(failure.get());
        }
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) new ArrayList<>(Arrays.asList(results));
        return list;
    }
}
