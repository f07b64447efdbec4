package edu.ute.concurrency.examples.rle;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.stream.IntStream;

/**
 * One line of concurrency: {@code IntStream.range(0, n).parallel().forEach(i -> run task i)}. The
 * stream splits the range and runs the pieces on a fork/join pool, which is what {@link ForkJoinRunner}
 * writes out by hand.
 *
 * <pre>{@code
 * try (TaskRunner stream = new ParallelStreamRunner(4)) {
 *     byte[] file = new RunnerCodec(stream).encode(page);
 * }
 * }</pre>
 *
 * <p>A parallel stream runs in the common pool unless it is started from inside another
 * {@link ForkJoinPool}, in which case it runs in that pool (a JDK behaviour, not a documented
 * promise). This class uses that to honour its thread count and to be able to close its threads: the
 * common pool has only 1 thread on a 2-core machine (plus the caller), and it cannot be closed. Tasks
 * throw checked exceptions, which a stream lambda cannot, so {@link TaskResults} keeps the first
 * failure aside and later tasks are skipped.
 *
 * <p><b>Thread safety:</b> calls from several threads share the pool; {@link #close()} shuts it down.
 */
public final class ParallelStreamRunner implements TaskRunner {
    private final ForkJoinPool pool;

    public ParallelStreamRunner(int threads) {
        this.pool = ForkJoinRunner.newPool(TaskRunner.requirePositive(threads), "rle-parallel-stream-");
    }

    @Override
    public int threads() {
        return pool.getParallelism();
    }

    @Override
    public <T> List<T> runAll(List<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        TaskResults<T> results = new TaskResults<>(tasks);
        return ForkJoinRunner.runIn(pool, results,
                ForkJoinTask.adapt(() -> IntStream.range(0, tasks.size()).parallel().forEach(results::run)));
    }

    @Override
    public void close() {
        pool.close();
    }
}
