package edu.ute.concurrency.examples.tour.optimistic;

import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.StampedLock;

/**
 * {@link EncodingTally} with a {@link StampedLock}: writers take the write lock, readers first read
 * <em>optimistically</em> — no lock, no write to shared memory — and check afterwards with
 * {@code validate} whether a writer ran meanwhile; only then do they read again under the read lock.
 * Readers that never meet a writer cost two volatile reads, which is why it shines on read-mostly data.
 *
 * <p>The optimistic read may see a torn state (new {@code pages}, old {@code rawBytes}): the values are
 * copied to locals and used only after {@code validate} says they were consistent — the pattern from
 * the {@code StampedLock} Javadoc, which must be followed exactly.
 *
 * <p><b>Thread safety.</b> Thread-safe; the fields are guarded by {@code lock}. Not reentrant: a
 * writer must not call {@code totals()} while holding the write lock.
 */
public final class StampedEncodingTally implements EncodingTally {
    private final StampedLock lock = new StampedLock();
    private final LongAdder retries = new LongAdder();
    private long pages;
    private long rawBytes;
    private long encodedBytes;

    @Override
    public void record(long raw, long encoded) {
        long stamp = lock.writeLock();
        try {
            pages++;
            rawBytes += raw;
            encodedBytes += encoded;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    @Override
    public Totals totals() {
        long stamp = lock.tryOptimisticRead();
        long p = pages;
        long r = rawBytes;
        long e = encodedBytes;
        if (lock.validate(stamp)) {
            return new Totals(p, r, e);
        }
        retries.increment();
        stamp = lock.readLock();
        try {
            return new Totals(pages, rawBytes, encodedBytes);
        } finally {
            lock.unlockRead(stamp);
        }
    }

    @Override
    public long retries() {
        return retries.sum();
    }
}
