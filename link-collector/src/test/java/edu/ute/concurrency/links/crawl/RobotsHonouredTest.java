package edu.ute.concurrency.links.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import edu.ute.concurrency.links.crawl.CrawlResult.Page;
import edu.ute.concurrency.links.testsite.SitePlan;
import edu.ute.concurrency.links.testsite.SiteResponse;
import edu.ute.concurrency.links.testsite.TestSite;
import org.junit.jupiter.api.Test;

/** What the crawler does with robots.txt answers (RFC 9309 2.3.1), and {@code --ignore-robots}. */
class RobotsHonouredTest {

    private static SitePlan siteWithRobots(SiteResponse robots) {
        return (path, query, base) -> switch (path) {
            case "/robots.txt" -> robots;
            case "/" -> SiteResponse.html("<a href=/open.html>open</a> <a href=/secret/a.html>secret</a>");
            case "/open.html", "/secret/a.html" -> SiteResponse.html("<p>x</p>");
            default -> SiteResponse.notFound();
        };
    }

    private static final SiteResponse DISALLOW_SECRET =
            SiteResponse.of(200, "text/plain", "User-agent: *\nDisallow: /secret/\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    @Test
    void disallowedPathsAreNotRequested() throws Exception {
        try (TestSite site = TestSite.start(siteWithRobots(DISALLOW_SECRET))) {
            CrawlResult r = new ExecutorFutureCrawler().crawl(CrawlSettings.defaults(site.url("/")));
            assertThat(site.requestCount("/secret/a.html")).isZero();
            assertThat(r.pages()).extracting(Page::url).containsExactly(site.url("/"), site.url("/open.html"));
        }
    }

    @Test
    void ignoreRobotsFetchesEverythingAndNeverAsksForRobotsTxt() throws Exception {
        try (TestSite site = TestSite.start(siteWithRobots(DISALLOW_SECRET))) {
            new ExecutorFutureCrawler().crawl(CrawlSettings.defaults(site.url("/")).withObeyRobots(false));
            assertThat(site.requestCount("/secret/a.html")).isEqualTo(1);
            assertThat(site.requestCount("/robots.txt")).isZero();
        }
    }

    @Test
    void aMissingRobotsTxtAllowsEverything() throws Exception {
        try (TestSite site = TestSite.start(siteWithRobots(SiteResponse.notFound()))) {
            CrawlResult r = new AsyncHttpCrawler().crawl(CrawlSettings.defaults(site.url("/")));
            assertThat(r.pages()).hasSize(3);
        }
    }

    @Test
    void aServerErrorOnRobotsTxtDisallowsEverything() throws Exception {
        try (TestSite site = TestSite.start(siteWithRobots(SiteResponse.html(503, "busy")))) {
            CrawlResult r = new AsyncHttpCrawler().crawl(CrawlSettings.defaults(site.url("/")));
            assertThat(r.pages()).isEmpty();
            assertThat(site.requestCount("/")).isZero();
        }
    }
}
