package edu.ute.concurrency.examples.rle.measure;

import edu.ute.concurrency.examples.rle.ConcurrentCodec;
import edu.ute.concurrency.examples.rle.RleStrategy;
import edu.ute.concurrency.examples.rle.TaskRunner;
import edu.ute.concurrency.examples.support.CommandLine;
import edu.ute.concurrency.rle.PackedBitImage;
import edu.ute.concurrency.rle.Rle;
import edu.ute.concurrency.rle.RleEncoder;
import edu.ute.concurrency.rle.RleFile;
import edu.ute.concurrency.rle.SampleImages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/**
 * Looks inside the calls that {@code rle compare} only times. Each call encodes the two halves of one
 * page as two tasks of a strategy; the probe records which thread ran each half and when it started,
 * and prints, per strategy, how often a half started late (more than {@value #LATE_MICROS} µs after the
 * call began: no thread was running to take it), how often one thread ran both halves one after the
 * other (the second thread never got there: the call took as long as sequential), and the median and
 * 90th percentile of a call's span. Strategies take turns in rounds of {@value #CALLS_PER_ROUND} calls,
 * as in {@code rle compare}; name a single strategy to see it alone.
 *
 * <p>On a physical machine expect both percentages near 0. On a virtual machine whose idle vCPUs halt,
 * a pool whose threads park between calls starts many second halves late, and the outcome differs from
 * run to run (docs/measurements.md has runs).
 *
 * <p>HOW TO RUN (about 20 s per strategy):
 * <pre>
 * mvn -q -pl concurrency-examples -am compile exec:exec \
 *     -Dexec.mainClass=edu.ute.concurrency.examples.rle.measure.HandOffProbe -Dexec.appArgs="--strategies sequential,threads,executor,auto"
 * </pre>
 * Options: {@code --strategies A,B} (in-process strategies, default {@code sequential,threads,executor,auto}),
 * {@code --rounds N} (default 150; each strategy makes {@value #CALLS_PER_ROUND} recorded calls per round,
 * after one unrecorded call and 100 calls of warm-up), {@code --dpi D} the text page's resolution
 * (default 600). Exit codes: 0 done, 2 usage error.
 *
 * <p>It gives each strategy its two halves through {@link ConcurrentCodec#runAll}, the same path that
 * {@code encode} takes with its row ranges.
 */
public final class HandOffProbe {
    static final int LATE_MICROS = 200;
    static final int CALLS_PER_ROUND = 12;
    private static final String USAGE = """
            usage: HandOffProbe [--strategies sequential,threads,executor,auto] [--rounds 150] [--dpi 600]
              --strategies LIST   strategies that run in this JVM, in turns (default sequential,threads,executor,auto)
              --rounds N          rounds of %d recorded calls per strategy (default 150)
              --dpi N             resolution of the text page, 20 to 2400 (default 600)
            """.formatted(CALLS_PER_ROUND);

    private HandOffProbe() {
    }

    /** What one strategy's recorded calls looked like. */
    record Result(String strategy, int calls, int lateStarts, int oneThreadDidBoth, double medianSpanMicros, double p90SpanMicros) {
    }

    public static void main(String[] args) {
        CommandLine.run("HandOffProbe", USAGE, args, HandOffProbe::run);
    }

