package edu.ute.concurrency.examples.rle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Runs {@link AutoEncoder} through {@link RleStrategyContractTest}, with a threshold of 0 so that its parallel path is the one tested. */
class AutoEncoderTest extends RleStrategyContractTest {
    @Override
    RleStrategy create(int threads) {
        return new AutoEncoder(threads, 0);
    }

    @Test
    void staysSequentialForSmallWorkAndGoesParallelForLargeWork() {
        try (AutoEncoder auto = new AutoEncoder(2)) {
            assertThat(auto.choose(64 * 64, 1)).isInstanceOf(SequentialEncoder.class);
            assertThat(auto.choose(AutoEncoder.PARALLEL_THRESHOLD_PIXELS - 1, 10)).isInstanceOf(SequentialEncoder.class);
            assertThat(auto.choose(AutoEncoder.PARALLEL_THRESHOLD_PIXELS, 10)).isInstanceOf(WorkSharingEncoder.class);
            assertThat(auto.choose(Long.MAX_VALUE, 1)).as("one unit of work cannot be shared").isInstanceOf(SequentialEncoder.class);
        }
        try (AutoEncoder single = new AutoEncoder(1)) {
            assertThat(single.choose(Long.MAX_VALUE, 10)).as("one thread").isInstanceOf(SequentialEncoder.class);
        }
    }
}
