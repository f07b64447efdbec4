package edu.ute.concurrency.examples.rle;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The futures rewrite: a fixed pool of platform threads, every task submitted at once with
 * {@link ExecutorService#invokeAll}, results collected from the {@link Future}s in order. The
 * counterpart of Python's {@code ThreadPoolExecutor.map}.
 *
 * <pre>{@code
 * try (TaskRunner executor = new ExecutorRunner(4)) {
 *     byte[] file = new RunnerCodec(executor).encode(page);
 * }
 * }</pre>
 *
 * <p>Compare with {@link ThreadRunner}: the pool owns the queue, the threads and the results; a task's
 * exception comes back from {@link Future#get()} wrapped in an {@link ExecutionException}.
 * {@code invokeAll} runs every task even when one fails (for a batch that is what you want: the other
 * files are still compressed); if the caller is interrupted it cancels the tasks not yet done. The
 * pool lives as long as this object, and {@link #close()} is {@link ExecutorService#close()}: shut
 * down, then wait for the running tasks.
 *
 * <p><b>Thread safety:</b> calls from several threads share the pool.
 */
public final class ExecutorRunner implements TaskRunner {
    private static final AtomicInteger POOL_NUMBERS = new AtomicInteger();

    private final int threads;
    private final ExecutorService pool;

    public ExecutorRunner(int threads) {
        this.threads = TaskRunner.requirePositive(threads);
        // Threads start as tasks arrive (up to `threads`) and live until close(); named
        // "rle-executor-P-T" so that a thread dump shows whose they are.
        this.pool = Executors.newFixedThreadPool(threads,
                Thread.ofPlatform().name("rle-executor-" + POOL_NUMBERS.incrementAndGet() + "-", 1).factory());
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public <T> List<T> runAll(List<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        return invokeAll(pool, tasks);
    }

    /** {@code executor.invokeAll(tasks)}, then each result (or failure) in task order. */
    static <T> List<T> invokeAll(ExecutorService executor, List<? extends Callable<T>> tasks)
            throws InterruptedException, ExecutionException {
        List<Future<T>> futures = executor.invokeAll(tasks); // waits until every task is done
        List<T> results = new ArrayList<>(futures.size());
        for (Future<T> future : futures) {
            results.add(future.get()); // done already: get() only unwraps the result or the failure
        }
        return results;
    }

    @Override
    public void close() {
        pool.close();
    }
}
