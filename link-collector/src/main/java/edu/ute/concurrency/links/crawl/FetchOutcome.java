package edu.ute.concurrency.links.crawl;

import java.util.List;

/**
 * What fetching one URL gave, after following its redirects: a page, an HTTP error, a failure, or
 * one of the reasons the crawler stopped following it. Produced by {@link PageFetcher}, consumed by
 * {@link CrawlState}. Immutable and thread-safe.
 *
 * @param requestUrl   the URL that was asked for (normalised)
 * @param finalUrl     where its redirects ended: the page's identity (same as requestUrl if none)
 * @param kind         what happened
 * @param status       the last HTTP status, 0 if no response
 * @param contentType  the media type of a page (lowercase, no parameters), "" if none
 * @param bytesRead    body bytes read
 * @param truncated    the body was longer than the cap and was cut
 * @param links        normalised http(s) and other-scheme links of an HTML page, distinct, document order
 * @param malformedLinks links of the page that could not be resolved, as written
 * @param detail       a short, deterministic explanation for non-page outcomes ("404", "timeout", ...)
 */
public record FetchOutcome(String requestUrl, String finalUrl, Kind kind, int status, String contentType,
                           long bytesRead, boolean truncated, List<String> links, List<String> malformedLinks,
                           String detail) {

    /** The kinds of outcome. */
    public enum Kind {
        /** A 2xx response: an HTML page (links extracted) or another resource (recorded only). */
        PAGE,
        /** 4xx/5xx, or a response that is neither a success nor a usable redirect. */
        HTTP_ERROR,
        /** No usable response: timeout, connection refused, I/O error. */
        FAILED,
        /** A redirect led back to a URL already visited in this chain. */
        REDIRECT_LOOP,
        /** More redirects than {@link CrawlSettings#maxRedirects()}. */
        TOO_MANY_REDIRECTS,
        /** robots.txt does not allow this URL (or a redirect target). */
        BLOCKED_BY_ROBOTS,
        /** A redirect left the crawl scope; the target was not fetched. */
        LEFT_SCOPE;

        /** True for the outcomes a link checker reports as broken links. */
        public boolean isBroken() {
            return this == HTTP_ERROR || this == FAILED || this == REDIRECT_LOOP || this == TOO_MANY_REDIRECTS;
        }
    }

    public FetchOutcome {
        links = List.copyOf(links);
        malformedLinks = List.copyOf(malformedLinks);
    }

    static FetchOutcome problem(String requestUrl, String finalUrl, Kind kind, int status, String detail) {
        return new FetchOutcome(requestUrl, finalUrl, kind, status, "", 0, false, List.of(), List.of(), detail);
    }
}
