package edu.ute.concurrency.examples.tour;

import edu.ute.concurrency.examples.support.CommandLine;
import edu.ute.concurrency.examples.tour.structured.FailFastFanOut;
import edu.ute.concurrency.rle.PackedBitImage;
import edu.ute.concurrency.rle.Rle;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tour 05 — structured concurrency: a fan-out whose subtasks live and die with the block that
 * started them, and where one failure cancels the siblings.
 *
 * <p>Python 3.11's {@code asyncio.TaskGroup} and trio's nurseries work this way: leave the block only
 * when every child has finished, and cancel the others when one fails. The JDK's dedicated API is
 * {@code java.util.concurrent.StructuredTaskScope}, but it is a <em>preview</em> API in every JDK from
 * 21 to 25 (JEPs 453, 462, 480, 499, 505), and JDK 25 changed its shape (a static {@code open(Joiner)}
 * factory instead of {@code new ShutdownOnFailure()}). Preview APIs only compile with
 * {@code --enable-preview} and a {@code --release} equal to the running JDK, so code using it builds on
 * exactly one JDK. This project compiles with {@code release 21} and no preview, so the example uses
 * what JDK 21 offers as final API: an {@code ExecutorService} in try-with-resources ({@code close()}
 * waits for every task, JDK 19+) plus {@link FailFastFanOut}, which cancels the siblings on the first
 * failure. For comparison, the same fan-out with the JDK 25 preview API would read:
 * <pre>{@code
 * // javac --release 25 --enable-preview; java --enable-preview ...
 * try (var scope = StructuredTaskScope.open()) {            // default joiner: all must succeed
 *     List<Subtask<byte[]>> subtasks = pages.stream()
 *             .map(page -> scope.fork(() -> scanAndEncode(page))).toList();
 *     scope.join();             // throws FailedException on the first failure, siblings cancelled
 *     return subtasks.stream().map(Subtask::get).toList();
 * }
 * }</pre>
 * and with JDK 21's preview: {@code new StructuredTaskScope.ShutdownOnFailure()}, {@code fork},
 * {@code join().throwIfFailed()}.
 *
 * <p>The workload: each page is first "scanned" (a blocking wait of {@code --scan-ms}, standing in for
 * a scanner or a network read) and then RLE-encoded, on one virtual thread per page. Run 1: every page
 * succeeds and the result equals the sequential encoding. Run 2: the scanner jams on one page early;
 * the other subtasks are still waiting for their scans, get cancelled (interrupted), and the block is
 * left with an exception after all of them have ended — the table counts them.
 *
 * <h2>HOW TO RUN</h2>
 * <pre>
 * mvn -q -pl concurrency-examples -am compile exec:exec \
 *     -Dexec.mainClass=edu.ute.concurrency.examples.tour.Tour05_StructuredConcurrency
 * </pre>
 * Expected output: two rows. "all succeed": 20 encoded, 0 cancelled, same bytes yes, about one scan
 * time. "page 7 jams": 1 failed, 19 cancelled, 0 still running after the block, wall time well under
 * one scan time.
 */
public final class Tour05_StructuredConcurrency {
    private static final String USAGE = """
            usage: Tour05_StructuredConcurrency [--pages N] [--dpi N] [--scan-ms N] [--jam-page N]
              --pages N      pages in the fan-out (default 20)
              --dpi N        their resolution, 20 to 2400 (default 150)
              --scan-ms N    how long each page's scan waits (default 500)
              --jam-page N   the page whose scan fails in the second run (default 7)
            """;

    private Tour05_StructuredConcurrency() {
    }

    /** Thrown by a page's scan in the demonstration of a failing subtask. */
    public static final class ScannerJamException extends IOException {
        private static final long serialVersionUID = 1L;

        public ScannerJamException(int page) {
            super("scanner jammed on page " + page);
        }
    }

    /** What happened to the subtasks of one fan-out, counted by the subtasks themselves. */
    public record FanOutReport(List<byte[]> encoded, Throwable failure, int completed, int failed,
                               int cancelled, int runningAfterBlock) {
    }

    /**
     * A scanner stand-in: {@code scan(page)} blocks until the page is "scanned", or throws for the
     * jammed page. Tests replace it with one that blocks until cancelled, to prove cancellation
     * without a clock.
     */
    @FunctionalInterface
    public interface Scanner {
        void scan(int page) throws IOException, InterruptedException;
    }

    public static void main(String[] args) {
        CommandLine.run("Tour05_StructuredConcurrency", USAGE, args, Tour05_StructuredConcurrency::run);
    }

