package edu.ute.concurrency.links.crawl;

/**
 * One URL to fetch, as handed from {@link CrawlState} to a scheduler. Immutable.
 *
 * @param url     normalised URL to fetch
 * @param depth   link distance from the start URL when it was handed out (it may get shorter
 *                later: {@link CrawlState} keeps the current value)
 * @param purpose crawl it (a page of the site: its links are read) or only check its status
 */
public record CrawlTask(String url, int depth, Purpose purpose) {

    /** What the fetch is for. */
    public enum Purpose {
        /** A page of the site: read it and extract its links. */
        CRAWL,
        /** A link outside the scope: one request for its status, the body is not parsed. */
        CHECK
    }
}
