package edu.ute.concurrency.examples.rle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.ute.concurrency.rle.PackedBitImage;
import edu.ute.concurrency.rle.RleFile;
import edu.ute.concurrency.rle.RleFormatException;
import edu.ute.concurrency.rle.SampleImages;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What only {@link ProcessPerImageCodec} does: children bounded, failures reported with the child's
 * reason, CPU counted. ({@link RleStrategyContractTest} runs the contract on it, with few images: each
 * costs a JVM start.)
 */
class ProcessPerImageCodecTest {
    @Test
    void aCorruptFileFoundByTheChildIsAFormatErrorWithItsReasonAndOffset() {
        byte[] notRle = "this is not an .rle file".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (ProcessPerImageCodec strategy = new ProcessPerImageCodec(1)) {
            assertThatThrownBy(() -> strategy.decode(notRle))
                    .isInstanceOfSatisfying(RleFormatException.class, e -> assertThat(e.offset()).isZero())
                    .hasMessageContaining("child JVM (pid ")
                    .hasMessageContaining("bad magic")
                    .hasMessageEndingWith("(at byte offset 0)");
        }
    }

    @Test
    void neverHasMoreChildrenAliveThanThreadsAndCountsTheirCpuTime() throws Exception {
        List<PackedBitImage> images = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            images.add(SampleImages.textPage(30, i));
        }
        AtomicInteger mostAlive = new AtomicInteger();
        AtomicBoolean done = new AtomicBoolean();
        // Samples the children while the batch runs: no clock in the assertion, only a count.
        Thread watcher = new Thread(() -> {
            while (!done.get()) {
                int alive = (int) ProcessHandle.current().children().filter(ProcessHandle::isAlive).count();
                mostAlive.accumulateAndGet(alive, Math::max);
                Thread.onSpinWait();
            }
        }, "test-child-watcher");
        watcher.start();
        List<byte[]> files;
        long cpu;
        try (ProcessPerImageCodec strategy = new ProcessPerImageCodec(2)) {
            files = strategy.encodeEach(images);
            cpu = strategy.childCpuNanos();
        } finally {
            done.set(true);
            watcher.join();
        }
        for (int i = 0; i < images.size(); i++) {
            assertThat(files.get(i)).isEqualTo(RleFile.encode(images.get(i)));
        }
        assertThat(mostAlive.get()).isBetween(1, 2);
        assertThat(cpu).isPositive();
    }
}
