package edu.ute.concurrency.examples.rle;

/** Runs {@link ForkJoinEncoder} through {@link RleStrategyContractTest}. */
class ForkJoinEncoderTest extends RleStrategyContractTest {
    @Override
    RleStrategy create(int threads) {
        return new ForkJoinEncoder(threads);
    }
}
