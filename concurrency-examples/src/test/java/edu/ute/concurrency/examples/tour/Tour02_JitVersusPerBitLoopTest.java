package edu.ute.concurrency.examples.tour;

import static org.assertj.core.api.Assertions.assertThat;

import edu.ute.concurrency.examples.tour.jit.PerBitRleEncoder;
import java.util.List;
import org.junit.jupiter.api.Test;

class Tour02_JitVersusPerBitLoopTest {

    @Test
    void timingRunChecksEveryPageAgainstTheReference() {
        PageBatch batch = PageBatch.textPages(2, 50);
        List<byte[]> expected = batch.encodeSequentially();
        assertThat(Tour02_JitVersusPerBitLoop.time("per-bit", PerBitRleEncoder::encode, batch, expected, 2).sameBytes()).isTrue();
        // A wrong reference must be noticed, or "same bytes: yes" would prove nothing.
        List<byte[]> wrong = List.of(expected.get(1), expected.get(0));
        assertThat(Tour02_JitVersusPerBitLoop.time("per-bit", PerBitRleEncoder::encode, batch, wrong, 1).sameBytes()).isFalse();
    }
}
