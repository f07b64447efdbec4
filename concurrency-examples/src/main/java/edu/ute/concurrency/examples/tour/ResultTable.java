package edu.ute.concurrency.examples.tour;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The short result table every tour example prints, in Markdown pipe syntax so that a run's output
 * can be pasted into the docs as it is.
 *
 * <pre>{@code
 * ResultTable table = new ResultTable("encoder", "ms");
 * table.row("per-bit loop", 41);
 * table.print(System.out);
 * }</pre>
 *
 * <p><b>Thread safety.</b> Not thread-safe: fill and print it from one thread.
 */
public final class ResultTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public ResultTable(String... header) {
        this.header = List.of(header);
    }

    /** Adds a row; each cell is shown with {@code String.valueOf}. */
    public ResultTable row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, the table has "
                    + header.size() + " columns: " + Arrays.toString(cells));
        }
        rows.add(Arrays.stream(cells).map(String::valueOf).toList());
        return this;
    }

    public int rowCount() {
        return rows.size();
    }

    /** The cell at {@code row}, {@code column} (0-based, header excluded). */
    public String cell(int row, int column) {
        return rows.get(row).get(column);
    }

    /** {@code nanos} as milliseconds with one decimal, the way the tours print times. */
    public static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    public void print(PrintStream out) {
        out.print(render());
    }

    /** The table as Markdown text, columns padded to line up. */
    public String render() {
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = Math.max(3, header.get(c).length());
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, header, widths);
        List<String> rule = new ArrayList<>();
        for (int w : widths) {
            rule.add("-".repeat(w));
        }
        line(sb, rule, widths);
        for (List<String> row : rows) {
            line(sb, row, widths);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells, int[] widths) {
        sb.append('|');
        for (int c = 0; c < cells.size(); c++) {
            sb.append(' ').append(cells.get(c)).append(" ".repeat(widths[c] - cells.get(c).length())).append(" |");
        }
        sb.append('\n');
    }
}
