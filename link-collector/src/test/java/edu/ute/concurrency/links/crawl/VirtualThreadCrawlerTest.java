package edu.ute.concurrency.links.crawl;

/** Runs the {@link CrawlerContractTest} against {@link VirtualThreadCrawler}. */
class VirtualThreadCrawlerTest extends CrawlerContractTest {

    @Override
    CrawlMode mode() {
        return CrawlMode.VIRTUAL;
    }
}
