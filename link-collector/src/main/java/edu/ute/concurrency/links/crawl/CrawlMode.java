package edu.ute.concurrency.links.crawl;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * The five schedulers by their command-line name ({@code --mode}). Each is a class to read on its
 * own: {@link SequentialCrawler}, {@link RawThreadCrawler}, {@link ExecutorFutureCrawler},
 * {@link AsyncHttpCrawler}, {@link VirtualThreadCrawler}. Immutable and thread-safe; each
 * {@link #crawler()} call returns a new, stateless crawler.
 */
public enum CrawlMode {
    SEQUENTIAL(SequentialCrawler::new, "one page at a time (the baseline)"),
    THREADS(RawThreadCrawler::new, "N raw Threads over a shared work queue"),
    FUTURES(ExecutorFutureCrawler::new, "an ExecutorService of N threads and its Futures"),
    ASYNC(AsyncHttpCrawler::new, "one event-loop thread, CompletableFuture, the network on one Selector"),
    VIRTUAL(VirtualThreadCrawler::new, "one virtual thread per fetch, a Semaphore of N permits");

    private final Supplier<Crawler> factory;
    private final String description;

    CrawlMode(Supplier<Crawler> factory, String description) {
        this.factory = factory;
        this.description = description;
    }

    /** A new crawler of this kind. */
    public Crawler crawler() {
        return factory.get();
    }

    public String description() {
        return description;
    }

    /** The command-line spelling. */
    public String option() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the command-line spelling. */
    public static CrawlMode fromOption(String text) {
        for (CrawlMode m : values()) {
            if (m.option().equals(text)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mode \"" + text
                + "\" (expected sequential, threads, futures, async or virtual)");
    }
}
