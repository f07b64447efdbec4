package edu.ute.concurrency.links.crawl;

import edu.ute.concurrency.links.http.SelectorHttpClient;
import edu.ute.concurrency.links.url.UrlNormalizer;
import java.util.concurrent.TimeUnit;

/**
 * The plumbing one crawl needs whatever its scheduler: the {@link PageFetcher}, the
 * {@link CrawlState}, the overall deadline and the progress ticker. A scheduler opens one in a
 * try-with-resources block and reads like its algorithm, not like its set-up:
 * <pre>{@code
 * try (CrawlRun run = CrawlRun.open(settings, progress)) {
 *     List<CrawlTask> first = run.state().start();
 *     ...
 *     return run.result(null);
 * }
 * }</pre>
 * {@link #close()} stops the ticker and the fetcher (and waits for its thread). Thread-safe.
 */
public final class CrawlRun implements AutoCloseable {

    private final CrawlSettings settings;
    private final PageFetcher fetcher;
    private final CrawlState state;
    private final long deadlineNanos;
    private final CrawlProgress.Listener progress;
    private volatile SelectorHttpClient.Cancellable ticker;

    private CrawlRun(CrawlSettings settings, CrawlProgress.Listener progress) {
        String start = UrlNormalizer.normalize(settings.startUrl());
        if (!UrlNormalizer.isHttp(start)) {
            throw new IllegalArgumentException("start URL must be http or https: " + settings.startUrl());
        }
        this.settings = settings;
        this.progress = progress;
        this.deadlineNanos = System.nanoTime() + settings.deadline().toNanos();
        this.state = new CrawlState(settings, start);
        this.fetcher = PageFetcher.open(settings);
        if (progress != CrawlProgress.Listener.NONE) {
            tick();
        }
    }

    /** Reports progress about once a second, on the fetcher's loop thread, until closed. */
    private void tick() {
        ticker = fetcher.schedule(TimeUnit.SECONDS.toNanos(1), () -> {
            progress.onProgress(state.progress());
            tick();
        });
    }

    /**
     * Opens a run.
     *
     * @throws IllegalArgumentException if the start URL is malformed or not http(s)
     */
    public static CrawlRun open(CrawlSettings settings, CrawlProgress.Listener progress) {
        return new CrawlRun(settings, progress);
    }

    public CrawlSettings settings() {
        return settings;
    }

    public PageFetcher fetcher() {
        return fetcher;
    }

    public CrawlState state() {
        return state;
    }

    /** Nanoseconds left before the crawl's deadline (negative once passed). */
    public long nanosLeft() {
        return deadlineNanos - System.nanoTime();
    }

    /** The result; {@code stopReason} is null when the crawl ran out of work. */
    public CrawlResult result(String stopReason) {
        CrawlResult result = state.result(stopReason);
        progress.onProgress(state.progress());
        return result;
    }

    @Override
    public void close() {
        SelectorHttpClient.Cancellable t = ticker;
        if (t != null) {
            t.cancel();
        }
        fetcher.close();
    }
}
