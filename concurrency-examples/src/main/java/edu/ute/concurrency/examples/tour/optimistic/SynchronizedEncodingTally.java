package edu.ute.concurrency.examples.tour.optimistic;

/**
 * {@link EncodingTally} behind one plain lock ({@code synchronized}): the pessimistic baseline. Every
 * reader and writer takes the same monitor, so readers also wait for each other.
 *
 * <p><b>Thread safety.</b> Thread-safe; all state is guarded by {@code this}.
 */
public final class SynchronizedEncodingTally implements EncodingTally {
    private long pages;
    private long rawBytes;
    private long encodedBytes;

    @Override
    public synchronized void record(long raw, long encoded) {
        pages++;
        rawBytes += raw;
        encodedBytes += encoded;
    }

    @Override
    public synchronized Totals totals() {
        return new Totals(pages, rawBytes, encodedBytes);
    }

    @Override
    public long retries() {
        return 0;
    }
}
