package edu.ute.concurrency.examples.rle;

/** Runs {@link ThreadEncoder} through {@link RleStrategyContractTest}. */
class ThreadEncoderTest extends RleStrategyContractTest {
    @Override
    RleStrategy create(int threads) {
        return new ThreadEncoder(threads);
    }
}
