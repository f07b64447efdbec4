package edu.ute.concurrency.links.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import edu.ute.concurrency.links.crawl.CrawlResult.BrokenLink;
import edu.ute.concurrency.links.crawl.CrawlResult.Page;
import edu.ute.concurrency.links.testsite.GeneratedSite;
import edu.ute.concurrency.links.testsite.SitePlan;
import edu.ute.concurrency.links.testsite.SiteSpec;
import edu.ute.concurrency.links.testsite.TestSite;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The contract every scheduler must keep, run once per scheduler by its subclass. The full generated
 * site (300 pages and every trap) is crawled once per class; each test then checks one behaviour of
 * that crawl. Concurrency is proven by the site's in-flight counter, cleanliness by counting live
 * threads, agreement by comparing with the sequential crawler's result.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CrawlerContractTest {

    /** The scheduler under test. */
    abstract CrawlMode mode();

    /** Settings for the full site: short timeout for the hanging page, small cap for the huge one. */
    static CrawlSettings fullSiteSettings(String startUrl) {
        // 1.5 s: long enough for any loopback page on a loaded machine, short for the hanging one.
        return CrawlSettings.defaults(startUrl).withRequestTimeout(Duration.ofMillis(1500))
                .withMaxBodyBytes(256 * 1024).withConcurrency(8);
    }

    private TestSite fullSite;
    private CrawlResult result;
    private Set<String> requested;
    private Map<String, Integer> requestCounts;
    private Map<String, Integer> targetCounts;
    private Set<String> acceptEncodings;
    private List<String> leakedThreads;

    @BeforeAll
    void crawlTheFullSite() throws Exception {
        fullSite = TestSite.start(new GeneratedSite(SiteSpec.standard()));
        LiveThreads threads = LiveThreads.snapshot();
        result = mode().crawler().crawl(fullSiteSettings(fullSite.url("/")));
        leakedThreads = threads.leaked();
        requested = fullSite.requestedPaths();
        requestCounts = Map.of("/private/secret.html", fullSite.requestCount("/private/secret.html"),
                "/robots.txt", fullSite.requestCount("/robots.txt"));
        targetCounts = fullSite.requestTargetCounts();
        acceptEncodings = fullSite.headerValues("Accept-Encoding");
    }

    @AfterAll
    void stopSite() {
        fullSite.close();
    }

    private String url(String path) {
        return fullSite.url(path);
    }

    private Page page(String path) {
        return result.pages().stream().filter(p -> p.url().equals(url(path))).findFirst().orElseThrow();
    }

    private BrokenLink broken(String path) {
        return result.brokenLinks().stream().filter(b -> b.url().equals(url(path))).findFirst().orElseThrow();
    }

    // ---- agreement -----------------------------------------------------------------------------

    @Test
    void findsExactlyWhatTheSequentialCrawlerFinds() throws Exception {
        CrawlResult sequential = new SequentialCrawler().crawl(fullSiteSettings(fullSite.url("/")));
        assertThat(result.pages()).isEqualTo(sequential.pages());
        assertThat(oneTlsReason(result.brokenLinks())).isEqualTo(oneTlsReason(sequential.brokenLinks()));
        assertThat(result.redirects()).isEqualTo(sequential.redirects());
    }

    /**
     * The two reasons a TLS handshake with this plain-HTTP site can end with, made one. The JDK's
     * {@code HttpServer} waits for a CR LF before it answers anything; a ClientHello holds one only when
     * its random bytes happen to, so most handshakes time out and a few get a plain-text 400 back.
     * Which one a crawl meets is chance, not the scheduler.
     */
    static List<BrokenLink> oneTlsReason(List<BrokenLink> links) {
        return links.stream().map(b -> TLS_TO_PLAIN_PORT.contains(b.reason())
                ? new BrokenLink(b.url(), "TLS handshake failed", b.status(), b.finalUrl(), b.linkedFrom()) : b).toList();
    }

    static final List<String> TLS_TO_PLAIN_PORT =
            List.of("timeout (TLS handshake)", "TLS failure: Unrecognized SSL message, plaintext connection?");

    @Test
    void matchesTheHandCheckedResultOnASmallSite() throws Exception {
        try (TestSite site = TestSite.start(new SmallSite())) {
            String b = site.baseUrl();
            CrawlResult small = mode().crawler().crawl(CrawlSettings.defaults(site.url("/")).withConcurrency(4));
            assertThat(small.pages()).extracting(Page::url, Page::depth).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(b + "/", 0), org.assertj.core.groups.Tuple.tuple(b + "/a.html", 1),
                    org.assertj.core.groups.Tuple.tuple(b + "/b.html", 1), org.assertj.core.groups.Tuple.tuple(b + "/c.html", 2),
                    org.assertj.core.groups.Tuple.tuple(b + "/logo.png", 2));
            assertThat(small.pages().get(0).links()).containsExactly(b + "/a.html", b + "/b.html", b + "/missing.html",
                    "https://elsewhere.invalid/", b + "/moved");
            assertThat(small.pages().get(4).contentType()).isEqualTo("image/png");
            // elsewhere.invalid is an external link, checked: .invalid never resolves (RFC 6761 section 6.4).
            assertThat(small.brokenLinks()).containsExactly(
                    new BrokenLink(b + "/missing.html", "404", 404, b + "/missing.html", List.of(b + "/")),
                    new BrokenLink("https://elsewhere.invalid/", "unknown host", 0, "https://elsewhere.invalid/", List.of(b + "/")));
            assertThat(small.redirects()).containsExactly(Map.entry(b + "/moved", b + "/b.html"));
            assertThat(small.linkStatus()).containsEntry("https://elsewhere.invalid/", "unknown host")
                    .containsEntry(b + "/moved", "ok 200 via redirect");
            assertThat(small.summary().complete()).isTrue();
        }
    }

    // ---- what a link checker must get right ------------------------------------------------------

    @Test
    void reportsBrokenLinksWithThePagesThatContainThem() {
        assertThat(broken("/missing/index.html").reason()).isEqualTo("404");
        assertThat(broken("/missing/index.html").linkedFrom()).containsExactly(url("/"));
        assertThat(broken("/error/500.html").status()).isEqualTo(500);
        assertThat(broken("/error/500.html").linkedFrom()).contains(url("/")).hasSizeGreaterThan(1);
    }

    @Test
    void normalisesEveryDuplicateSpellingToOnePage() {
        List<String> urls = result.pages().stream().map(Page::url).toList();
        assertThat(urls).doesNotHaveDuplicates().allSatisfy(u -> assertThat(u)
                .startsWith(fullSite.baseUrl() + "/").doesNotContain("#", "/./", "%3"));
        for (int i = 1; i < 300; i++) {
            assertThat(urls).contains(url(GeneratedSite.pagePath(i)));
        }
        assertThat(urls).contains(url("/search?q=links&lang=en"));
    }

    @Test
    void ignoresLinksInCommentsAndScripts() {
        assertThat(requested).doesNotContain("/commented-out.html", "/in-script.html");
        assertThat(result.pages()).allSatisfy(p -> assertThat(p.links())
                .doesNotContain(url("/commented-out.html"), url("/in-script.html")));
    }

    @Test
    void theHangingPageTimesOut() {
        assertThat(broken("/slow/hang.html").reason()).isEqualTo("timeout (reading the body)");
        assertThat(result.summary().complete()).isTrue();
    }

    @Test
    void theRedirectLoopAndTheTooLongChainTerminateAsBroken() {
        assertThat(broken("/redirect/loop/a").reason()).isEqualTo("redirect loop");
        assertThat(broken("/redirect/chain/12").reason()).isEqualTo("more than 10 redirects");
    }

    @Test
    void aRedirectChainEndsAtItsPageWhichIsIdentifiedByItsFinalUrl() {
        assertThat(result.redirects()).containsEntry(url("/redirect/chain/4"), url("/page/5.html"));
        assertThat(result.pages()).extracting(Page::url).doesNotContain(url("/redirect/chain/4"));
        // Out of the site to a host that does not exist: the link is checked like any external link.
        assertThat(broken("/redirect/out").reason()).isEqualTo("unknown host");
        assertThat(broken("/redirect/out").finalUrl()).isEqualTo("https://example.invalid/landing");
    }

    @Test
    void theHugePageIsCutAtTheCap() {
        Page big = page("/big.html");
        assertThat(big.truncated()).isTrue();
        assertThat(big.bytes()).isEqualTo(256 * 1024);
        assertThat(big.links()).containsExactly(url("/page/1.html"), url("/page/2.html"));
    }

    @Test
    void nonHtmlResourcesAreRecordedButNotParsed() {
        assertThat(page("/files/report.pdf").contentType()).isEqualTo("application/pdf");
        assertThat(page("/files/report.pdf").links()).isEmpty();
        assertThat(page("/files/report.pdf").bytes()).isEqualTo(PageFetcher.UNPARSED_BODY_CAP);
    }

    @Test
    void robotsTxtIsReadOnceAndItsDisallowedPathsAreNeverFetched() {
        assertThat(requestCounts.get("/robots.txt")).isEqualTo(1);
        assertThat(requestCounts.get("/private/secret.html")).isZero();
        assertThat(result.linkStatus()).containsEntry(url("/private/secret.html"), "not checked (robots.txt)");
        assertThat(page("/private/public.html").status()).isEqualTo(200);
    }

    @Test
    void leavesNoThreadRunning() {
        assertThat(leakedThreads).isEmpty();
    }

    // ---- what real servers send ----------------------------------------------------------------

    /**
     * RFC 9110 section 12.5.3: without Accept-Encoding any coding is acceptable to the client, and
     * the site sends these two pages compressed. The crawler asks for gzip and deflate
     * (section 8.4.1) and decodes them, so the pages behind them are found.
     */
    @Test
    void decodesGzipAndDeflatePagesRfc9110Section8_4() {
        assertThat(acceptEncodings).isNotEmpty().allSatisfy(v -> assertThat(v).contains("gzip", "deflate"));
        assertThat(page("/encoded/gzip.html").links()).containsExactly(url("/encoded/behind-gzip.html"));
        assertThat(page("/encoded/deflate.html").links()).containsExactly(url("/encoded/behind-deflate.html"));
        assertThat(page("/encoded/behind-gzip.html").status()).isEqualTo(200);
        assertThat(page("/encoded/behind-deflate.html").status()).isEqualTo(200);
    }

    /**
     * RFC 6454 section 4: an origin is scheme, host and port. {@code https://} on this plain-HTTP
     * port is another origin: not a page of the site but an external link, checked once, and
     * reported for what it is (a failed TLS handshake: see {@link #oneTlsReason}), not as a robots.txt matter.
     */
    @Test
    void httpsOnThePlainHttpPortIsAnotherOriginRfc6454() {
        String https = fullSite.baseUrl().replaceFirst("^http:", "https:") + "/page/7.html";
        assertThat(page("/").links()).contains(https);
        assertThat(result.pages()).extracting(Page::url).noneMatch(u -> u.startsWith("https:"));
        assertThat(result.linkStatus().get(https)).isIn(TLS_TO_PLAIN_PORT);
        assertThat(result.linkStatus()).containsEntry(url("/page/7.html"), "ok 200");
    }

    /**
     * A page linked directly and also reached through redirects ({@code /page/5.html} ends two
     * redirect chains, {@code /moved/N.html} redirects to linked pages) is one resource: every URL
     * of the site is requested exactly once, redirect hops included.
     */
    @Test
    void everyUrlIsRequestedOnceEvenWhenRedirectsLeadToIt() {
        assertThat(targetCounts).containsKeys("/page/5.html", "/redirect/chain/3", "/redirect/chain/0");
        assertThat(targetCounts.keySet()).anyMatch(t -> t.startsWith("/moved/"));
        assertThat(targetCounts).allSatisfy((target, n) -> assertThat(n).as(target).isEqualTo(1));
    }

    /**
     * RFC 3986 section 6.2.3: {@code /page/4.html?} (empty query) and {@code /page/4.html} may be
     * different resources, so they are two URLs, and each is requested as written.
     */
    @Test
    void anEmptyQueryIsRequestedAsWrittenRfc3986Section6_2_3() {
        assertThat(targetCounts).containsEntry("/page/4.html?", 1).containsEntry("/page/4.html", 1);
        assertThat(result.pages()).extracting(Page::url).contains(url("/page/4.html?"), url("/page/4.html"));
    }

    /**
     * A Location header with raw UTF-8 bytes (RFC 9110 section 5.5 wants ASCII; servers send it
     * anyway) is read as UTF-8 when the bytes are valid UTF-8, as browsers do, then percent-encoded
     * (RFC 3986 section 2.5).
     */
    @Test
    void aRawUtf8LocationIsReadAsUtf8() {
        assertThat(result.redirects()).containsEntry(url("/redirect/utf8"), url(GeneratedSite.UTF8_TARGET));
        assertThat(page(GeneratedSite.UTF8_TARGET).status()).isEqualTo(200);
        assertThat(result.brokenLinks()).extracting(BrokenLink::url).doesNotContain(url("/redirect/utf8"));
    }

    // ---- limits --------------------------------------------------------------------------------

    @Test
    void neverFetchesMoreThanMaxPages() throws Exception {
        try (TestSite site = TestSite.start(new GeneratedSite(SiteSpec.standard().withSlowTraps(false)))) {
            // No redirects followed: then each fetched URL is exactly one request, and the site can count them.
            CrawlResult limited = mode().crawler().crawl(CrawlSettings.defaults(site.url("/")).withMaxPages(25)
                    .withMaxRedirects(0).withCheckExternal(false));
            assertThat(limited.summary().fetched()).isEqualTo(25);
            assertThat(limited.pages()).hasSizeLessThanOrEqualTo(25);
            long pageRequests = site.requestedPaths().stream().filter(p -> !p.equals("/robots.txt"))
                    .mapToInt(site::requestCount).sum();
            // At most 25: a URL that robots.txt forbids counts as fetched without a request.
            assertThat(pageRequests).isBetween(20L, 25L);
        }
    }

    @Test
    void respectsTheDepthLimitWithTheSameResultEveryRun() throws Exception {
        try (TestSite site = TestSite.start(new GeneratedSite(SiteSpec.standard().withSlowTraps(false)))) {
            CrawlSettings depth2 = CrawlSettings.defaults(site.url("/")).withMaxDepth(2).withConcurrency(8);
            CrawlResult reference = new SequentialCrawler().crawl(depth2);
            assertThat(reference.pages()).allSatisfy(p -> assertThat(p.depth()).isLessThanOrEqualTo(2));
            assertThat(reference.pages().size()).isBetween(20, 250);
            for (int run = 0; run < 3; run++) {
                CrawlResult again = mode().crawler().crawl(depth2);
                assertThat(again.pages()).as("run %d", run).isEqualTo(reference.pages());
                assertThat(again.brokenLinks()).as("run %d", run).isEqualTo(reference.brokenLinks());
            }
        }
    }

    @Test
    void keepsRequestsInFlightWithinTheConcurrencyLimit() throws Exception {
        try (TestSite site = TestSite.start(new GeneratedSite(SiteSpec.standard().withSlowTraps(false).withPages(60)))) {
            site.setLatency(Duration.ofMillis(15));
            CrawlResult r = mode().crawler().crawl(CrawlSettings.defaults(site.url("/")).withConcurrency(4));
            assertThat(r.summary().complete()).isTrue();
            if (mode() == CrawlMode.SEQUENTIAL) {
                assertThat(site.maxInFlight()).isEqualTo(1);
            } else {
                assertThat(site.maxInFlight()).isBetween(2, 4);
            }
        }
    }

    // ---- stopping --------------------------------------------------------------------------------

    @Test
    void stopsAtTheDeadlineAndReportsWhatItHas() throws Exception {
        try (TestSite site = TestSite.start(new GeneratedSite(SiteSpec.standard().withSlowTraps(false)))) {
            site.setLatency(Duration.ofMillis(100));
            LiveThreads threads = LiveThreads.snapshot();
            CrawlResult r = mode().crawler().crawl(CrawlSettings.defaults(site.url("/")).withConcurrency(2)
                    .withDeadline(Duration.ofMillis(1500)));   // the whole site would take 15 s
            assertThat(r.summary().complete()).isFalse();
            assertThat(r.summary().stopReason()).isEqualTo("deadline");
            assertThat(r.pages()).isNotEmpty();
            assertThat(threads.leaked()).isEmpty();
        }
    }

    @Test
    void anInterruptStopsTheCrawlAndItsThreads() throws Exception {
        CountDownLatch crawling = new CountDownLatch(3);
        GeneratedSite generated = new GeneratedSite(SiteSpec.standard().withSlowTraps(false));
        SitePlan plan = (path, query, base) -> {
            crawling.countDown();
            return generated.respond(path, query, base);
        };
        try (TestSite site = TestSite.start(plan)) {
            site.setLatency(Duration.ofMillis(200));
            LiveThreads threads = LiveThreads.snapshot();
            AtomicReference<String> ending = new AtomicReference<>("still running");
            Thread crawler = new Thread(() -> {
                try {
                    mode().crawler().crawl(CrawlSettings.defaults(site.url("/")).withConcurrency(4));
                    ending.set("finished");
                } catch (InterruptedException e) {
                    ending.set("interrupted");
                }
            }, "test-crawler");
            crawler.start();
            assertThat(crawling.await(10, TimeUnit.SECONDS)).isTrue();
            crawler.interrupt();
            crawler.join(10_000);
            assertThat(crawler.isAlive()).as("crawl still running after interrupt").isFalse();
            assertThat(ending.get()).isEqualTo("interrupted");
            assertThat(threads.leaked()).isEmpty();
        }
    }

    @Test
    void rejectsANonHttpStartUrl() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> mode().crawler().crawl(CrawlSettings.defaults("ftp://x/")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http");
    }
}
