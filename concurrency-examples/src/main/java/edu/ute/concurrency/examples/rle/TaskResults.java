package edu.ute.concurrency.examples.rle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The bookkeeping of one {@code runAll} whose tasks are started by index from several threads: one
 * result slot per task, and the first failure. Once a task has failed (or the caller gave up), no new
 * task starts. {@link ForkJoinRunner}, {@link ParallelStreamRunner} and {@link SharedTaskList} keep
 * their results here, so that only the way they hand out indexes differs.
 *
 * <p>Results need no lock: each slot is written by one thread, and the runner's way of waiting for the
 * tasks ({@code join}, {@code ForkJoinTask.get}, a latch) makes those writes visible to the caller
 * before it calls {@link #get()}.
 */
final class TaskResults<T> {
    private final List<? extends Callable<T>> tasks;
    private final Object[] results;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    TaskResults(List<? extends Callable<T>> tasks) {
        this.tasks = tasks;
        this.results = new Object[tasks.size()];
    }

    int size() {
        return tasks.size();
    }

    /**
     * Runs task {@code i} on the calling thread and keeps its result, or its exception as the failure;
     * does nothing once a task has failed or when this thread is interrupted. An interrupt raised inside
     * the task stays set on the thread.
     */
    void run(int i) {
        if (stopped()) {
            return;
        }
        try {
            results[i] = tasks.get(i).call();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.compareAndSet(null, e);
        } catch (Exception e) {
            failure.compareAndSet(null, e);
        }
    }

    /** Whether new tasks must not start: one failed, the run was given up, or this thread is interrupted. */
    boolean stopped() {
        return failure.get() != null || Thread.currentThread().isInterrupted();
    }

    /** Gives the run up with {@code reason} (the caller's interrupt): tasks not yet started will not start. */
    void giveUp(Exception reason) {
        failure.compareAndSet(null, reason);
    }

    /** The results in task order, or the first failure as the cause of an {@link ExecutionException}. */
    List<T> get() throws ExecutionException {
        if (failure.get() != null) {
            throw new ExecutionException(failure.get());
        }
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) new ArrayList<>(Arrays.asList(results));
        return list;
    }
}
