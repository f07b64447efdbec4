package edu.ute.concurrency.examples.rle;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The futures rewrite: a fixed pool of platform threads, every task submitted at once with
 * {@link ExecutorService#invokeAll}, results collected from the {@link Future}s in order. The
 * counterpart of Python's {@code ThreadPoolExecutor.map}.
 *
 * <pre>{@code
 * byte[] file = new ExecutorEncoder(4).encode(page);
 * }</pre>
 *
 * <p>Compare with {@link ThreadEncoder}: the pool owns the queue, the threads and the results; a
 * task's exception comes back from {@link Future#get()} wrapped in an {@link ExecutionException}.
 * {@code invokeAll} runs every task even when one fails (for a batch that is what you want: the other
 * files are still compressed); if the caller is interrupted it cancels the tasks not yet done.
 * The pool lives as long as this object: close it (try-with-resources), and {@code close()} waits for
 * its threads to finish.
 *
 * <p><b>Thread safety:</b> calls from several threads share the pool.
 */
public final class ExecutorEncoder extends RleStrategy {
    private static final AtomicInteger POOL_NUMBERS = new AtomicInteger();

    private final ExecutorService pool;

    public ExecutorEncoder(int threads) {
        super(threads);
        // Threads start as tasks arrive (up to `threads`) and live until close().
        this.pool = Executors.newFixedThreadPool(threads, namedThreads());
    }

    @Override
    public String name() {
        return "executor";
    }

    @Override
    protected <T> List<T> runTasks(List<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        List<Future<T>> futures = pool.invokeAll(tasks); // waits until every task is done
        List<T> results = new ArrayList<>(futures.size());
        for (Future<T> future : futures) {
            results.add(future.get()); // done already: get() only unwraps the result or the failure
        }
        return results;
    }

    /** {@code ExecutorService.close()}: shut down, then wait for the running tasks to finish. */
    @Override
    public void close() {
        pool.close();
    }

    /** Names the pool's threads "rle-executor-P-T", so that a thread dump shows whose they are. */
    static ThreadFactory namedThreads() {
        return Thread.ofPlatform().name("rle-executor-" + POOL_NUMBERS.incrementAndGet() + "-", 1).factory();
    }
}
