package edu.ute.concurrency.links.crawl;

/** Runs the {@link CrawlerContractTest} against {@link SequentialCrawler}. */
class SequentialCrawlerTest extends CrawlerContractTest {

    @Override
    CrawlMode mode() {
        return CrawlMode.SEQUENTIAL;
    }
}
