package edu.ute.concurrency.links.crawl;

/** Runs the {@link CrawlerContractTest} against {@link AsyncHttpCrawler}. */
class AsyncHttpCrawlerTest extends CrawlerContractTest {

    @Override
    CrawlMode mode() {
        return CrawlMode.ASYNC;
    }
}
