package edu.ute.concurrency.links.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import edu.ute.concurrency.links.testsite.SitePlan;
import edu.ute.concurrency.links.testsite.SiteResponse;
import edu.ute.concurrency.links.testsite.TestSite;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What a site asks of a crawler and gets: {@code 429 Too Many Requests} with {@code Retry-After}
 * (RFC 6585 section 4, RFC 9110 section 10.2.3), robots.txt's {@code Crawl-delay}, and the
 * robots.txt group of the crawler's own product token. Waits are shown as lower bounds (from the
 * site's arrival time of the refused request, or around the whole crawl), which a slow machine can
 * only make longer.
 */
class PolitenessTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private static SitePlan siteWith(String busyPath, SitePlan busy) {
        return (path, query, base) -> {
            if (path.equals(busyPath)) {
                return busy.respond(path, query, base);
            }
            return switch (path) {
                case "/" -> SiteResponse.html("<a href=\"" + busyPath + "\">busy</a> <a href=/a.html>a</a>");
                case "/a.html" -> SiteResponse.html("<p>a</p>");
                default -> SiteResponse.notFound();
            };
        };
    }

    private static SiteResponse tooMany(String retryAfter) {
        SiteResponse r = SiteResponse.html(429, "<p>slow down</p>");
        return retryAfter == null ? r : r.withHeader("Retry-After", retryAfter);
    }

    private static List<TestSite.Arrival> arrivalsOf(TestSite site, String target) {
        return site.arrivals().stream().filter(a -> a.target().equals(target)).toList();
    }

    @Test
    void a429WithRetryAfterHoldsTheOriginBackForThatLongThenRetries() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (TestSite site = TestSite.start(siteWith("/busy.html",
                (p, q, b) -> calls.getAndIncrement() == 0 ? tooMany("1") : SiteResponse.html("<p>now</p>")))) {
            CrawlResult r = new SequentialCrawler().crawl(CrawlSettings.defaults(site.url("/")));
            assertThat(r.linkStatus()).containsEntry(site.url("/busy.html"), "ok 200");
            List<TestSite.Arrival> busy = arrivalsOf(site, "/busy.html");
            assertThat(busy).hasSize(2);
            assertThat(busy.get(1).nanos() - busy.get(0).nanos()).isGreaterThanOrEqualTo(SECOND);
            // The next request to the origin waited too: the whole origin was held back, not one URL.
            assertThat(arrivalsOf(site, "/a.html").get(0).nanos() - busy.get(0).nanos()).isGreaterThanOrEqualTo(SECOND);
        }
    }

    @Test
    void aRetryAfterBeyondTheCapIsNotWaitedFor() throws Exception {
        try (TestSite site = TestSite.start(siteWith("/busy.html", (p, q, b) -> tooMany("3600")))) {
            CrawlResult r = new AsyncHttpCrawler().crawl(CrawlSettings.defaults(site.url("/")));
            assertThat(site.requestCount("/busy.html")).isEqualTo(1);
            assertThat(r.linkStatus()).containsEntry(site.url("/busy.html"),
                    "429 (asked to wait 3600 s, more than the " + PageFetcher.MAX_RETRY_AFTER_SECONDS + " s the crawler waits)");
        }
    }

    @Test
    void givesUpAfterTheRetryLimit() throws Exception {
        try (TestSite site = TestSite.start(siteWith("/busy.html", (p, q, b) -> tooMany("0")))) {
            CrawlResult r = new RawThreadCrawler().crawl(CrawlSettings.defaults(site.url("/")));
            assertThat(site.requestCount("/busy.html")).isEqualTo(1 + PageFetcher.MAX_RETRIES);
            assertThat(r.brokenLinks()).singleElement().satisfies(b ->
                    assertThat(b.reason()).isEqualTo("429 (still 429 after " + PageFetcher.MAX_RETRIES + " retries)"));
        }
    }

    @Test
    void aPlain503IsAnErrorAtOnce() throws Exception {
        try (TestSite site = TestSite.start(siteWith("/busy.html", (p, q, b) -> SiteResponse.html(503, "<p>down</p>")))) {
            CrawlResult r = new AsyncHttpCrawler().crawl(CrawlSettings.defaults(site.url("/")));
            assertThat(site.requestCount("/busy.html")).isEqualTo(1);
            assertThat(r.linkStatus()).containsEntry(site.url("/busy.html"), "503");
        }
    }

    @Test
    void robotsTxtCrawlDelaySpacesTheRequestsToTheOrigin() throws Exception {
        byte[] robots = "User-agent: *\nCrawl-delay: 0.25\n".getBytes(StandardCharsets.US_ASCII);
        try (TestSite site = TestSite.start((path, query, base) -> switch (path) {
            case "/robots.txt" -> SiteResponse.of(200, "text/plain", robots);
            case "/" -> SiteResponse.html("<a href=/1.html>1</a> <a href=/2.html>2</a> <a href=/3.html>3</a>");
            default -> SiteResponse.html("<p>leaf</p>");
        })) {
            long start = System.nanoTime();
            new AsyncHttpCrawler().crawl(CrawlSettings.defaults(site.url("/")).withConcurrency(8));
            long elapsed = System.nanoTime() - start;
            assertThat(site.requestCount()).isEqualTo(5);
            // Four pages, each slot a quarter second after the one before: the last starts at least
            // three quarters of a second after the first, however fast the site answers.
            assertThat(elapsed).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(750));
        }
    }

    /** RFC 9309 section 2.2.1: the group for the crawler's product token, the part of the User-Agent before '/'. */
    @Test
    void theUserAgentIsSentAndItsProductTokenPicksTheRobotsGroup() throws Exception {
        byte[] robots = "User-agent: *\nDisallow:\n\nUser-agent: PoliteBot\nDisallow: /private/\n".getBytes(StandardCharsets.US_ASCII);
        SitePlan plan = (path, query, base) -> switch (path) {
            case "/robots.txt" -> SiteResponse.of(200, "text/plain", robots);
            case "/" -> SiteResponse.html("<a href=/private/x.html>x</a>");
            default -> SiteResponse.html("<p>x</p>");
        };
        String agent = "PoliteBot/2.1 (+https://example.org/bot)";
        try (TestSite site = TestSite.start(plan)) {
            CrawlResult r = new SequentialCrawler().crawl(CrawlSettings.defaults(site.url("/")).withUserAgent(agent));
            assertThat(site.headerValues("User-Agent")).containsExactly(agent);
            assertThat(site.requestCount("/private/x.html")).isZero();
            assertThat(r.linkStatus()).containsEntry(site.url("/private/x.html"), "not checked (robots.txt)");
        }
        try (TestSite site = TestSite.start(plan)) {
            new SequentialCrawler().crawl(CrawlSettings.defaults(site.url("/")));
            assertThat(site.headerValues("User-Agent")).containsExactly(CrawlSettings.DEFAULT_USER_AGENT);
            assertThat(site.requestCount("/private/x.html")).isEqualTo(1);
        }
    }
}
