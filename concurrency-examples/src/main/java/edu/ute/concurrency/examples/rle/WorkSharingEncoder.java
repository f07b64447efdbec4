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
 * The parallel side of {@link AutoEncoder}: a pool of {@code threads - 1} helper threads, and the calling
 * thread as the last worker, all taking tasks from one {@link SharedTaskList}. {@link ExecutorEncoder}
 * hands every task to its pool and then waits; here the caller works instead of waiting, so one
 * core is not left idle while the pool's threads wake up.
 *
 * <pre>{@code
 * try (RleStrategy sharing = new WorkSharingEncoder(2)) {   // one helper thread + the caller
 *     byte[] file = sharing.encode(page);
 * }
 * }</pre>
 *
 * <p>Why it exists: a 600-dpi page takes about 1.6 ms to encode, and handing work to a parked thread
 * costs about 20 µs on the course machine ({@code rle calibrate}: a 128-row strip, 21 µs of work,
 * takes 32 µs split over two threads). {@link ExecutorEncoder} wakes both of its workers and then
 * waits to be woken itself; here the calling thread starts on its share at once. JMH, {@code RleStrategyBenchmark.encodeImage} on the
 * 600-dpi page, one run: sequential 1,589 µs, executor 863 µs (1.84×), this one (as {@code auto})
 * 847 µs (1.88×); and {@code rle calibrate}'s crossing fell from above 5 to 2.5 million pixels
 * (docs/rle-tool.md).
 *
 * <p><b>Failures and interrupts:</b> as in {@link ThreadEncoder}: after a task fails no new task is
 * taken and the first failure is thrown as the cause of an {@link ExecutionException}; if the caller is
 * interrupted, the helpers are cancelled (a running task is interrupted) and {@link InterruptedException}
 * is thrown. <b>Thread safety:</b> calls from several threads share the helper pool; {@link #close()}
 * waits for its threads to end.
 */
final class WorkSharingEncoder extends RleStrategy {
    private static final AtomicInteger POOL_NUMBERS = new AtomicInteger();

    private final ExecutorService helpers;

    WorkSharingEncoder(int threads) {
        super(threads);
        this.helpers = Executors.newFixedThreadPool(Math.max(1, threads - 1),
                Thread.ofPlatform().name("rle-sharing-" + POOL_NUMBERS.incrementAndGet() + "-", 1).factory());
    }

    @Override
    public String name() {
        return "work-sharing";
    }

    @Override
    protected <T> List<T> runTasks(List<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        SharedTaskList<T> shared = new SharedTaskList<>(tasks);
        List<Future<?>> helping = new ArrayList<>();
        for (int h = 1; h < Math.min(threads(), tasks.size()); h++) {
            helping.add(helpers.submit(shared::work));
        }
        shared.work();
        try {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while encoding");
            }
            for (Future<?> helper : helping) {
                helper.get(); // work() records every task's failure itself: get() only waits
            }
        } catch (InterruptedException e) {
            shared.stop();
            for (Future<?> helper : helping) {
                helper.cancel(true);
            }
            throw e;
        }
        return shared.results();
    }

    /** Shuts the helper pool down and waits for its threads to finish. */
    @Override
    public void close() {
        helpers.close();
    }
}
