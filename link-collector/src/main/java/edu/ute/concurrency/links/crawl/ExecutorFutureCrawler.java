package edu.ute.concurrency.links.crawl;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * An {@link ExecutorService} of N threads and the {@link Future}s of its tasks: the counterpart of
 * Python's {@code concurrent.futures.ThreadPoolExecutor} with {@code as_completed}.
 *
 * <p>The calling thread is the coordinator: it submits up to N fetches, takes whichever finishes
 * first from an {@link ExecutorCompletionService}, records it, and submits the URLs it admitted.
 * The pool threads only fetch; all bookkeeping is on one thread. Keeping at most N tasks submitted
 * (the rest wait in the coordinator's own queue) keeps the pool's queue small and lets the
 * coordinator stop at the deadline without a backlog of tasks to cancel.
 *
 * <p>Termination is simple here: the crawl is over when nothing is submitted and nothing is queued.
 * Stateless and thread-safe (each call has its own pool).
 */
public final class ExecutorFutureCrawler implements Crawler {

    private record Fetched(CrawlTask task, FetchOutcome outcome) {
    }

    @Override
    public CrawlResult crawl(CrawlSettings settings, CrawlProgress.Listener progress) throws InterruptedException {
        try (CrawlRun run = CrawlRun.open(settings, progress)) {
            ExecutorService pool = Executors.newFixedThreadPool(settings.concurrency(), PageFetcher.named("links-pool-"));
            try {
                CompletionService<Fetched> completions = new ExecutorCompletionService<>(pool);
                Deque<CrawlTask> waiting = new ArrayDeque<>(run.state().start());
                int submitted = 0;
                while (true) {
                    while (submitted < settings.concurrency() && !waiting.isEmpty()) {
                        CrawlTask task = waiting.removeFirst();
                        run.state().started(task);
                        completions.submit(() -> new Fetched(task, run.fetcher().fetch(task)));
                        submitted++;
                    }
                    if (submitted == 0) {
                        return run.result(null);
                    }
                    Future<Fetched> next = completions.poll(Math.max(run.nanosLeft(), 0), TimeUnit.NANOSECONDS);
                    if (next == null) {
                        return run.result("deadline");   // finally{} interrupts the fetches still running
                    }
                    submitted--;
                    Fetched fetched = getDone(next);
                    waiting.addAll(run.state().complete(fetched.task(), fetched.outcome()));
                }
            } finally {
                shutdownAndWait(pool);
            }
        }
    }

    private static Fetched getDone(Future<Fetched> done) {
        try {
            return done.get();   // already done: does not block
        } catch (ExecutionException e) {
            throw new IllegalStateException("a fetch task failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading a completed future", e);
        }
    }

    /** Interrupts running fetches (they abort their request) and waits for the pool threads to end. */
    private static void shutdownAndWait(ExecutorService pool) {
        pool.shutdownNow();
        boolean interrupted = Thread.interrupted();
        try {
            while (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
