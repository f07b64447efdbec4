package edu.ute.concurrency.links.crawl;

/** Runs the {@link CrawlerContractTest} against {@link RawThreadCrawler}. */
class RawThreadCrawlerTest extends CrawlerContractTest {

    @Override
    CrawlMode mode() {
        return CrawlMode.THREADS;
    }
}
