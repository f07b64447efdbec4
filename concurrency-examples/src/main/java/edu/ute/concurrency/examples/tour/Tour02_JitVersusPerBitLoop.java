package edu.ute.concurrency.examples.tour;

import edu.ute.concurrency.examples.support.CommandLine;
import edu.ute.concurrency.examples.tour.jit.PerBitRleEncoder;
import edu.ute.concurrency.rle.PackedBitImage;
import edu.ute.concurrency.rle.Rle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Tour 02 — Cython: "compile the hot loop". In Java the JIT does it for you.
 *
 * <p>Python students speed up a per-pixel loop with Cython: add types, compile to C, get 50–100×.
 * The JVM starts every method in its interpreter (roughly CPython's situation), counts how often it
 * runs, and compiles hot methods to machine code (C1, then C2 with profile-guided inlining and bounds
 * check elimination). So the straightforward per-bit port ({@link PerBitRleEncoder}) already runs as
 * compiled code after the first page or two. What no compiler does for you is change the algorithm:
 * rle-core's encoder reads 64 pixels per word and finds every run boundary of a word with a shift, a
 * XOR and {@code numberOfTrailingZeros}. This program shows both effects:
 * <ul>
 *   <li>the first round of each encoder against its best round: the first includes the interpreter
 *       and the compilation itself (the JIT replaces the running loop by compiled code within the first
 *       page, "on-stack replacement", so this ratio understates the JIT's effect; run with
 *       {@code -Xint} to see the interpreter alone);</li>
 *   <li>per-bit against word-at-a-time once both are compiled: what the algorithm does.</li>
 * </ul>
 * The rigorous numbers come from the JMH benchmark beside it ({@code src/bench/java},
 * {@code Tour02_JitVersusPerBitLoopBenchmark}, which also runs the per-bit loop with {@code -Xint}: the
 * JVM without a JIT). The timing here is a rough demonstration; the test checks only that both
 * encoders produce the same bytes.
 *
 * <h2>HOW TO RUN</h2>
 * <pre>
 * mvn -q -pl concurrency-examples -am compile exec:exec \
 *     -Dexec.mainClass=edu.ute.concurrency.examples.tour.Tour02_JitVersusPerBitLoop
 * # without a JIT, like CPython:   add -Dexec.jvmArgs=-Xint   (and --rounds 2: it is slow)
 * </pre>
 * Expected output: the per-bit loop's best round a few times faster than its first (the JIT at work),
 * the word-at-a-time encoder several times faster again than the compiled per-bit loop (the
 * algorithm), and "same bytes: yes" on both rows. With {@code -Xint} both are far slower. The
 * numbers of a run are in docs/measurements.md.
 */
public final class Tour02_JitVersusPerBitLoop {
    private static final String USAGE = """
            usage: Tour02_JitVersusPerBitLoop [--pages N] [--dpi N] [--rounds N]
              --pages N    text pages in the batch (default 20)
              --dpi N      their resolution, 20 to 2400 (default 150)
              --rounds N   times each encoder encodes the batch (default 8)
            """;

    private Tour02_JitVersusPerBitLoop() {
    }

    /** One encoder's timings over the batch. */
    public record Timing(String encoder, long firstRoundNanos, long bestRoundNanos, boolean sameBytes) {
    }

    public static void main(String[] args) {
        CommandLine.run("Tour02_JitVersusPerBitLoop", USAGE, args, Tour02_JitVersusPerBitLoop::run);
    }

    private static int run(CommandLine args) throws Exception {
        int pages = 20;
        int dpi = 150;
        int rounds = 8;
        while (args.hasNext()) {
            switch (args.next()) {
                case "--pages" -> pages = args.positiveInt();
                case "--dpi" -> dpi = args.intBetween(20, 2400);
                case "--rounds" -> rounds = args.positiveInt();
                default -> throw args.unknown();
            }
        }
        PageBatch batch = PageBatch.textPages(pages, dpi);
        List<byte[]> expected = batch.encodeSequentially();

        Timing perBit = time("per-bit loop (PerBitRleEncoder)", PerBitRleEncoder::encode, batch, expected, rounds);
        Timing word = time("word-at-a-time (Rle.encoder())", Rle.encoder()::encode, batch, expected, rounds);

        double megapixels = batch.pixelCount() / 1e6;
        System.out.printf(Locale.ROOT, "%d pages at %d dpi (%.1f Mpixel), %d rounds, JVM %s%s%n%n",
                batch.size(), batch.dpi(), megapixels, rounds, Runtime.version(),
                jitDisabled() ? ", interpreter only (-Xint)" : "");
        ResultTable table = new ResultTable("encoder", "first round ms", "best round ms", "first ÷ best", "Mpixel/s (best)", "same bytes");
        for (Timing t : List.of(perBit, word)) {
            table.row(t.encoder(), ResultTable.millis(t.firstRoundNanos()), ResultTable.millis(t.bestRoundNanos()),
                    String.format(Locale.ROOT, "%.1f×", (double) t.firstRoundNanos() / t.bestRoundNanos()),
                    String.format(Locale.ROOT, "%.0f", megapixels / (t.bestRoundNanos() / 1e9)),
                    t.sameBytes() ? "yes" : "NO");
        }
        table.print(System.out);
        System.out.printf(Locale.ROOT, "%nword-at-a-time is %.1f× faster than the per-bit loop (best rounds)%n",
                (double) perBit.bestRoundNanos() / word.bestRoundNanos());
        return perBit.sameBytes() && word.sameBytes() ? 0 : 1;
    }

    /**
     * Encodes the batch {@code rounds} times with {@code encoder}; the first round includes the
     * interpreter and the JIT's compile time, the best round is the compiled code.
     */
    public static Timing time(String name, Function<PackedBitImage, byte[]> encoder, PageBatch batch,
                              List<byte[]> expected, int rounds) {
        long first = 0;
        long best = Long.MAX_VALUE;
        boolean same = true;
        for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime();
            for (int i = 0; i < batch.size(); i++) {
                byte[] encoded = encoder.apply(batch.page(i));
                // Comparing also keeps the JIT from discarding an unused result.
                same &= Arrays.equals(encoded, expected.get(i));
            }
            long elapsed = System.nanoTime() - start;
            if (r == 0) {
                first = elapsed;
            }
            best = Math.min(best, elapsed);
        }
        return new Timing(name, first, best, same);
    }

    static boolean jitDisabled() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-Xint");
    }
}
