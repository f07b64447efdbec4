package edu.ute.concurrency.examples.rle;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The parallel side of {@link AutoCodec}: a pool of {@code threads - 1} helper threads, and the calling
 * thread as the last worker, all taking tasks from one {@link SharedTaskList}. Three choices make it
 * fast for one page at a time:
 * <ul>
 *   <li>the caller works instead of waiting ({@link ExecutorRunner} hands every task to its pool and
 *       then waits to be woken, and waking a parked thread can take longer than half a page's work);</li>
 *   <li>the caller waits for the <em>tasks</em>, not for the helpers: if it has taken every task
 *       before a helper woke up, it returns at once, so a page after a pause costs about what it costs
 *       sequentially, not a wake-up more;</li>
 *   <li>between pages, the helpers and the waiting caller poll briefly before they park
 *       ({@link SpinThenParkQueue}), so back-to-back pages find them running.</li>
 * </ul>
 * The helper queue is bounded (one waiting hand-off per helper thread): when helpers of earlier calls
 * are still queued, a call goes on with fewer helpers, or with none, rather than queueing more.
 * docs/measurements.md shows what each choice changed, with the commands that measure it.
 *
 * <pre>{@code
 * try (TaskRunner sharing = new WorkSharingRunner(2)) {   // one helper thread + the caller
 *     byte[] file = new RunnerCodec(sharing).encode(page);
 * }
 * }</pre>
 *
 * <p><b>Failures and interrupts:</b> as in {@link ThreadRunner}, which it is with a pool: after a task
 * fails no new task is taken and the first failure is thrown; if the caller is interrupted, the
 * helpers are cancelled (a running task is interrupted) and {@link InterruptedException} is thrown.
 * <b>Thread safety:</b> calls from several threads share the helper pool; {@link #close()} waits for
 * its threads.
 */
public final class WorkSharingRunner implements TaskRunner {
    private static final AtomicInteger POOL_NUMBERS = new AtomicInteger();

    private final int threads;
    private final ExecutorService helpers;

    public WorkSharingRunner(int threads) {
        this.threads = TaskRunner.requirePositive(threads);
        // Executors.newFixedThreadPool, but with a queue whose threads poll briefly before they park.
        int helperThreads = Math.max(1, threads - 1);
        this.helpers = new ThreadPoolExecutor(helperThreads, helperThreads, 0, TimeUnit.SECONDS, new SpinThenParkQueue<>(helperThreads),
                Thread.ofPlatform().name("rle-sharing-" + POOL_NUMBERS.incrementAndGet() + "-", 1).factory());
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public <T> List<T> runAll(List<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        SharedTaskList<T> shared = new SharedTaskList<>(tasks);
        List<Future<?>> helping = new ArrayList<>();
        for (int h = 1; h < Math.min(threads, tasks.size()); h++) {
            try {
                helping.add(helpers.submit(shared::work));
            } catch (RejectedExecutionException full) {
                if (helpers.isShutdown()) {
                    throw full; // closed: a programming error, not a busy pool
                }
                break; // helpers of earlier calls still queued: the caller does this call's work with fewer
            }
        }
        shared.work();
        try {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while encoding");
            }
            // Wait for the tasks, not for the helpers: a helper that is still waking up when the caller
            // has taken the last task finds nothing to do, and nobody waits for it.
            shared.awaitFinished(SpinThenParkQueue.SPIN_NANOS);
        } catch (InterruptedException e) {
            shared.stop();
            for (Future<?> helper : helping) {
                helper.cancel(true);
            }
            throw e;
        }
        return shared.results();
    }

    @Override
    public void close() {
        helpers.close();
    }
}
