package edu.ute.concurrency.examples.rle;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Divide and conquer: a {@link RecursiveAction} that splits the range of tasks (row blocks, or images)
 * in two until one is left, forks one half and works on the other. Idle threads of the
 * {@link ForkJoinPool} steal the forked halves, so the work balances itself even when some blocks are
 * much slower than others (a page's margins encode faster than its text).
 *
 * <pre>{@code
 * byte[] file = new ForkJoinEncoder(4).encode(page);
 * }</pre>
 *
 * <p>The pool is this object's own ({@code new ForkJoinPool(threads)}), not the common pool: on a 2-core
 * machine the common pool has a parallelism of 1, and a pool we create we can also shut down
 * ({@link #close()}). A failing task is recorded and the ranges not yet started are skipped; an
 * interrupt of the caller does the same.
 *
 * <p><b>Thread safety:</b> calls from several threads share the pool.
 */
public final class ForkJoinEncoder extends RleStrategy {
    private static final AtomicInteger POOL_NUMBERS = new AtomicInteger();

    private final ForkJoinPool pool;

    public ForkJoinEncoder(int threads) {
        super(threads);
        this.pool = newPool(threads);
    }

    @Override
    public String name() {
        return "forkjoin";
    }

    @Override
    protected <T> List<T> runTasks(List<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        Object[] results = new Object[tasks.size()];
        AtomicReference<Exception> failure = new AtomicReference<>();
        try {
            pool.submit(new Split(tasks, results, failure, 0, tasks.size())).get();
        } catch (InterruptedException e) {
            // Splits not yet started see the failure and return without running their tasks.
            failure.compareAndSet(null, e);
            throw e;
        }
        if (failure.get() != null) {
            throw new ExecutionException(failure.get());
        }
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) Arrays.asList(results);
        return list;
    }

    /** Runs tasks {@code [from, to)}: splits in halves down to one task. */
    private static final class Split extends RecursiveAction {
        private final List<? extends Callable<?>> tasks;
        private final Object[] results;
        private final AtomicReference<Exception> failure;
        private final int from;
        private final int to;

        Split(List<? extends Callable<?>> tasks, Object[] results, AtomicReference<Exception> failure, int from, int to) {
            this.tasks = tasks;
            this.results = results;
            this.failure = failure;
            this.from = from;
            this.to = to;
        }

        @Override
        protected void compute() {
            if (failure.get() != null || Thread.currentThread().isInterrupted()) {
                return; // another task failed, or the pool is shutting down: don't start more work
            }
            if (to - from == 1) {
                try {
                    results[from] = tasks.get(from).call();
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
                return;
            }
            int mid = (from + to) >>> 1;
            invokeAll(new Split(tasks, results, failure, from, mid), new Split(tasks, results, failure, mid, to));
        }
    }

    /** Shuts the pool down and waits for its threads to end. */
    @Override
    public void close() {
        shutDownAndWait(pool);
    }

    /** A pool of {@code threads} workers named "rle-forkjoin-P-T". */
    static ForkJoinPool newPool(int threads) {
        int pool = POOL_NUMBERS.incrementAndGet();
        AtomicInteger number = new AtomicInteger();
        return new ForkJoinPool(threads, p -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            t.setName("rle-forkjoin-" + pool + "-" + number.incrementAndGet());
            return t;
        }, null, false);
    }

    /** Shuts {@code pool} down and waits until its threads have stopped, keeping an interrupt for later. */
    static void shutDownAndWait(ForkJoinPool pool) {
        pool.shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
                pool.shutdownNow();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