    private static int run(CommandLine args) throws Exception {
        int pages = 20;
        int dpi = 150;
        int scanMs = 500;
        int jamPage = 7;
        while (args.hasNext()) {
            switch (args.next()) {
                case "--pages" -> pages = args.positiveInt();
                case "--dpi" -> dpi = args.intBetween(20, 2400);
                case "--scan-ms" -> scanMs = args.positiveInt();
                case "--jam-page" -> jamPage = args.positiveInt();
                default -> throw args.unknown();
            }
        }
        PageBatch batch = PageBatch.textPages(pages, dpi);
        int scan = scanMs; // the lambdas below need effectively final copies
        int jammed = jamPage;
        List<byte[]> expected = batch.encodeSequentially();

        System.out.printf(Locale.ROOT, "%d pages, each scanned (%d ms wait) then encoded, one virtual thread per page%n%n",
                batch.size(), scanMs);
        ResultTable table = new ResultTable("run", "wall ms", "encoded", "failed", "cancelled", "running after block", "result");
        boolean ok = true;

        long t0 = System.nanoTime();
        FanOutReport all = scanAndEncode(batch, page -> Thread.sleep(scan));
        long t1 = System.nanoTime();
        boolean same = all.failure() == null && sameBytes(all.encoded(), expected);
        ok &= same && all.runningAfterBlock() == 0;
        table.row("all succeed", ResultTable.millis(t1 - t0), all.completed(), all.failed(), all.cancelled(),
                all.runningAfterBlock(), same ? "same bytes as sequential: yes" : "WRONG");

        // The jammed page fails after a tenth of a scan, while its siblings are still scanning.
        FanOutReport jam = scanAndEncode(batch, page -> {
            if (page == jammed) {
                Thread.sleep(scan / 10);
                throw new ScannerJamException(page);
            }
            Thread.sleep(scan);
        });
        long t2 = System.nanoTime();
        ok &= jam.failure() instanceof ScannerJamException && jam.runningAfterBlock() == 0;
        table.row("page " + jamPage + " jams", ResultTable.millis(t2 - t1), jam.completed(), jam.failed(),
                jam.cancelled(), jam.runningAfterBlock(),
                jam.failure() == null ? "NO FAILURE" : jam.failure().getClass().getSimpleName() + ": " + jam.failure().getMessage());
        table.print(System.out);
        return ok ? 0 : 1;
    }

    /**
     * Scans and encodes every page of {@code batch} on its own virtual thread, all-or-nothing: returns
     * the encodings, or the first failure after cancelling the other subtasks. Either way, every
     * subtask has ended when this returns ({@code runningAfterBlock} is counted after the block).
     */
    public static FanOutReport scanAndEncode(PageBatch batch, Scanner scanner) throws InterruptedException {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger completed = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger cancelled = new AtomicInteger();
        List<Callable<byte[]>> subtasks = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            int page = i;
            PackedBitImage image = batch.page(i);
            subtasks.add(() -> {
                running.incrementAndGet();
                try {
                    scanner.scan(page);
                    byte[] encoded = encodeCancellably(image);
                    completed.incrementAndGet();
                    return encoded;
                } catch (InterruptedException e) {
                    cancelled.incrementAndGet();
                    throw e;
                } catch (Exception e) {
                    failed.incrementAndGet();
                    throw e;
                } finally {
                    running.decrementAndGet();
                }
            });
        }
        List<byte[]> encoded = null;
        Throwable failure = null;
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            encoded = FailFastFanOut.invokeAll(executor, subtasks);
        } catch (ExecutionException e) {
            failure = e.getCause();
        }
        // Here close() has returned: every subtask has ended, whatever happened.
        return new FanOutReport(encoded, failure, completed.get(), failed.get(), cancelled.get(), running.get());
    }

    /**
     * Encodes in blocks of rows, checking for cancellation between blocks: CPU-bound work does not
     * notice an interrupt unless it looks.
     */
    static byte[] encodeCancellably(PackedBitImage image) throws InterruptedException {
        List<byte[]> parts = new ArrayList<>();
        int total = 0;
        for (int y = 0; y < image.height(); y += 256) {
            if (Thread.interrupted()) {
                throw new InterruptedException("cancelled while encoding");
            }
            byte[] part = Rle.encoder().encodeRows(image, y, Math.min(image.height(), y + 256));
            parts.add(part);
            total += part.length;
        }
        byte[] all = new byte[total];
        int o = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, o, part.length);
            o += part.length;
        }
        return all;
    }

    static boolean sameBytes(List<byte[]> actual, List<byte[]> expected) {
        if (actual.size() != expected.size()) {
            return false;
        }
        for (int i = 0; i < actual.size(); i++) {
            if (!Arrays.equals(actual.get(i), expected.get(i))) {
                return false;
            }
        }
        return true;
    }
}
