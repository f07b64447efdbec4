package edu.ute.concurrency.examples.rle.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ComparisonChartTest {
    private static final Pattern BAR = Pattern.compile(
            "<text [^>]*text-anchor=\"end\">([^<]*)</text>\\s*<rect [^>]*fill=\"(#[0-9a-f]{6})\"([^/]*)/>");

    @Test
    void eachStrategyHasAColourOfItsOwnAndItsOtherGranularityALighterOne() {
        List<String> strategies = List.of("threads", "executor", "forkjoin", "parallel-stream", "virtual", "process", "auto",
                "jdk-tiff-t6", "ceiling", "python-pool", "python-threads");
        List<ComparisonChart.Bar> bars = new ArrayList<>();
        for (String strategy : strategies) {
            bars.add(new ComparisonChart.Bar("encode batch", strategy, 1.5));
        }
        bars.add(new ComparisonChart.Bar("encode batch", "auto per block", 1.2));
        bars.add(new ComparisonChart.Bar("encode batch", "executor per block", 1.1));
        bars.add(new ComparisonChart.Bar("encode page", "executor", 1.4)); // a second group: the same colour again

        Map<String, String> fill = new HashMap<>();
        Map<String, String> rest = new HashMap<>();
        Matcher m = BAR.matcher(ComparisonChart.svg("t", "s", bars));
        while (m.find()) {
            assertThat(fill.putIfAbsent(m.group(1), m.group(2))).as("colour of " + m.group(1)).isIn(null, m.group(2));
            rest.put(m.group(1), m.group(3));
        }
        assertThat(fill.keySet()).containsAll(strategies);
        assertThat(strategies.stream().map(fill::get).distinct()).hasSize(strategies.size());
        assertThat(fill.get("auto per block")).isEqualTo(fill.get("auto"));
        assertThat(rest.get("auto per block")).contains("fill-opacity");
        assertThat(rest.get("auto")).doesNotContain("fill-opacity");
    }

    @Test
    void pythonRowsAreDrawnInAColourFamilyNoJavaStrategyUses() {
        List<String> java = List.of("threads", "executor", "forkjoin", "parallel-stream", "virtual", "process", "auto", "jdk-tiff-t6",
                "ceiling");
        List<String> python = List.of("py threads", "py pool", "py process", "py ceiling");
        List<ComparisonChart.Bar> bars = new ArrayList<>();
        for (int i = 0; i < Math.max(java.size(), python.size()); i++) { // interleaved: the order must not matter
            if (i < java.size()) {
                bars.add(new ComparisonChart.Bar("encode batch", java.get(i), 1.5));
            }
            if (i < python.size()) {
                bars.add(new ComparisonChart.Bar("encode batch", python.get(i), 0.2));
            }
        }
        Map<String, String> fill = new HashMap<>();
        Matcher m = BAR.matcher(ComparisonChart.svg("t", "s", bars));
        while (m.find()) {
            fill.put(m.group(1), m.group(2));
        }
        List<String> javaColours = java.stream().map(fill::get).toList();
        List<String> pythonColours = python.stream().map(fill::get).toList();
        assertThat(pythonColours).doesNotContainNull().doesNotHaveDuplicates().doesNotContainAnyElementsOf(javaColours);
        assertThat(javaColours).doesNotContainNull().doesNotHaveDuplicates();
        // The family: warm colours (red the largest component), where every Java colour is not.
        assertThat(pythonColours).allSatisfy(c -> assertThat(red(c)).isGreaterThan(Math.max(green(c), blue(c))));
        assertThat(javaColours).noneSatisfy(c -> assertThat(red(c)).isGreaterThan(Math.max(green(c), blue(c))));
    }

    private static int red(String colour) {
        return Integer.parseInt(colour.substring(1, 3), 16);
    }

    private static int green(String colour) {
        return Integer.parseInt(colour.substring(3, 5), 16);
    }

    private static int blue(String colour) {
        return Integer.parseInt(colour.substring(5, 7), 16);
    }
}
