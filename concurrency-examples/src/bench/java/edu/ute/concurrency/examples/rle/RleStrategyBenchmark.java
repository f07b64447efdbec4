package edu.ute.concurrency.examples.rle;

import edu.ute.concurrency.rle.PackedBitImage;
import edu.ute.concurrency.rle.SampleImages;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The strategies measured with JMH instead of {@code rle compare}'s whole-program timing: one image per
 * row block ({@link #encodeImage}: the icon and the 600-dpi page) and a batch per image
 * ({@link #encodeBatch}: 200 pages at 150 dpi), for each strategy that runs in this JVM (a JVM per
 * image would measure JVM start-ups). The codec (and its pool) is created once per trial, as a real
 * program would; the names are {@link RleStrategy}'s labels.
 *
 * <p>HOW TO RUN (about 4 minutes; -p narrows the parameters):
 * <pre>
 * mvn -q -pl concurrency-examples -am compile exec:exec -Dbench=concurrency-examples \
 *     -Djmh.args="RleStrategyBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s"
 * </pre>
 * Expect sequential's time divided by a parallel strategy's to approach 2 on a quiet 2-core machine
 * for text-600dpi and the batch, and to be far below 1 for the icon.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RleStrategyBenchmark {
    @Param({"sequential", "threads", "executor", "forkjoin", "parallel-stream", "virtual", "auto"})
    public String strategy;

    @Param({"icon", "text-600dpi"})
    public String image;

    private ConcurrentCodec encoder;
    private PackedBitImage single;
    private List<PackedBitImage> batch;

    @Setup
    public void setUp() {
        encoder = RleStrategy.named(strategy).create(Runtime.getRuntime().availableProcessors());
        single = image.equals("icon") ? SampleImages.icon() : SampleImages.textPage(600, 2);
        batch = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            batch.add(SampleImages.textPage(150, 1000 + i));
        }
    }

    @TearDown
    public void tearDown() {
        encoder.close();
    }

    /** One image, its row blocks in parallel. */
    @Benchmark
    public byte[] encodeImage() throws InterruptedException {
        return encoder.encode(single);
    }

    /** 200 pages at 150 dpi, one task per page (the image parameter does not apply). */
    @Benchmark
    public List<byte[]> encodeBatch() throws InterruptedException {
        return encoder.encodeEach(batch);
    }
}
