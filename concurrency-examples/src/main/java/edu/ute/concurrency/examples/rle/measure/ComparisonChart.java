package edu.ute.concurrency.examples.rle.measure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws {@code rle compare}'s results as a plain SVG bar chart, written by hand (no chart library):
 * one group of horizontal bars per workload, one bar per strategy, its length the speedup over
 * sequential, with a dashed line at 1× (equal to sequential). Python rows ({@code py ...}, their speedup
 * over Python's one thread) are drawn in a colour family of their own.
 *
 * <p><b>Thread safety:</b> stateless.
 */
public final class ComparisonChart {
    /**
     * One colour per strategy, in order of first appearance, none repeated before all are used, and
     * none warm (red its largest part: that is the Python rows' family); a
     * strategy's other granularity ("auto per block") is drawn in its colour, lighter.
     */
    private static final String[] COLOURS = {
        "#1f77b4", "#2ca02c", "#9467bd", "#17becf", "#393b79", "#637939", "#bcbd22", "#555555", "#aec7e8", "#98df8a",
        "#c5b0d5", "#6b6ecf",
    };
    /**
     * The Python rows' family: oranges and reds, used by no Java strategy, so that the two languages
     * read apart at a glance.
     */
    private static final String[] PYTHON_COLOURS = {"#e6550d", "#fd8d3c", "#a63603", "#d62728", "#fdae6b", "#ff9896"};
    /** What a Python row's label starts with. */
    static final String PYTHON_PREFIX = "py ";
    /** What a label adds to its strategy's name for the other granularity. */
    private static final String VARIANT = " per ";

    private ComparisonChart() {
    }

    /** One bar: a label within its group, and the value it shows. */
    public record Bar(String group, String label, double speedup) {
    }

    /** The SVG document for {@code bars}, grouped in order of first appearance. */
    public static String svg(String title, String subtitle, List<Bar> bars) {
        Map<String, List<Bar>> groups = new LinkedHashMap<>();
        List<String> strategies = new ArrayList<>();
        for (Bar bar : bars) {
            groups.computeIfAbsent(bar.group(), g -> new ArrayList<>()).add(bar);
            if (!strategies.contains(strategyOf(bar))) {
                strategies.add(strategyOf(bar));
            }
        }
        double max = Math.max(2.0, bars.stream().mapToDouble(Bar::speedup).filter(Double::isFinite).max().orElse(1));
        max = Math.ceil(max * 2) / 2;
        int left = 230;
        int plotWidth = 560;
        int barHeight = 14;
        int groupGap = 18;
        int top = 70;
        int height = top + 40;
        for (List<Bar> group : groups.values()) {
            height += group.size() * barHeight + groupGap + 16;
        }
        StringBuilder svg = new StringBuilder();
        int width = left + plotWidth + 90;
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">%n",
                width, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"22\" font-size=\"15\" font-weight=\"bold\">%s</text>%n", escape(title)));
        svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"40\" fill=\"#444\">%s</text>%n", escape(subtitle)));
        int y = top;
        for (Map.Entry<String, List<Bar>> group : groups.entrySet()) {
            svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\" font-weight=\"bold\">%s</text>%n", y + 10, escape(group.getKey())));
            y += 16;
            for (Bar bar : group.getValue()) {
                double value = Double.isFinite(bar.speedup()) ? bar.speedup() : 0;
                int length = (int) Math.round(Math.min(value, max) / max * plotWidth);
                String colour = colour(strategies, strategyOf(bar));
                String opacity = bar.label().contains(VARIANT) ? " fill-opacity=\"0.45\"" : "";
                svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
                        left - 6, y + barHeight - 3, escape(bar.label())));
                svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"%s/>%n",
                        left, y + 1, Math.max(1, length), barHeight - 2, colour, opacity));
                svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%.2f×</text>%n",
                        left + length + 4, y + barHeight - 3, value));
                y += barHeight;
            }
            y += groupGap;
        }
        // Axis: ticks every 0.5x, and the 1x line that separates "faster" from "slower" than sequential.
        for (double tick = 0; tick <= max + 1e-9; tick += 0.5) {
            int x = left + (int) Math.round(tick / max * plotWidth);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\"%s/>%n",
                    x, top - 6, x, y, tick == 1.0 ? "#000" : "#ddd", tick == 1.0 ? " stroke-dasharray=\"4,3\"" : ""));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#444\">%.1f×</text>%n",
                    x, y + 14, tick));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">speedup over sequential (median time; longer is faster)</text>%n",
                left + plotWidth / 2, y + 30));
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** The n-th Java strategy gets the n-th Java colour, the n-th Python row the n-th Python colour. */
    private static String colour(List<String> strategies, String strategy) {
        boolean python = strategy.startsWith(PYTHON_PREFIX);
        String[] palette = python ? PYTHON_COLOURS : COLOURS;
        int n = (int) strategies.subList(0, strategies.indexOf(strategy)).stream().filter(s -> s.startsWith(PYTHON_PREFIX) == python).count();
        return palette[n % palette.length];
    }

    private static String strategyOf(Bar bar) {
        int variant = bar.label().indexOf(VARIANT);
        return variant < 0 ? bar.label() : bar.label().substring(0, variant);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
