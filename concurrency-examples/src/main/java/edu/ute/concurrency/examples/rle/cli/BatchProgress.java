package edu.ute.concurrency.examples.rle.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of a batch on stderr, reported by the worker threads as files finish: a bar redrawn in
 * place when stderr is a terminal, one plain line per file otherwise (logs, pipes, CI), or nothing.
 *
 * <p><b>Thread safety:</b> {@link #fileDone} may be called from any thread; calls are serialised so
 * that lines never interleave.
 */
public final class BatchProgress {
    /** How progress is shown. */
    public enum Style { BAR, LINES, NONE }

    private final PrintStream err;
    private final Style style;
    private final int total;
    private final long startNanos = System.nanoTime();
    private int done;

    public BatchProgress(PrintStream err, Style style, int total) {
        this.err = err;
        this.style = style;
        this.total = total;
    }

    /** BAR when this JVM talks to a terminal, LINES otherwise. */
    public static Style defaultStyle() {
        java.io.Console console = System.console();
        if (console == null) {
            return Style.LINES;
        }
        // Since JDK 22 System.console() is never null; Console.isTerminal() (JDK 22+) says whether it is
        // really a terminal. This code compiles for 21, so it asks by reflection.
        try {
            Object terminal = console.getClass().getMethod("isTerminal").invoke(console);
            return Boolean.TRUE.equals(terminal) ? Style.BAR : Style.LINES;
        } catch (ReflectiveOperationException e) {
            return Style.BAR; // JDK 21: a non-null console is a terminal
        }
    }

    /** How many files have finished so far, failed ones included. */
    public synchronized int done() {
        return done;
    }

    /** Records one more finished file; {@code failed} files are counted too. */
    public synchronized void fileDone(String name, boolean failed) {
        done++;
        switch (style) {
            case NONE -> { }
            case LINES -> err.printf(Locale.ROOT, "[%d/%d] %s %s%n", done, total, failed ? "FAILED" : "ok", name);
            case BAR -> {
                int width = 30;
                int filled = total == 0 ? width : done * width / total;
                double seconds = (System.nanoTime() - startNanos) / 1e9;
                err.printf(Locale.ROOT, "\r[%s%s] %d/%d  %.1f s", "#".repeat(filled), " ".repeat(width - filled), done, total, seconds);
                if (done == total) {
                    err.println();
                }
                err.flush();
            }
        }
    }
}
