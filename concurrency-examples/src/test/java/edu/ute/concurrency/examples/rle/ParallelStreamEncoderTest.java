package edu.ute.concurrency.examples.rle;

/** Runs {@link ParallelStreamEncoder} through {@link RleStrategyContractTest}. */
class ParallelStreamEncoderTest extends RleStrategyContractTest {
    @Override
    RleStrategy create(int threads) {
        return new ParallelStreamEncoder(threads);
    }
}
