package edu.ute.concurrency.examples.rle.measure;

import static org.assertj.core.api.Assertions.assertThat;

import edu.ute.concurrency.examples.rle.measure.StrategyComparison.Row;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The summary and the ceiling column, on rows made up for the purpose (no timing in this test). */
class StrategyComparisonTest {
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
