package edu.ute.concurrency.links.crawl;

/**
 * One way of scheduling the fetches of a crawl. Every implementation returns the same
 * {@link CrawlResult} for the same site and settings; they differ in how many requests they keep in
 * flight and what that costs (threads, CPU).
 *
 * <p>{@link #crawl} returns when there is no more work or when the settings' deadline passes (the
 * result then says so); it throws {@link InterruptedException} if the calling thread is interrupted,
 * after stopping every fetch and thread it started. Implementations are stateless: one instance may
 * run any number of crawls, one after another or at the same time.
 */
public interface Crawler {

    /** Crawls as the settings say, reporting progress about once a second. */
    CrawlResult crawl(CrawlSettings settings, CrawlProgress.Listener progress) throws InterruptedException;

    /** Crawls without progress reports. */
    default CrawlResult crawl(CrawlSettings settings) throws InterruptedException {
        return crawl(settings, CrawlProgress.Listener.NONE);
    }
}
