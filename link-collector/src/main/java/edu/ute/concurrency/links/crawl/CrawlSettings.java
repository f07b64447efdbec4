package edu.ute.concurrency.links.crawl;

import edu.ute.concurrency.links.url.CrawlScope;
import edu.ute.concurrency.links.url.UrlFilter;
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
 * @param maxPages        at most this many linked pages of the site are fetched (redirect hops and
 *                        external links do not count)
 * @param concurrency     at most this many requests in flight (ignored by the sequential crawler)
 * @param requestTimeout  limit for one request, name lookup to last body byte (covers a trickling body)
 * @param deadline        limit for the whole crawl; what finished by then is reported
 * @param scope           which discovered URLs are crawled as pages of the site
 * @param checkExternal   links outside the scope are requested once for their status
 * @param filter          {@code --include} and {@code --exclude} patterns
 * @param obeyRobots      honour robots.txt (RFC 9309)
 * @param politenessDelay minimum gap between the starts of two requests to the same origin
 * @param maxRedirects    redirects followed from a link before it counts as broken
 * @param maxBodyBytes    HTML bodies are cut after this many bytes (without reading the rest)
 * @param userAgent       the User-Agent header; its product token (before the first '/') is the
 *                        name matched in robots.txt
 * @param verifyTls       check certificates and host names (off: {@code --insecure})
 */
public record CrawlSettings(String startUrl, int maxDepth, int maxPages, int concurrency,
                            Duration requestTimeout, Duration deadline, CrawlScope scope,
                            boolean checkExternal, UrlFilter filter, boolean obeyRobots,
                            Duration politenessDelay, int maxRedirects, int maxBodyBytes,
                            String userAgent, boolean verifyTls) {

    public static final String DEFAULT_USER_AGENT = "ute-link-collector/1.0";

    public CrawlSettings {
        Objects.requireNonNull(startUrl, "startUrl");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(userAgent, "userAgent");
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
        if (userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < ' ' || c > '~')) {
            throw new IllegalArgumentException("user agent must be printable ASCII, was \"" + userAgent + "\"");
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
                CrawlScope.SAME_ORIGIN, true, UrlFilter.NONE, true, Duration.ZERO, 10, 4 * 1024 * 1024,
                DEFAULT_USER_AGENT, true);
    }

    /** The product token of the user agent: what robots.txt groups are matched against (RFC 9309 section 2.2.1). */
    public String robotsToken() {
        int end = 0;
        while (end < userAgent.length() && userAgent.charAt(end) != '/' && userAgent.charAt(end) != ' ') {
            end++;
        }
        return userAgent.substring(0, end);
    }

    public CrawlSettings withStartUrl(String v) {
        return copy().startUrl(v).build();
    }

    public CrawlSettings withMaxDepth(int v) {
        return copy().maxDepth(v).build();
    }

    public CrawlSettings withMaxPages(int v) {
        return copy().maxPages(v).build();
    }

    public CrawlSettings withConcurrency(int v) {
        return copy().concurrency(v).build();
    }

    public CrawlSettings withRequestTimeout(Duration v) {
        return copy().requestTimeout(v).build();
    }

    public CrawlSettings withDeadline(Duration v) {
        return copy().deadline(v).build();
    }

    public CrawlSettings withScope(CrawlScope v) {
        return copy().scope(v).build();
    }

    public CrawlSettings withCheckExternal(boolean v) {
        return copy().checkExternal(v).build();
    }

    public CrawlSettings withFilter(UrlFilter v) {
        return copy().filter(v).build();
    }

    public CrawlSettings withObeyRobots(boolean v) {
        return copy().obeyRobots(v).build();
    }

    public CrawlSettings withPolitenessDelay(Duration v) {
        return copy().politenessDelay(v).build();
    }

    public CrawlSettings withMaxRedirects(int v) {
        return copy().maxRedirects(v).build();
    }

    public CrawlSettings withMaxBodyBytes(int v) {
        return copy().maxBodyBytes(v).build();
    }

    public CrawlSettings withUserAgent(String v) {
        return copy().userAgent(v).build();
    }

    public CrawlSettings withVerifyTls(boolean v) {
        return copy().verifyTls(v).build();
    }

    private Copy copy() {
        return new Copy(this);
    }

    /** A mutable copy, so that each {@code with...} method names one field only. */
    private static final class Copy {
        private String startUrl;
        private int maxDepth;
        private int maxPages;
        private int concurrency;
        private Duration requestTimeout;
        private Duration deadline;
        private CrawlScope scope;
        private boolean checkExternal;
        private UrlFilter filter;
        private boolean obeyRobots;
        private Duration politenessDelay;
        private int maxRedirects;
        private int maxBodyBytes;
        private String userAgent;
        private boolean verifyTls;

        Copy(CrawlSettings s) {
            startUrl = s.startUrl;
            maxDepth = s.maxDepth;
            maxPages = s.maxPages;
            concurrency = s.concurrency;
            requestTimeout = s.requestTimeout;
            deadline = s.deadline;
            scope = s.scope;
            checkExternal = s.checkExternal;
            filter = s.filter;
            obeyRobots = s.obeyRobots;
            politenessDelay = s.politenessDelay;
            maxRedirects = s.maxRedirects;
            maxBodyBytes = s.maxBodyBytes;
            userAgent = s.userAgent;
            verifyTls = s.verifyTls;
        }

        Copy startUrl(String v) {
            startUrl = v;
            return this;
        }

        Copy maxDepth(int v) {
            maxDepth = v;
            return this;
        }

        Copy maxPages(int v) {
            maxPages = v;
            return this;
        }

        Copy concurrency(int v) {
            concurrency = v;
            return this;
        }

        Copy requestTimeout(Duration v) {
            requestTimeout = v;
            return this;
        }

        Copy deadline(Duration v) {
            deadline = v;
            return this;
        }

        Copy scope(CrawlScope v) {
            scope = v;
            return this;
        }

        Copy checkExternal(boolean v) {
            checkExternal = v;
            return this;
        }

        Copy filter(UrlFilter v) {
            filter = v;
            return this;
        }

        Copy obeyRobots(boolean v) {
            obeyRobots = v;
            return this;
        }

        Copy politenessDelay(Duration v) {
            politenessDelay = v;
            return this;
        }

        Copy maxRedirects(int v) {
            maxRedirects = v;
            return this;
        }

        Copy maxBodyBytes(int v) {
            maxBodyBytes = v;
            return this;
        }

        Copy userAgent(String v) {
            userAgent = v;
            return this;
        }

        Copy verifyTls(boolean v) {
            verifyTls = v;
            return this;
        }

        CrawlSettings build() {
            return new CrawlSettings(startUrl, maxDepth, maxPages, concurrency, requestTimeout, deadline, scope,
                    checkExternal, filter, obeyRobots, politenessDelay, maxRedirects, maxBodyBytes, userAgent,
                    verifyTls);
        }
    }
}
