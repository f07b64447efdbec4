package edu.ute.concurrency.links;

import static org.assertj.core.api.Assertions.assertThat;

import edu.ute.concurrency.links.crawl.CrawlMode;
import edu.ute.concurrency.links.crawl.CrawlSettings;
import edu.ute.concurrency.links.report.ReportFormat;
import edu.ute.concurrency.links.testsite.GeneratedSite;
import edu.ute.concurrency.links.testsite.SiteSpec;
import edu.ute.concurrency.links.testsite.TestSite;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The promise the documentation makes: the JSON report of a crawl is the same, byte for byte, in
 * every mode and on every run. The site answers after a random delay, so every run sees its
 * responses in another order; pages are reached both directly and through redirects, the case
 * where a crawler that fetches a redirect target a second time reports a count that depends on
 * timing.
 */
class IdenticalReportsTest {

    private static final int RUNS_PER_MODE = 3;

    @Test
    void everyModeWritesTheSameJsonOnEveryRun() throws Exception {
        try (TestSite site = TestSite.start(new GeneratedSite(SiteSpec.standard().withSlowTraps(false).withPages(150)))) {
            site.setLatencyJitter(Duration.ofMillis(4));
            CrawlSettings settings = CrawlSettings.defaults(site.url("/")).withConcurrency(8)
                    .withRequestTimeout(Duration.ofSeconds(5));
            String reference = json(CrawlMode.SEQUENTIAL, settings);
            assertThat(reference).contains("\"complete\": true", site.url("/moved/"));
            for (CrawlMode mode : CrawlMode.values()) {
                for (int run = 1; run <= RUNS_PER_MODE; run++) {
                    assertThat(json(mode, settings)).as("%s, run %d", mode.option(), run).isEqualTo(reference);
                }
            }
        }
    }

    private static String json(CrawlMode mode, CrawlSettings settings) throws InterruptedException {
        StringWriter text = new StringWriter();
        ReportFormat.JSON.write(mode.crawler().crawl(settings), new PrintWriter(text));
        return text.toString();
    }
}
