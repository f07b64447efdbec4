package edu.ute.concurrency.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import edu.ute.concurrency.links.crawl.CrawlMode;
import edu.ute.concurrency.links.crawl.CrawlSettings;
import edu.ute.concurrency.links.report.ReportFormat;
import edu.ute.concurrency.links.testsite.GeneratedSite;
import edu.ute.concurrency.links.testsite.SiteSpec;
import edu.ute.concurrency.links.testsite.TestSite;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The course's Python crawler ({@code link-collector/python/crawler.py}) follows the same rules as
 * the Java collector: on the test site every Python mode writes the Java report, byte for byte.
 * Skipped (with the reason) where no suitable Python is installed.
 */
class PythonCrawlerTest {

    private static final Path CRAWLER = Path.of("python/crawler.py");

    @ParameterizedTest
    @ValueSource(strings = {"sequential", "threads", "futures", "asyncio"})
    void writesTheJavaReportByteForByte(String mode) throws Exception {
        assumeTrue(Files.isRegularFile(CRAWLER), "python/crawler.py not found from " + Path.of("").toAbsolutePath());
        PythonInterpreter.Search search = PythonInterpreter.find(mode.equals("asyncio") ? List.of("aiohttp") : List.of());
        assumeTrue(search.found().isPresent(), search.whyNot());
        try (TestSite site = TestSite.start(new GeneratedSite(SiteSpec.standard().withSlowTraps(false).withPages(120)))) {
            CrawlSettings settings = CrawlSettings.defaults(site.url("/")).withCheckExternal(false);
            StringWriter java = new StringWriter();
            ReportFormat.JSON.write(CrawlMode.SEQUENTIAL.crawler().crawl(settings), new PrintWriter(java));

            Path report = Files.createTempFile("python-report", ".json");
            try {
                Process p = new ProcessBuilder(search.found().get().executable().toString(), CRAWLER.toString(),
                        site.url("/"), "--mode", mode, "--concurrency", "8", "--quiet", "--output", report.toString())
                        .redirectErrorStream(true).start();
                p.getOutputStream().close();
                String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(p.exitValue()).as(output).isEqualTo(1);   // the site has broken links
                assertThat(Files.readString(report)).isEqualTo(java.toString());
            } finally {
                Files.deleteIfExists(report);
            }
        }
    }
}
