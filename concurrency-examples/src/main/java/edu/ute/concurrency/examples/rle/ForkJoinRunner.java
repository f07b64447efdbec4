package edu.ute.concurrency.examples.rle;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Divide and conquer: a {@link RecursiveAction} that splits the range of tasks (row ranges, or images)
 * in two until one is left, forks one half and works on the other. Idle threads of the
 * {@link ForkJoinPool} steal the forked halves, so the work balances itself even when some tasks are
 * much slower than others (a page's margins encode faster than its text).
 *
 * <pre>{@code
 * try (TaskRunner forkJoin = new ForkJoinRunner(4)) {
 *     byte[] file = new RunnerCodec(forkJoin).encode(page);
 * }
 * }</pre>
 *
 * <p>The pool is this object's own ({@code new ForkJoinPool(threads)}), not the common pool: on a
 * 2-core machine the common pool has a parallelism of 1, and a pool we create we can also close
 * ({@link ForkJoinPool#close()}). A failing task is recorded and the tasks not yet started are
 * skipped ({@link TaskResults}); an interrupt of the caller does the same.
 *
 * <p><b>Thread safety:</b> calls from several threads share the pool.
 */
public final class ForkJoinRunner implements TaskRunner {
    private static final AtomicInteger POOL_NUMBERS = new AtomicInteger();

    private final ForkJoinPool pool;

    public ForkJoinRunner(int threads) {
        this.pool = newPool(TaskRunner.requirePositive(threads), "rle-forkjoin-");
    }

    @Override
    public int threads() {
        return pool.getParallelism();
    }

    @Override
    public <T> List<T> runAll(List<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        TaskResults<T> results = new TaskResults<>(tasks);
        return runIn(pool, results, new Split(results, 0, tasks.size()));
    }

    /**
     * Runs {@code work}, which fills {@code results}, in {@code pool} and waits for it. If the caller is
     * interrupted, the run is given up: tasks not yet started see it and return without running.
     */
    static <T> List<T> runIn(ForkJoinPool pool, TaskResults<T> results, ForkJoinTask<?> work)
            throws InterruptedException, ExecutionException {
        try {
            pool.submit(work).get();
        } catch (InterruptedException e) {
            results.giveUp(e);
            throw e;
        }
        return results.get();
    }

    /** Runs tasks {@code [from, to)}: splits in halves down to one task. */
    private static final class Split extends RecursiveAction {
        private final TaskResults<?> results;
        private final int from;
        private final int to;

        Split(TaskResults<?> results, int from, int to) {
            this.results = results;
            this.from = from;
            this.to = to;
        }

        @Override
        protected void compute() {
            if (results.stopped()) {
                return; // a task failed, or the caller gave up: don't start more work
            }
            if (to - from == 1) {
                results.run(from);
                return;
            }
            int mid = (from + to) >>> 1;
            invokeAll(new Split(results, from, mid), new Split(results, mid, to));
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    /** A pool of {@code threads} workers named "PREFIX-P-T" (P numbers the pools, T the threads). */
    static ForkJoinPool newPool(int threads, String prefix) {
        String poolName = prefix + POOL_NUMBERS.incrementAndGet() + "-";
        AtomicInteger number = new AtomicInteger();
        return new ForkJoinPool(threads, p -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            t.setName(poolName + number.incrementAndGet());
            return t;
        }, null, false);
    }
}
