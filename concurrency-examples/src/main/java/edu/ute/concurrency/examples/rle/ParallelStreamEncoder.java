package edu.ute.concurrency.examples.rle;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

/**
 * One line of concurrency: {@code IntStream.range(0, n).parallel().forEach(i -> run task i)}. The
 * stream splits the range and runs the pieces on a fork/join pool, much like {@link ForkJoinEncoder}
 * does by hand.
 *
 * <pre>{@code
 * byte[] file = new ParallelStreamEncoder(4).encode(page);
 * }</pre>
 *
 * <p>A parallel stream runs in the common pool unless it is started from inside another
 * {@link ForkJoinPool}, in which case it runs in that pool (a JDK behaviour, not a documented
 * promise). This class uses that to honour {@code --threads} and to be able to shut its threads down:
 * the common pool has only 1 thread on a 2-core machine (plus the caller), and it cannot be closed. Tasks throw checked
 * exceptions, which a stream lambda cannot, so the first failure is kept aside and later tasks skipped.
 *
 * <p><b>Thread safety:</b> calls from several threads share the pool; {@link #close()} shuts it down.
 */
public final class ParallelStreamEncoder extends RleStrategy {
    private final ForkJoinPool pool;

    public ParallelStreamEncoder(int threads) {
        super(threads);
        this.pool = ForkJoinEncoder.newPool(threads);
    }

    @Override
    public String name() {
        return "parallel-stream";
    }

    @Override
    protected <T> List<T> runTasks(List<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        Object[] results = new Object[tasks.size()];
        AtomicReference<Exception> failure = new AtomicReference<>();
        try {
            pool.submit(() -> IntStream.range(0, tasks.size()).parallel().forEach(i -> {
                if (failure.get() != null || Thread.currentThread().isInterrupted()) {
                    return;
                }
                try {
                    results[i] = tasks.get(i).call();
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            })).get();
        } catch (InterruptedException e) {
            failure.compareAndSet(null, e); // the elements not yet processed are skipped
            throw e;
        }
        if (failure.get() != null) {
            throw new ExecutionException(failure.get());
        }
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) Arrays.asList(results);
        return list;
    }

    @Override
    public void close() {
        ForkJoinEncoder.shutDownAndWait(pool);
    }
}
