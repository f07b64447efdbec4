package edu.ute.concurrency.links.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import edu.ute.concurrency.links.crawl.CrawlResult.Page;
import edu.ute.concurrency.links.testsite.SiteResponse;
import edu.ute.concurrency.links.testsite.TestSite;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * RFC 9110 section 8.4: a body in a coding the crawler did not ask for, or cannot undo, is
 * reported on its page and never parsed as if it were HTML; the same for a gzip body that is
 * not gzip. (Decoding gzip and deflate is part of every mode's contract test.)
 */
class ContentEncodingTest {

    @Test
    void aPageInACodingTheCrawlerCannotUndoIsReportedNotParsed() throws Exception {
        byte[] notReallyBrotli = "<a href=/hidden.html>looks like a link</a>".getBytes(StandardCharsets.UTF_8);
        try (TestSite site = TestSite.start((path, query, base) -> switch (path) {
            case "/" -> SiteResponse.html("<a href=/br.html>br</a> <a href=/bad-gzip.html>bad</a>");
            case "/br.html" -> SiteResponse.html("ignored").encoded("br", notReallyBrotli);
            case "/bad-gzip.html" -> SiteResponse.html("ignored").encoded("gzip", notReallyBrotli);
            default -> SiteResponse.html("<p>x</p>");
        })) {
            CrawlResult r = new AsyncHttpCrawler().crawl(CrawlSettings.defaults(site.url("/")));
            Page br = r.pages().stream().filter(p -> p.url().equals(site.url("/br.html"))).findFirst().orElseThrow();
            assertThat(br.problem()).isEqualTo("Content-Encoding br not supported: links not read");
            assertThat(br.links()).isEmpty();
            Page bad = r.pages().stream().filter(p -> p.url().equals(site.url("/bad-gzip.html"))).findFirst().orElseThrow();
            assertThat(bad.problem()).isEqualTo("corrupt gzip data: links not read");
            assertThat(site.requestCount("/hidden.html")).isZero();
        }
    }
}
