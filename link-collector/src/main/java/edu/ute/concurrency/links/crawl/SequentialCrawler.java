package edu.ute.concurrency.links.crawl;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The baseline: one page at a time, breadth first. Every other crawler must find exactly what this
 * one finds, only sooner.
 *
 * <p>The whole algorithm is the loop in {@link #crawl}: take a URL from the queue, fetch it, put the
 * new URLs {@link CrawlState} admits at the back. With a 50 ms round trip, 500 pages take at least
 * 25 s: the thread spends nearly all of it waiting for the network, which is what the concurrent
 * crawlers exploit.
 *
 * <p>Stateless and thread-safe (each call uses its own queue).
 */
public final class SequentialCrawler implements Crawler {

    @Override
    public CrawlResult crawl(CrawlSettings settings, CrawlProgress.Listener progress) throws InterruptedException {
        try (CrawlRun run = CrawlRun.open(settings, progress)) {
            Deque<CrawlTask> queue = new ArrayDeque<>(run.state().start());
            while (!queue.isEmpty()) {
                CrawlTask task = queue.removeFirst();
                run.state().started(task);
                CompletableFuture<FetchOutcome> fetch = run.fetcher().fetchAsync(task, Runnable::run);
                FetchOutcome outcome;
                try {
                    // Waiting with the overall deadline, not just the request timeout, lets a
                    // --deadline stop the crawl in the middle of a slow request.
                    outcome = fetch.get(Math.max(run.nanosLeft(), 0), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    fetch.cancel(true);
                    run.state().abandoned(task);
                    return run.result("deadline");
                } catch (InterruptedException e) {
                    fetch.cancel(true);
                    throw e;
                } catch (ExecutionException e) {
                    // fetchAsync reports network problems as outcomes; this is a bug, not a broken link.
                    throw new IllegalStateException("fetch of " + task.url() + " failed", e.getCause());
                }
                queue.addAll(run.state().complete(task, outcome));
            }
            return run.result(null);
        }
    }
}
