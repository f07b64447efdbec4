package edu.ute.concurrency.links.crawl;

import java.util.ArrayDeque;
import java.util.Deque;
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
                FetchOutcome outcome;
                try {
                    // Waiting with the overall deadline, not just the request timeout, lets a
                    // --deadline stop the crawl in the middle of a slow request.
                    outcome = run.fetcher().fetch(task, Math.max(run.nanosLeft(), 0));
                } catch (TimeoutException e) {
                    run.state().abandoned(task);
                    return run.result("deadline");
                }
                queue.addAll(run.state().complete(task, outcome));
            }
            return run.result(null);
        }
    }
}
