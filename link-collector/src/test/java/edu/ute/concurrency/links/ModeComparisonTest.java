package edu.ute.concurrency.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --compare} on a small site, every crawl in its own process: each Java mode's report is the
 * Java sequential crawl's, byte for byte, and so is each Python mode's when a Python is found; when
 * none is, the table says which rows were skipped and why.
 */
class ModeComparisonTest {

    @Test
    void everyRowAgreesWithTheJavaSequentialCrawlOrSaysWhyItIsMissing() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = LinkCollector.run(new String[] {"--compare", "--pages", "40", "--latencies", "0", "--concurrency", "4"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String table = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<String> rows = table.lines().filter(l -> l.startsWith("| 0 ms")).toList();
        for (String mode : List.of("sequential", "threads", "futures", "async", "virtual")) {
            assertThat(rows).anyMatch(r -> r.startsWith("| 0 ms | java | " + mode + " |"));
        }
        assertThat(rows).allSatisfy(r -> assertThat(r).endsWith("| yes |"));
        PythonInterpreter.Search python = PythonInterpreter.find(List.of("aiohttp"));
        if (python.found().isPresent()) {
            assertThat(rows).anyMatch(r -> r.startsWith("| 0 ms | python | asyncio | 4 |"));
            assertThat(rows.stream().filter(r -> r.contains("| python |"))).hasSize(5);
        } else {
            assertThat(table).contains("skipped python asyncio: no interpreter imports aiohttp");
        }
    }
}
