package edu.ute.concurrency.links.crawl;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Non-blocking: one event-loop thread owns the crawl, the fetcher's futures tell it when a page is
 * in, and no thread ever waits for a response — the counterpart of Python's asyncio + aiohttp.
 * 256 requests in flight cost no more threads than 2.
 *
 * <p>The event loop is one thread ({@code links-event-loop}) on which every piece of crawl
 * bookkeeping runs: the frontier, the in-flight count, and the links of each page, extracted there
 * as asyncio's coroutines would. A fetch is started from that thread, and its outcome is computed
 * on it with {@code fetchAsync(task, loop)}; the completion is handed back to it with
 * {@code whenCompleteAsync(..., loop)}, so no field needs a lock, exactly as a coroutine's local
 * state needs none. The network is the fetcher's own selector thread, where every socket is waited
 * for at once.
 *
 * <p>Bounding: the loop itself keeps at most {@code concurrency} fetches in flight (asyncio's
 * {@code Semaphore}); every {@code *Async} stage names its executor, so no work runs on the JDK's
 * default one.
 *
 * <p>Stateless and thread-safe (each call has its own loop).
 */
public final class AsyncHttpCrawler implements Crawler {

    @Override
    public CrawlResult crawl(CrawlSettings settings, CrawlProgress.Listener progress) throws InterruptedException {
        try (CrawlRun run = CrawlRun.open(settings, progress)) {
            ExecutorService loop = Executors.newSingleThreadExecutor(PageFetcher.named("links-event-loop-"));
            EventLoopCrawl crawl = new EventLoopCrawl(run, loop);
            try {
                loop.execute(crawl::begin);
                crawl.finished.get(Math.max(run.nanosLeft(), 0), TimeUnit.NANOSECONDS);
                return run.result(null);
            } catch (TimeoutException e) {
                crawl.stopAndWait();
                return run.result("deadline");
            } catch (InterruptedException e) {
                crawl.stopAndWait();
                throw e;
            } catch (ExecutionException e) {
                throw new IllegalStateException("crawl failed", e.getCause());
            } finally {
                loop.shutdownNow();
                awaitUninterruptibly(loop);
            }
        }
    }

    /** The crawl's state, confined to the event-loop thread: no field is touched from elsewhere. */
    private static final class EventLoopCrawl {
        private final CrawlRun run;
        private final ExecutorService loop;
        private final Deque<CrawlTask> frontier = new ArrayDeque<>();
        private final Set<CompletableFuture<FetchOutcome>> inFlight = new HashSet<>();
        private boolean stopped;
        /** Completed (on the loop) when nothing is queued or in flight. */
        final CompletableFuture<Void> finished = new CompletableFuture<>();

        EventLoopCrawl(CrawlRun run, ExecutorService loop) {
            this.run = run;
            this.loop = loop;
        }

        void begin() {
            try {
                frontier.addAll(run.state().start());
                pump();
            } catch (RuntimeException e) {
                finished.completeExceptionally(e);   // a bug must end the wait, not hang until the deadline
            }
        }

        /** Starts fetches until the limit is reached or the frontier is empty. Runs on the loop. */
        private void pump() {
            while (!stopped && inFlight.size() < run.settings().concurrency() && !frontier.isEmpty()) {
                CrawlTask task = frontier.removeFirst();
                run.state().started(task);
                CompletableFuture<FetchOutcome> fetch = run.fetcher().fetchAsync(task, loop);
                inFlight.add(fetch);
                fetch.whenCompleteAsync((outcome, error) -> fetched(task, fetch, outcome), loop);
            }
            if (inFlight.isEmpty()) {
                finished.complete(null);
            }
        }

        /** One fetch completed (or was cancelled). Runs on the loop. */
        private void fetched(CrawlTask task, CompletableFuture<FetchOutcome> fetch, FetchOutcome outcome) {
            try {
                inFlight.remove(fetch);
                if (outcome != null && !stopped) {
                    frontier.addAll(run.state().complete(task, outcome));
                } else {
                    run.state().abandoned(task);
                }
                pump();
            } catch (RuntimeException e) {
                finished.completeExceptionally(e);
            }
        }

        /** Called from the crawling thread: cancel everything in flight, on the loop, and wait. */
        void stopAndWait() {
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> {
                stopped = true;
                frontier.clear();
                // A copy: cancelling completes the future, and its callback is queued on this loop.
                for (CompletableFuture<FetchOutcome> f : Set.copyOf(inFlight)) {
                    f.cancel(true);
                }
                if (inFlight.isEmpty()) {
                    finished.complete(null);
                }
            }, loop);
            boolean interrupted = Thread.interrupted();
            try {
                stopping.get(5, TimeUnit.SECONDS);
                finished.get(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException | TimeoutException e) {
                // The loop is shut down right after this anyway; nothing more to wait for.
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static void awaitUninterruptibly(ExecutorService executor) {
        boolean interrupted = Thread.interrupted();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
