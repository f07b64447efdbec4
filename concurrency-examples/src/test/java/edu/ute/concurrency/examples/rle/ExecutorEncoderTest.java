package edu.ute.concurrency.examples.rle;

/** Runs {@link ExecutorEncoder} through {@link RleStrategyContractTest}. */
class ExecutorEncoderTest extends RleStrategyContractTest {
    @Override
    RleStrategy create(int threads) {
        return new ExecutorEncoder(threads);
    }
}
