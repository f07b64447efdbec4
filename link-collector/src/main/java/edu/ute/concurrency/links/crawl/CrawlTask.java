package edu.ute.concurrency.links.crawl;

/**
 * One URL admitted for fetching, as handed from {@link CrawlState} to a scheduler. Immutable.
 *
 * @param url   normalised URL to fetch
 * @param depth link distance from the start URL when it was admitted (it may get shorter later:
 *              {@link CrawlState} keeps the current value)
 */
public record CrawlTask(String url, int depth) {
}
