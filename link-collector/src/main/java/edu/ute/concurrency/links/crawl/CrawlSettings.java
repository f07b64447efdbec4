package edu.ute.concurrency.links.crawl;

import edu.ute.concurrency.links.url.CrawlScope;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything that decides what a crawl fetches, shared by every scheduler so that they can be
 * compared: same settings, same site, same {@link CrawlResult}.
 *
 * <p>Start from {@link #defaults(String)} and change what you need:
 * <pre>{@code
 * CrawlSettings s = CrawlSettings.defaults("http://127.0.0.1:8080/").withMaxDepth(2).withConcurrency(32);
 * }</pre>
 * Immutable and thread-safe.
 *
 * @param startUrl        where the crawl starts (depth 0)
 * @param maxDepth        pages more than this many links away from the start are not fetched
 * @param maxPages        at most this many URLs are fetched (each URL counts once with its redirects)
 * @param concurrency     at most this many requests in flight (ignored by the sequential crawler)
 * @param requestTimeout  limit for one request, connect to last body byte (covers a trickling body)
 * @param deadline        limit for the whole crawl; what finished by then is reported
 * @param scope           which discovered URLs are fetched
 * @param obeyRobots      honour robots.txt (RFC 9309)
 * @param politenessDelay minimum gap between the starts of two requests to the same host
 * @param maxRedirects    redirects followed per URL before it counts as broken
 * @param maxBodyBytes    HTML bodies are cut after this many bytes (without reading the rest)
 * @param userAgent       product token sent in User-Agent and matched in robots.txt
 */
public record CrawlSettings(String startUrl, int maxDepth, int maxPages, int concurrency,
                            Duration requestTimeout, Duration deadline, CrawlScope scope,
                            boolean obeyRobots, Duration politenessDelay, int maxRedirects,
                            int maxBodyBytes, String userAgent) {

    public static final String DEFAULT_USER_AGENT = "ute-link-collector";

    public CrawlSettings {
        Objects.requireNonNull(startUrl, "startUrl");
        Objects.requireNonNull(scope, "scope");
        requirePositive(requestTimeout, "request timeout");
        requirePositive(deadline, "deadline");
        if (maxDepth < 0) {
            throw new IllegalArgumentException("depth must be >= 0, was " + maxDepth);
        }
        if (maxPages < 1) {
            throw new IllegalArgumentException("max pages must be >= 1, was " + maxPages);
        }
        if (concurrency < 1 || concurrency > 10_000) {
            throw new IllegalArgumentException("concurrency must be 1..10000, was " + concurrency);
        }
        if (politenessDelay.isNegative()) {
            throw new IllegalArgumentException("politeness delay must be >= 0, was " + politenessDelay);
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("max redirects must be >= 0, was " + maxRedirects);
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("max body bytes must be >= 1, was " + maxBodyBytes);
        }
    }

    private static void requirePositive(Duration d, String what) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive, was " + d);
        }
    }

    /** Sensible defaults for checking one's own site. */
    public static CrawlSettings defaults(String startUrl) {
        return new CrawlSettings(startUrl, 10, 1000, 16, Duration.ofSeconds(10), Duration.ofMinutes(10),
                CrawlScope.SAME_HOST, true, Duration.ZERO, 10, 4 * 1024 * 1024, DEFAULT_USER_AGENT);
    }

    public CrawlSettings withStartUrl(String v) {
        return new CrawlSettings(v, maxDepth, maxPages, concurrency, requestTimeout, deadline, scope, obeyRobots, politenessDelay, maxRedirects, maxBodyBytes, userAgent);
    }

    public CrawlSettings withMaxDepth(int v) {
        return new CrawlSettings(startUrl, v, maxPages, concurrency, requestTimeout, deadline, scope, obeyRobots, politenessDelay, maxRedirects, maxBodyBytes, userAgent);
    }

    public CrawlSettings withMaxPages(int v) {
        return new CrawlSettings(startUrl, maxDepth, v, concurrency, requestTimeout, deadline, scope, obeyRobots, politenessDelay, maxRedirects, maxBodyBytes, userAgent);
    }

    public CrawlSettings withConcurrency(int v) {
        return new CrawlSettings(startUrl, maxDepth, maxPages, v, requestTimeout, deadline, scope, obeyRobots, politenessDelay, maxRedirects, maxBodyBytes, userAgent);
    }

    public CrawlSettings withRequestTimeout(Duration v) {
        return new CrawlSettings(startUrl, maxDepth, maxPages, concurrency, v, deadline, scope, obeyRobots, politenessDelay, maxRedirects, maxBodyBytes, userAgent);
    }

    public CrawlSettings withDeadline(Duration v) {
        return new CrawlSettings(startUrl, maxDepth, maxPages, concurrency, requestTimeout, v, scope, obeyRobots, politenessDelay, maxRedirects, maxBodyBytes, userAgent);
    }

    public CrawlSettings withScope(CrawlScope v) {
        return new CrawlSettings(startUrl, maxDepth, maxPages, concurrency, requestTimeout, deadline, v, obeyRobots, politenessDelay, maxRedirects, maxBodyBytes, userAgent);
    }

    public CrawlSettings withObeyRobots(boolean v) {
        return new CrawlSettings(startUrl, maxDepth, maxPages, concurrency, requestTimeout, deadline, scope, v, politenessDelay, maxRedirects, maxBodyBytes, userAgent);
    }

    public CrawlSettings withPolitenessDelay(Duration v) {
        return new CrawlSettings(startUrl, maxDepth, maxPages, concurrency, requestTimeout, deadline, scope, obeyRobots, v, maxRedirects, maxBodyBytes, userAgent);
    }

    public CrawlSettings withMaxRedirects(int v) {
        return new CrawlSettings(startUrl, maxDepth, maxPages, concurrency, requestTimeout, deadline, scope, obeyRobots, politenessDelay, v, maxBodyBytes, userAgent);
    }

    public CrawlSettings withMaxBodyBytes(int v) {
        return new CrawlSettings(startUrl, maxDepth, maxPages, concurrency, requestTimeout, deadline, scope, obeyRobots, politenessDelay, maxRedirects, v, userAgent);
    }
}
