package edu.ute.concurrency.examples.rle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
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
 * for the helpers ({@code Thread.join}, {@code Future.get}) makes their writes visible to it (the end of
 * a thread's work <em>happens-before</em> the wait returns). {@link #results()} may only be called
 * after such a wait.
 */
final class SharedTaskList<T> {
    private final List<? extends Callable<T>> tasks;
    private final Object[] results;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    SharedTaskList(List<? extends Callable<T>> tasks) {
        this.tasks = tasks;
        this.results = new Object[tasks.size()];
    }

    /**
     * Runs tasks until none is left, one (on any thread) has failed, or this thread is interrupted. A
     * task's exception is recorded, not thrown; an interrupt stays set on the thread for its caller to
     * see.
     */
    void work() {
        int n = tasks.size();
        while (failure.get() == null && !Thread.currentThread().isInterrupted()) {
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
            }
        }
    }

    /** No thread takes another task (the ones running finish). */
    void stop() {
        next.set(tasks.size());
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
