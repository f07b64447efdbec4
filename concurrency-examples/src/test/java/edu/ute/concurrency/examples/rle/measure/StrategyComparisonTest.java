package edu.ute.concurrency.examples.rle.measure;

import static org.assertj.core.api.Assertions.assertThat;

import edu.ute.concurrency.examples.rle.measure.StrategyComparison.Row;
import edu.ute.concurrency.examples.support.CommandLine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The summary and the ceiling column, on rows made up for the purpose (no timing in these tests); and
 * the Python rows of {@code compare --quick}, present or skipped with the reason.
 */
class StrategyComparisonTest {
    /** Small and fast: one Java strategy, encoding only, the icon and the quick batch. */
    private static final String[] QUICK = {"--quick", "--strategies", "threads", "--no-decode", "--workloads", "icon,batch-8x40dpi"};

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int compare(Map<String, String> environment, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of(QUICK));
        args.addAll(List.of("--out", dir.toString()));
        args.addAll(List.of(more));
        return StrategyComparison.run(new CommandLine(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void quickCompareShowsThePythonRowsBesideJavaWithTheSameBytes() throws Exception {
        PythonCaseStudy.Lookup python = PythonCaseStudy.locate();
        Assumptions.assumeTrue(python.isFound(), python::reason);

        assertThat(compare(System.getenv())).as(err.toString(StandardCharsets.UTF_8)).isZero();

        String table = stdout();
        assertThat(table).contains("python: " + python.caseStudy().interpreter().command());
        for (String workload : List.of("icon", "batch-8x40dpi")) {
            for (String row : List.of("py sequential +- +1", "py threads +row +2", "py pool +row +2", "py process +image +2")) {
                assertThat(table).containsPattern("(?m)^encode +" + workload + " +" + row + " .* yes$");
            }
            assertThat(table).containsPattern("(?m)^encode +" + workload + " +py ceiling +- +2 ");
        }
        // The Python rows sit under their workload's Java rows.
        assertThat(table.indexOf("encode icon              py sequential")).isGreaterThan(table.indexOf("encode icon              threads"));
        assertThat(table).doesNotContain(" NO\n");
        assertThat(table.replaceAll("\\s+", " ")).contains("Python's Pool per row", "Python on icon (64x64), one thread",
                "Python on batch-8x40dpi (8 × 331x468), one thread", "and every Python row's, was byte-identical")
                .containsPattern("threads per row [0-9.]+×(, lost to the GIL)?");
        assertThat(Files.readString(dir.resolve("rle-compare.csv"))).contains("encode,icon,64x64,py pool,row,2,");
        assertThat(Files.readString(dir.resolve("rle-compare.svg"))).contains(">py pool<", "(py rows: over py sequential)");
        try (Stream<Path> left = Files.list(dir)) { // the PBM files handed to Python are gone
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("rle-compare.csv", "rle-compare.svg");
        }
    }

    @Test
    void withoutAUsablePythonCompareSaysWhichRowsItSkippedAndWhy() throws Exception {
        Path missing = dir.resolve("no-such-python");

        assertThat(compare(Map.of(PythonInterpreter.ENVIRONMENT_VARIABLE, missing.toString(), "PATH", ""))).isZero();

        assertThat(stdout()).contains("python: skipped the Python rows (py sequential, threads, pool and process on icon,"
                + " batch-8x40dpi): UTE_PYTHON=" + missing + ": cannot run it")
                .doesNotContain("py sequential ", "py ceiling", "Python on");
        assertThat(stdout().lines().filter(l -> l.startsWith("python"))).hasSize(1);
    }

    @Test
    void noPythonSkipsThePythonRowsWithoutAWord() throws Exception {
        assertThat(compare(Map.of(PythonInterpreter.ENVIRONMENT_VARIABLE, dir.resolve("no-such-python").toString()), "--no-python"))
                .isZero();

        assertThat(stdout()).doesNotContain("python", "py sequential");
    }

    private static Row row(String workload, String strategy, String per, double ms, double speedup, double cpuRatio) {
        return new Row("encode", workload, "4961x7016", strategy, per, strategy.equals("sequential") ? 1 : 2, 10, ms, 0, speedup,
                ms, cpuRatio, 100, strategy.equals("ceiling") ? "n/a" : "yes");
    }

    private static final List<Row> ROWS = List.of(
            row("icon", "sequential", "block", 0.0005, 1.0, 1.0),
            row("icon", "executor", "block", 0.0100, 0.05, 30),
            row("icon", "auto", "block", 0.0005, 1.0, 1.0),
            row("icon", "ceiling", "-", 0.0010, 0.5, 2.0),
            row("text-600dpi", "sequential", "block", 1.8, 1.0, 1.0),
            row("text-600dpi", "executor", "block", 1.2, 1.5, 1.05),
            row("text-600dpi", "auto", "block", 1.0, 1.8, 1.02),
            row("text-600dpi", "ceiling", "-", 0.95, 1.9, 1.0));

    @Test
    void eachParallelSpeedupIsAlsoGivenAsAFractionOfTheCeilingMeasuredBesideIt() {
        assertThat(StrategyComparison.ofCeiling(ROWS, ROWS.get(6))).hasValueSatisfying(f -> assertThat(f).isCloseTo(1.8 / 1.9,
                org.assertj.core.data.Offset.offset(1e-9)));
        assertThat(StrategyComparison.ofCeiling(ROWS, ROWS.get(4))).isEmpty(); // sequential: nothing to compare
        assertThat(StrategyComparison.ofCeiling(ROWS, ROWS.get(7))).isEmpty();
        assertThat(StrategyComparison.ofCeiling(ROWS, ROWS.get(2))).as("the icon: its ceiling is below 1×").isEmpty();
        assertThat(StrategyComparison.table(ROWS)).containsPattern("auto +block .* 1.80× +95 %");
    }

    @Test
    void theSummarySaysWhoWonWhereAgainstTheCeilingAndWhyTheIconIsNotShared() {
        String summary = StrategyComparison.summary(ROWS);
        assertThat(summary.replaceAll("\\s+", " "))
                .contains("text-600dpi (4961x7016), split by rows: auto was fastest, 1.80× sequential, 95 % of the 1.90× that 2 threads")
                .contains("auto, the default, reached 100 % of the fastest's speed on text-600dpi")
                .contains("icon (4961x7016) encodes in 0.5 µs: too little to share. Handed to a pool it ran at 0.05× sequential")
                .contains("CPU time: at most 1.05× sequential's on those (executor on text-600dpi): sharing the work hardly added to it")
                .contains("byte-identical")
                .doesNotContain("NOT met", "target");
    }
}
