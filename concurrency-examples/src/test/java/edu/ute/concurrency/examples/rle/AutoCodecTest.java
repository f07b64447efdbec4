package edu.ute.concurrency.examples.rle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What only {@link AutoCodec} does: choose; the contract test runs it, and its parallel side alone. */
class AutoCodecTest {
    @Test
    void staysSequentialForSmallWorkAndGoesParallelForLargeWork() {
        try (AutoCodec auto = new AutoCodec(2)) {
            assertThat(auto.choose(64 * 64, 1)).isSameAs(auto.sequential);
            assertThat(auto.choose(AutoCodec.PARALLEL_THRESHOLD_PIXELS - 1, 10)).isSameAs(auto.sequential);
            assertThat(auto.choose(AutoCodec.PARALLEL_THRESHOLD_PIXELS, 10)).isSameAs(auto.parallel);
            assertThat(auto.choose(Long.MAX_VALUE, 1)).as("one unit of work cannot be shared").isSameAs(auto.sequential);
        }
        try (AutoCodec single = new AutoCodec(1)) {
            assertThat(single.choose(Long.MAX_VALUE, 10)).as("one thread").isSameAs(single.sequential);
        }
    }
}
