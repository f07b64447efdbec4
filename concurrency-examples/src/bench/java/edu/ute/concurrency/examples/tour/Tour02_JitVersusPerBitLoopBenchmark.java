package edu.ute.concurrency.examples.tour;

import edu.ute.concurrency.examples.tour.jit.PerBitRleEncoder;
import edu.ute.concurrency.rle.PackedBitImage;
import edu.ute.concurrency.rle.Rle;
import edu.ute.concurrency.rle.SampleImages;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Tour02 measured properly: one A4 text page at 150 dpi (1240 × 1754, 2.2 Mpixel) encoded by the
 * per-bit port of the Python loop and by rle-core's word-at-a-time encoder, both compiled by the JIT
 * after JMH's warm-up. {@link Tour02_InterpretedBenchmark} runs the same two methods with
 * {@code -Xint} (no JIT: the JVM as an interpreter, like CPython), so the four numbers give both ratios:
 * what the JIT makes of each loop (interpreted / compiled, the "Cython" factor) and what the algorithm
 * adds on top (per-bit / word-at-a-time, compiled).
 *
 * <h2>How to run</h2>
 * <pre>
 * mvn -q -pl concurrency-examples -am compile exec:exec -Dbench=concurrency-examples \
 *     -Djmh.args="-f 1 -wi 2 -i 3 -w 1s -r 1s Tour02"
 * </pre>
 * You should see, in ms/op (lower is better): wordAtATime well under 1 ms, perBitLoop several times
 * that, and the {@code Tour02_InterpretedBenchmark} rows one to two orders of magnitude slower still.
 * The results are returned so that the JIT cannot remove the work as dead code.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class Tour02_JitVersusPerBitLoopBenchmark {
    PackedBitImage page;

    @Setup
    public void generatePage() {
        page = SampleImages.textPage(150, 1);
    }

    @Benchmark
    public byte[] perBitLoop() {
        return PerBitRleEncoder.encode(page);
    }

    @Benchmark
    public byte[] wordAtATime() {
        return Rle.encoder().encode(page);
    }
}
