package edu.ute.concurrency.links.crawl;

/** Runs the {@link CrawlerContractTest} against {@link ExecutorFutureCrawler}. */
class ExecutorFutureCrawlerTest extends CrawlerContractTest {

    @Override
    CrawlMode mode() {
        return CrawlMode.FUTURES;
    }
}