    private static int run(CommandLine args) throws Exception {
        List<String> inProcess = Arrays.stream(RleStrategy.values()).filter(RleStrategy::inProcess).map(RleStrategy::label).toList();
        List<RleStrategy> strategies = List.of(RleStrategy.SEQUENTIAL, RleStrategy.THREADS, RleStrategy.EXECUTOR, RleStrategy.AUTO);
        int rounds = 150;
        int dpi = 600;
        while (args.hasNext()) {
            switch (args.next()) {
                case "--strategies" -> strategies = args.listOf(inProcess).stream().map(RleStrategy::named).toList();
                case "--rounds" -> rounds = args.positiveInt();
                case "--dpi" -> dpi = args.intBetween(20, 2400);
                default -> throw args.unknown();
            }
        }
        PackedBitImage page = SampleImages.textPage(dpi, 1);
        System.out.println(StrategyComparison.machine());
        System.out.printf(Locale.ROOT, "%d×%d page in two halves, %d rounds of %d calls per strategy, in turns%n",
                page.width(), page.height(), rounds, CALLS_PER_ROUND);
        System.out.printf(Locale.ROOT, "%-16s %11s %20s %10s %10s%n", "strategy", "late start", "one thread did both", "median µs", "p90 µs");
        for (Result r : probe(strategies, page, rounds)) {
            System.out.printf(Locale.ROOT, "%-16s %10.1f%% %19.1f%% %10.1f %10.1f%n", r.strategy(), 100.0 * r.lateStarts() / r.calls(),
                    100.0 * r.oneThreadDidBoth() / r.calls(), r.medianSpanMicros(), r.p90SpanMicros());
        }
        return 0;
    }

    /** Runs the strategies (2 threads each) in turns on {@code page} and returns what each call did. */
    static List<Result> probe(List<RleStrategy> names, PackedBitImage page, int rounds) throws InterruptedException {
        List<ConcurrentCodec> strategies = new ArrayList<>();
        try {
            for (RleStrategy name : names) {
                strategies.add(name.create(2));
            }
            int calls = rounds * CALLS_PER_ROUND;
            int middle = RleFile.blockCount(page.height(), RleFile.DEFAULT_BLOCK_ROWS) / 2 * RleFile.DEFAULT_BLOCK_ROWS;
            long[][] spans = new long[names.size()][calls];
            int[] late = new int[names.size()];
            int[] oneThread = new int[names.size()];
            for (int s = 0; s < strategies.size(); s++) {
                for (int i = 0; i < 100; i++) {
                    call(strategies.get(s), page, middle); // warm-up: the JIT compiles, pools start their threads
                }
            }
            for (int round = 0; round < rounds; round++) {
                for (int s = 0; s < strategies.size(); s++) {
                    call(strategies.get(s), page, middle); // unrecorded, as in rle compare: the others' rounds left it idle
                    for (int i = 0; i < CALLS_PER_ROUND; i++) {
                        long[] c = call(strategies.get(s), page, middle);
                        spans[s][round * CALLS_PER_ROUND + i] = c[0];
                        late[s] += c[1] > LATE_MICROS * 1_000L ? 1 : 0;
                        oneThread[s] += (int) c[2];
                    }
                }
            }
            List<Result> results = new ArrayList<>();
            for (int s = 0; s < strategies.size(); s++) {
                long[] sorted = spans[s].clone();
                Arrays.sort(sorted);
                results.add(new Result(names.get(s).label(), calls, late[s], oneThread[s], sorted[calls / 2] / 1e3, sorted[calls * 9 / 10] / 1e3));
            }
            return results;
        } finally {
            for (ConcurrentCodec strategy : strategies) {
                strategy.close();
            }
        }
    }

    /**
     * One call, rows [0, middle) and [middle, height) as the two tasks: {span ns, start of the later
     * half ns, 1 if one thread ran both halves}.
     */
    private static long[] call(ConcurrentCodec strategy, PackedBitImage page, int middle) throws InterruptedException {
        RleEncoder encoder = Rle.encoder();
        long[] started = new long[2];
        Thread[] ranOn = new Thread[2];
        List<Callable<byte[]>> halves = new ArrayList<>(2);
        long begin = System.nanoTime();
        for (int half = 0; half < 2; half++) {
            int h = half;
            halves.add(() -> {
                started[h] = System.nanoTime();
                ranOn[h] = Thread.currentThread();
                return encoder.encodeRows(page, h == 0 ? 0 : middle, h == 0 ? middle : page.height());
            });
        }
        try {
            strategy.runAll(halves); // returns after both tasks: a happens-before edge, the arrays are safe to read
        } catch (ExecutionException e) {
            throw TaskRunner.unchecked(e);
        }
        long end = System.nanoTime();
        return new long[] {end - begin, Math.max(started[0], started[1]) - begin, ranOn[0] == ranOn[1] ? 1 : 0};
    }
}
