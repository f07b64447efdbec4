package edu.ute.concurrency.links.crawl;

import java.util.List;

/**
 * What one request for one URL gave: a page, a redirect, an HTTP error, a failure, or a refusal by
 * robots.txt. Produced by {@link PageFetcher}, consumed by {@link CrawlState}, which follows
 * redirects from URL to URL itself (so that every URL is requested once, whichever way it was
 * reached). Immutable and thread-safe.
 *
 * @param url            the URL that was asked for (normalised)
 * @param kind           what happened
 * @param status         the HTTP status, 0 if no response
 * @param contentType    the media type of a page (lowercase, no parameters), "" if none
 * @param bytes          body bytes, after content decoding
 * @param truncated      the body was longer than the cap and was cut
 * @param links          normalised links of an HTML page, distinct, document order
 * @param malformedLinks links of the page that could not be resolved, as written
 * @param redirectTo     where a redirect points (normalised), "" for other kinds
 * @param detail         a short, deterministic explanation ("404", "connection refused", ...)
 * @param problem        why the links of an HTML page could not be read ("" if they could)
 */
public record FetchOutcome(String url, Kind kind, int status, String contentType, long bytes, boolean truncated,
                           List<String> links, List<String> malformedLinks, String redirectTo, String detail,
                           String problem) {

    /** The kinds of outcome. */
    public enum Kind {
        /** A 2xx response: an HTML page (links extracted) or another resource (recorded only). */
        PAGE,
        /** 301, 302, 303, 307 or 308 with a usable Location. */
        REDIRECT,
        /** 4xx/5xx, or a 3xx that is not a usable redirect. */
        HTTP_ERROR,
        /** No usable response: timeout, connection refused, unknown host, TLS failure. */
        FAILED,
        /** robots.txt does not allow this URL, or its server answered 5xx for robots.txt. */
        BLOCKED_BY_ROBOTS
    }

    public FetchOutcome {
        links = List.copyOf(links);
        malformedLinks = List.copyOf(malformedLinks);
    }

    /** An outcome without a body: an error, a failure, a refusal. */
    static FetchOutcome problem(String url, Kind kind, int status, String detail) {
        return new FetchOutcome(url, kind, status, "", 0, false, List.of(), List.of(), "", detail, "");
    }

    /** A redirect to {@code target}. */
    static FetchOutcome redirect(String url, int status, String target) {
        return new FetchOutcome(url, Kind.REDIRECT, status, "", 0, false, List.of(), List.of(), target,
                String.valueOf(status), "");
    }
}
