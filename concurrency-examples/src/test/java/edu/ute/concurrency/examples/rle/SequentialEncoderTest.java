package edu.ute.concurrency.examples.rle;

/** Runs {@link SequentialEncoder} through {@link RleStrategyContractTest}. */
class SequentialEncoderTest extends RleStrategyContractTest {
    @Override
    RleStrategy create(int threads) {
        return new SequentialEncoder();
    }
}
