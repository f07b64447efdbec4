package edu.ute.concurrency.examples.tour;

import edu.ute.concurrency.examples.support.CommandLine;
import edu.ute.concurrency.examples.tour.optimistic.CasEncodingTally;
import edu.ute.concurrency.examples.tour.optimistic.EncodingTally;
import edu.ute.concurrency.examples.tour.optimistic.StampedEncodingTally;
import edu.ute.concurrency.examples.tour.optimistic.SynchronizedEncodingTally;
import edu.ute.concurrency.rle.PackedBitImage;
import edu.ute.concurrency.rle.Rle;
import edu.ute.concurrency.rle.SampleImages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Tour 03 — PyPy-STM: optimistic concurrency, "run without locking, retry if someone interfered".
 *
 * <p>PyPy-STM ran whole Python transactions optimistically and rolled back on conflict; it was an
 * experiment and is no longer maintained. The JDK has the same idea at the scale of one shared object,
 * and it is the everyday tool: a compare-and-set retry loop on an {@code AtomicReference} to an
 * immutable state ({@link CasEncodingTally}) and {@code StampedLock}'s optimistic reads
 * ({@link StampedEncodingTally}). Here both protect the running totals of an encoding job
 * ({@link EncodingTally}) against a plain lock ({@link SynchronizedEncodingTally}), with two threads
 * that each do a mix of reads (progress display) and writes (a page finished):
 * <ul>
 *   <li>read-heavy: 90 % reads — optimistic readers never block each other or write shared memory;</li>
 *   <li>write-heavy: 10 % reads — writers collide, the CAS loop retries, the lock serialises.</li>
 * </ul>
 * Every write records the same page's numbers, so every snapshot a reader sees can be checked: a torn
 * snapshot (pages from one moment, bytes from another) is counted and must be 0.
 *
 * <p>The timings below are a demonstration; the JMH benchmark {@code Tour03_OptimisticConcurrencyBenchmark}
 * in {@code src/bench/java} measures the same mixes properly. The test checks the totals, not speed.
 *
 * <h2>HOW TO RUN</h2>
 * <pre>
 * mvn -q -pl concurrency-examples -am compile exec:exec \
 *     -Dexec.mainClass=edu.ute.concurrency.examples.tour.Tour03_OptimisticConcurrency
 * </pre>
 * Expected output: a table of 6 rows (3 tallies × 2 mixes), "torn snapshots" 0 and "totals right" yes
 * on every row; retries appear only for the CAS and stamped tallies, mostly in the write-heavy mix.
 */
public final class Tour03_OptimisticConcurrency {
    private static final String USAGE = """
            usage: Tour03_OptimisticConcurrency [--ops N] [--threads N]
              --ops N       operations per thread and row (default 2000000)
              --threads N   threads sharing one tally (default 2)
            """;

    private Tour03_OptimisticConcurrency() {
    }

    /** The outcome of one {@link #hammer} run. */
    public record Result(String tally, int readPercent, long operations, long writes, long nanos,
                         long retries, long tornSnapshots, EncodingTally.Totals finalTotals, boolean totalsRight) {
    }

    public static void main(String[] args) {
        CommandLine.run("Tour03_OptimisticConcurrency", USAGE, args, Tour03_OptimisticConcurrency::run);
    }

    private static int run(CommandLine args) throws Exception {
        int ops = 2_000_000;
        int threads = 2;
        while (args.hasNext()) {
            switch (args.next()) {
                case "--ops" -> ops = args.positiveInt();
                case "--threads" -> threads = args.positiveInt();
                default -> throw args.unknown();
            }
        }
        // The numbers one page of the standard batch contributes: packed input bytes, RLE output bytes.
        PackedBitImage page = SampleImages.textPage(150, 0);
        long raw = (long) page.wordsPerRow() * 8 * page.height();
        long encoded = Rle.encoder().encode(page).length;

        System.out.printf(Locale.ROOT, "%d threads × %,d operations each; a write records one page (%,d raw bytes → %,d encoded)%n%n",
                threads, ops, raw, encoded);
        ResultTable table = new ResultTable("tally", "mix", "ns/op", "retries", "torn snapshots", "totals right");
        boolean allRight = true;
        for (int readPercent : new int[] {90, 10}) {
            for (Supplier<EncodingTally> kind : tallies()) {
                EncodingTally tally = kind.get();
                Result r = hammer(tally, threads, ops, readPercent, raw, encoded);
                table.row(r.tally(), readPercent == 90 ? "read-heavy (90 % reads)" : "write-heavy (10 % reads)",
                        String.format(Locale.ROOT, "%.1f", (double) r.nanos() / r.operations() * threads),
                        r.retries(), r.tornSnapshots(), r.totalsRight() ? "yes" : "NO");
                allRight &= r.totalsRight() && r.tornSnapshots() == 0;
            }
        }
        table.print(System.out);
        System.out.println("\nns/op = wall time × threads / operations (lower is better); numbers are rough, see the JMH benchmark.");
        return allRight ? 0 : 1;
    }

    /** The three tallies, in table order. */
    public static List<Supplier<EncodingTally>> tallies() {
        return List.of(SynchronizedEncodingTally::new, CasEncodingTally::new, StampedEncodingTally::new);
    }

    /**
     * Runs {@code threads} threads that each do {@code opsPerThread} operations on {@code tally}:
     * operation {@code i} is a read when {@code i % 100 < readPercent}, else a write of one page
     * ({@code raw}, {@code encoded}). Every read is checked for consistency.
     */
    public static Result hammer(EncodingTally tally, int threads, int opsPerThread, int readPercent,
                                long raw, long encoded) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Long>> torn = new ArrayList<>();
        long startNanos;
        long elapsed;
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                torn.add(pool.submit(() -> {
                    start.await();
                    long bad = 0;
                    for (int i = 0; i < opsPerThread; i++) {
                        if (i % 100 < readPercent) {
                            EncodingTally.Totals s = tally.totals();
                            if (s.rawBytes() != s.pages() * raw || s.encodedBytes() != s.pages() * encoded) {
                                bad++;
                            }
                        } else {
                            tally.record(raw, encoded);
                        }
                    }
                    return bad;
                }));
            }
            // Released together, so the threads really overlap instead of running one after the other.
            startNanos = System.nanoTime();
            start.countDown();
            long tornSnapshots = 0;
            for (Future<Long> f : torn) {
                tornSnapshots += f.get();
            }
            elapsed = System.nanoTime() - startNanos;
            long writesPerThread = 0;
            for (int i = 0; i < opsPerThread; i++) {
                writesPerThread += i % 100 < readPercent ? 0 : 1;
            }
            long writes = writesPerThread * threads;
            EncodingTally.Totals expected = new EncodingTally.Totals(writes, writes * raw, writes * encoded);
            EncodingTally.Totals actual = tally.totals();
            return new Result(tally.getClass().getSimpleName(), readPercent, (long) opsPerThread * threads, writes,
                    elapsed, tally.retries(), tornSnapshots, actual, actual.equals(expected));
        } catch (ExecutionException e) {
            throw new IllegalStateException("a tally thread failed", e.getCause());
        }
    }
}
