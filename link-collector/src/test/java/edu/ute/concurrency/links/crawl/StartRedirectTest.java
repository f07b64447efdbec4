package edu.ute.concurrency.links.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import edu.ute.concurrency.links.crawl.CrawlResult.Page;
import edu.ute.concurrency.links.testsite.SiteResponse;
import edu.ute.concurrency.links.testsite.TestSite;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A start URL that redirects to another host ({@code http://example.org/} to
 * {@code https://www.example.org/}) makes that host part of the crawl; other redirects out of scope
 * are not followed. Two loopback sites on two ports play the two hosts.
 */
class StartRedirectTest {

    @Test
    void followsTheStartUrlToItsNewHostAndCrawlsThere() throws Exception {
        AtomicReference<String> newHome = new AtomicReference<>();
        try (TestSite target = TestSite.start((path, query, base) -> switch (path) {
                case "/" -> SiteResponse.html("<a href=/about.html>about</a> <a href=/gone.html>gone</a>");
                case "/about.html" -> SiteResponse.html("<p>about</p>");
                default -> SiteResponse.notFound();
            });
             TestSite old = TestSite.start((path, query, base) -> path.equals("/")
                     ? SiteResponse.redirect(301, newHome.get()) : SiteResponse.notFound())) {
            newHome.set(target.url("/"));
            CrawlResult r = new AsyncHttpCrawler().crawl(CrawlSettings.defaults(old.url("/")));
            assertThat(r.pages()).extracting(Page::url).containsExactly(target.url("/"), target.url("/about.html"));
            assertThat(r.brokenLinks()).singleElement().satisfies(b -> assertThat(b.url()).isEqualTo(target.url("/gone.html")));
            assertThat(r.redirects()).containsEntry(old.url("/"), target.url("/"));
        }
    }
}
