package edu.ute.concurrency.links.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import edu.ute.concurrency.links.crawl.CrawlResult.Page;
import edu.ute.concurrency.links.testsite.SiteResponse;
import edu.ute.concurrency.links.testsite.TestSite;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Links outside the scope: checked with one request each, a few at a time per host, never crawled;
 * or, with external checks off, listed only. A second loopback site plays the other host.
 */
class ExternalLinksTest {

    private static TestSite otherSite() throws Exception {
        return TestSite.start((path, query, base) -> switch (path) {
            case "/robots.txt" -> SiteResponse.of(200, "text/plain", "User-agent: *\nDisallow: /closed/\n".getBytes());
            case "/gone.html" -> SiteResponse.notFound();
            default -> SiteResponse.html("<a href=\"/deeper.html\">a page of another site: never crawled</a>");
        });
    }

    private static TestSite siteLinkingTo(TestSite other, int externalLinks) throws Exception {
        String links = IntStream.range(0, externalLinks).mapToObj(i -> "<a href=\"" + other.url("/e" + i + ".html") + "\">e</a>")
                .collect(Collectors.joining(" "));
        return TestSite.start((path, query, base) -> switch (path) {
            case "/" -> SiteResponse.html(links + " <a href=/second.html>2</a> <a href=\"" + other.url("/gone.html")
                    + "\">gone</a> <a href=\"" + other.url("/closed/x.html") + "\">closed</a>");
            case "/second.html" -> SiteResponse.html("<a href=\"" + other.url("/e0.html") + "\">the same link again</a>");
            default -> SiteResponse.notFound();
        });
    }

    @Test
    void externalLinksAreRequestedOnceEachAtMostTwoAtATimePerHost() throws Exception {
        try (TestSite other = otherSite(); TestSite site = siteLinkingTo(other, 10)) {
            other.setLatency(Duration.ofMillis(50));
            CrawlResult r = new AsyncHttpCrawler().crawl(CrawlSettings.defaults(site.url("/")).withConcurrency(16));
            for (int i = 0; i < 10; i++) {
                assertThat(other.requestCountOfTarget("/e" + i + ".html")).as("e%d", i).isEqualTo(1);
                assertThat(r.linkStatus()).containsEntry(other.url("/e" + i + ".html"), "ok 200");
            }
            assertThat(other.maxInFlight()).isEqualTo(PageFetcher.EXTERNAL_PER_HOST);
            assertThat(other.requestCount("/deeper.html")).as("an external page is checked, not crawled").isZero();
            assertThat(other.requestCount("/robots.txt")).isEqualTo(1);
            assertThat(r.pages()).extracting(Page::url).allSatisfy(u -> assertThat(u).startsWith(site.baseUrl()));
            assertThat(r.brokenLinks()).extracting(CrawlResult.BrokenLink::url).containsExactly(other.url("/gone.html"));
        }
    }

    /** An external link is still a request to someone's server: its robots.txt is honoured. */
    @Test
    void anExternalLinkItsRobotsTxtForbidsIsNotRequested() throws Exception {
        try (TestSite other = otherSite(); TestSite site = siteLinkingTo(other, 1)) {
            CrawlResult r = new SequentialCrawler().crawl(CrawlSettings.defaults(site.url("/")));
            assertThat(other.requestCount("/closed/x.html")).isZero();
            assertThat(r.linkStatus()).containsEntry(other.url("/closed/x.html"), "not checked (robots.txt)");
        }
    }

    @Test
    void withExternalChecksOffTheyAreListedAndNeverRequested() throws Exception {
        try (TestSite other = otherSite(); TestSite site = siteLinkingTo(other, 3)) {
            CrawlResult r = new ExecutorFutureCrawler().crawl(CrawlSettings.defaults(site.url("/")).withCheckExternal(false));
            assertThat(other.requestCount()).isZero();
            assertThat(r.linkStatus()).containsEntry(other.url("/e2.html"), "not checked (out of scope)");
            assertThat(r.brokenLinks()).isEmpty();
        }
    }

    /**
     * RFC 6454 section 4: {@code https://} on the site's own host and port is another origin, so with
     * external checks off it is listed and never requested; as part of the site it would have cost a
     * TLS handshake that this plain-HTTP server never answers.
     */
    @Test
    void httpsOnTheSitesOwnPortIsNotPartOfTheSiteRfc6454() throws Exception {
        try (TestSite site = TestSite.start((path, query, base) -> path.equals("/")
                ? SiteResponse.html("<a href=\"" + base.replaceFirst("^http:", "https:") + "/x.html\">tls?</a> <a href=/a.html>a</a>")
                : SiteResponse.html("<p>a</p>"))) {
            String https = site.baseUrl().replaceFirst("^http:", "https:") + "/x.html";
            CrawlResult r = new VirtualThreadCrawler().crawl(CrawlSettings.defaults(site.url("/")).withCheckExternal(false)
                    .withRequestTimeout(Duration.ofSeconds(1)));
            assertThat(r.linkStatus()).containsEntry(https, "not checked (out of scope)")
                    .containsEntry(site.url("/a.html"), "ok 200");
        }
    }
}
