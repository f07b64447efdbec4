package edu.ute.concurrency.links;

import static org.assertj.core.api.Assertions.assertThat;

import edu.ute.concurrency.links.testsite.SiteResponse;
import edu.ute.concurrency.links.testsite.TestSite;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkCollectorTest {

    private static TestSite site;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void startSite() throws Exception {
        site = TestSite.start((path, query, base) -> switch (path) {
            case "/" -> SiteResponse.html("<a href=ok.html>ok</a> <a href=\"gone.html\">gone</a> <a href='a,b.html'>comma</a>");
            case "/ok.html", "/a,b.html" -> SiteResponse.html("<p>fine</p>");
            default -> SiteResponse.notFound();
        });
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    private int run(String... args) {
        return LinkCollector.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        assertThat(run("--help")).isZero();
        assertThat(stdout()).contains("usage: link-collector URL", "--mode", "exit status");
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(run("--frobnicate")).isEqualTo(2);
        assertThat(stderr()).contains("unknown option --frobnicate");
    }

    @Test
    void badValuesNameTheOption() {
        assertThat(run(site.url("/"), "--depth", "deep")).isEqualTo(2);
        assertThat(stderr()).contains("--depth", "\"deep\"");
        assertThat(run(site.url("/"), "--mode", "fast")).isEqualTo(2);
        assertThat(stderr()).contains("unknown mode \"fast\"");
        assertThat(run(site.url("/"), "--concurrency", "0")).isEqualTo(2);
        assertThat(run(site.url("/"), "--timeout", "-1")).isEqualTo(2);
        assertThat(run()).isEqualTo(2);
    }

    @Test
    void badUrlIsAUsageError() {
        assertThat(run("ftp://example.org/")).isEqualTo(2);
        assertThat(stderr()).contains("http://");
        assertThat(run("http://exa mple.org/")).isEqualTo(2);
        assertThat(stderr()).contains("bad URL");
    }

    @Test
    void printsTheTextReportWithBrokenLinksAndTheirPages() {
        assertThat(run(site.url("/"), "--quiet", "--mode", "threads")).isEqualTo(CollectorOptions.BROKEN_LINKS);
        assertThat(stdout()).contains("3 pages", "1 broken links", site.url("/gone.html") + "  [404]",
                "linked from " + site.url("/"));
    }

    /** A CI job fails on broken links by default, as with lychee, muffet and linkchecker. */
    @Test
    void brokenLinksExitOneUnlessToldOtherwise() {
        assertThat(run(site.url("/"), "--quiet")).isEqualTo(1);
        assertThat(run(site.url("/"), "--quiet", "--fail-on-broken")).isEqualTo(1);
        assertThat(run(site.url("/"), "--quiet", "--no-fail-on-broken")).isZero();
        assertThat(run(site.url("/ok.html"), "--quiet")).as("a page without broken links").isZero();
        assertThat(stderr()).isEmpty();
    }

    @Test
    void anUnreachableStartUrlIsABrokenLink() {
        assertThat(run("http://127.0.0.1:9/", "--quiet", "--timeout", "2", "--ignore-robots")).isEqualTo(1);
        assertThat(stderr()).contains("start URL gave no page");
    }

    /**
     * A site that refuses connections: the report says so (it is not a robots.txt matter), the start
     * URL is a broken link, and {@code --quiet} leaves only the one line that explains the failure.
     */
    @Test
    void aRefusedConnectionIsReportedAsSuch() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        String start = "http://127.0.0.1:" + closedPort + "/";
        assertThat(run(start, "--quiet")).isEqualTo(1);
        assertThat(stdout()).contains("Broken links (1)", start + "  [connection refused]");
        assertThat(stderr()).doesNotContain("robots").contains("connection refused");
        assertThat(stderr().lines()).hasSize(1);
    }

    @Test
    void writesCsvToAFileThroughATemporaryName(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("links.csv");
        assertThat(run(site.url("/"), "--quiet", "--format", "csv", "--output", report.toString(), "--no-fail-on-broken"))
                .isZero();
        assertThat(Files.readAllLines(report)).containsExactly(
                "page,link,status",
                site.url("/") + "," + site.url("/ok.html") + ",ok 200",
                site.url("/") + "," + site.url("/gone.html") + ",404",
                site.url("/") + ",\"" + site.url("/a,b.html") + "\",ok 200");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(report);   // no temporary file left behind
        }
        if (Files.getFileAttributeView(report, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            // published like any written file, not owner-only like the temporary it started as
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(report)))
                    .isEqualTo("rw-r--r--");
        }
        assertThat(stdout()).isEmpty();
    }

    @Test
    void writesJson() {
        assertThat(run(site.url("/"), "--quiet", "--format", "json", "--mode", "sequential")).isEqualTo(1);
        assertThat(stdout()).startsWith("{").contains("\"brokenLinks\": [", "\"reason\": \"404\"",
                "\"summary\": {\"pages\": 3,").endsWith("}" + System.lineSeparator());
    }

    /** The JSON has every link's status, as the CSV has: the same pairs, from the same result. */
    @Test
    void jsonCarriesTheSameLinkStatusAsCsv(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("links.csv");
        assertThat(run(site.url("/"), "--quiet", "--format", "csv", "--output", csv.toString())).isEqualTo(1);
        assertThat(run(site.url("/"), "--quiet", "--format", "json")).isEqualTo(1);
        String json = stdout();
        List<String> rows = Files.readAllLines(csv).subList(1, 4);
        assertThat(rows).hasSize(3).allSatisfy(row -> {
            String link = row.startsWith(site.url("/") + ",\"") ? row.split("\"")[1] : row.split(",")[1];
            String status = row.substring(row.lastIndexOf(',') + 1);
            assertThat(json).contains("\"" + link + "\": \"" + status + "\"");
        });
        assertThat(json).contains("\"linkStatus\": {");
    }

    @Test
    void excludedAndNotIncludedUrlsAreListedButNotRequested() {
        int before = site.requestCount("/gone.html");
        assertThat(run(site.url("/"), "--quiet", "--format", "csv", "--exclude", "gone\\.html$")).isZero();
        assertThat(stdout()).contains(site.url("/gone.html") + ",not checked (excluded)");
        assertThat(site.requestCount("/gone.html")).isEqualTo(before);
        out.reset();
        assertThat(run(site.url("/"), "--quiet", "--format", "csv", "--include", "/ok\\.html")).isZero();
        assertThat(stdout()).contains(site.url("/ok.html") + ",ok 200", site.url("/gone.html") + ",not checked (excluded)");
    }

    @Test
    void badPatternsAndUserAgentsAreUsageErrors() {
        assertThat(run(site.url("/"), "--exclude", "(unclosed")).isEqualTo(2);
        assertThat(stderr()).contains("--exclude", "(unclosed", "not a regular expression");
        assertThat(run(site.url("/"), "--user-agent", "bad\nagent")).isEqualTo(2);
        assertThat(stderr()).contains("--user-agent");
    }

    @Test
    void helpStatesTheExitCodesAndTheLimits() {
        assertThat(run("--help")).isZero();
        assertThat(stdout()).contains("1 broken links found", "--no-fail-on-broken", "same-origin",
                "RFC 6454", "--include", "--exclude", "--user-agent", "--skip-external", "GET, not HEAD",
                "up to 60 s", "up to 10 s");
    }

    @Test
    void outputIntoAMissingDirectoryFails(@TempDir Path dir) {
        assertThat(run(site.url("/"), "--quiet", "--output", dir.resolve("no/such/dir/x.txt").toString()))
                .isEqualTo(CollectorOptions.ERROR);
        assertThat(stderr()).contains("does not exist");
    }
}
