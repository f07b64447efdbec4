package edu.ute.concurrency.examples.tour;

import edu.ute.concurrency.examples.tour.optimistic.CasEncodingTally;
import edu.ute.concurrency.examples.tour.optimistic.EncodingTally;
import edu.ute.concurrency.examples.tour.optimistic.StampedEncodingTally;
import edu.ute.concurrency.examples.tour.optimistic.SynchronizedEncodingTally;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Tour03 measured properly: the three {@link EncodingTally} implementations under a read-heavy
 * (90 % reads) and a write-heavy (10 % reads) mix, on 2 threads sharing one tally. Each operation is
 * a read ({@code totals()}) or a write ({@code record} of one page), chosen by a per-thread counter so
 * that the mix is exact and costs no random numbers.
 *
 * <h2>How to run</h2>
 * <pre>
 * mvn -q -pl concurrency-examples -am compile exec:exec -Dbench=concurrency-examples \
 *     -Djmh.args="-f 1 -wi 2 -i 3 -w 1s -r 1s Tour03"
 * </pre>
 * You should see throughput in operations per microsecond for both threads together (higher is
 * better): the optimistic tallies far ahead in the read-heavy mix (their readers write no shared
 * memory, so the two cores do not fight over a cache line) and the gap much smaller in the write-heavy
 * mix, where every write conflicts and the CAS loop retries and reallocates (with more writing threads
 * the retries grow). On 2 cores shared with other work the numbers are noisy: compare orders, not
 * digits. docs/measurements.md has a run.
 */
@State(Scope.Benchmark)
@Threads(2)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class Tour03_OptimisticConcurrencyBenchmark {
    /** What one page of the standard batch adds: packed bytes in, RLE bytes out. */
    private static final long RAW = 280_640;
    private static final long ENCODED = 166_368;

    @Param({"synchronized", "cas", "stamped"})
    public String tally;

    @Param({"90", "10"})
    public int readPercent;

    EncodingTally shared;

    @Setup(Level.Iteration)
    public void newTally() {
        shared = switch (tally) {
            case "synchronized" -> new SynchronizedEncodingTally();
            case "cas" -> new CasEncodingTally();
            case "stamped" -> new StampedEncodingTally();
            default -> throw new IllegalArgumentException("unknown tally " + tally);
        };
    }

    /** Each thread's position in the 100-operation cycle of reads and writes. */
    @State(Scope.Thread)
    public static class Cycle {
        int i;
    }

    @Benchmark
    public Object mixed(Cycle cycle) {
        int step = cycle.i;
        cycle.i = step == 99 ? 0 : step + 1;
        if (step < readPercent) {
            return shared.totals();
        }
        shared.record(RAW, ENCODED);
        return null;
    }
}
