package edu.ute.concurrency.examples.rle;

/** Runs {@link VirtualThreadEncoder} through {@link RleStrategyContractTest}. */
class VirtualThreadEncoderTest extends RleStrategyContractTest {
    @Override
    RleStrategy create(int threads) {
        return new VirtualThreadEncoder(threads);
    }
}
