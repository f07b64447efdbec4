package edu.ute.concurrency.examples.tour.optimistic;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@link EncodingTally} as an {@link AtomicReference} to an immutable {@link EncodingTally.Totals}:
 * optimistic concurrency without a lock, the same idea as a software transaction in PyPy-STM. A writer
 * reads the current snapshot, builds the next one, and publishes it with {@code compareAndSet} only if
 * nobody published in between; otherwise it retries with the newer snapshot. A reader is a single
 * volatile read and never waits.
 *
 * <p>It pays when conflicts are rare and the "transaction" is short and side-effect free (it may run
 * more than once); under heavy write contention the retries and the allocation of a new snapshot per
 * attempt cost more than a lock would.
 *
 * <p><b>Thread safety.</b> Thread-safe and lock-free. Memory consistency: the CAS is a volatile write,
 * {@code totals()} a volatile read, so a reader that sees a snapshot sees everything done before it was
 * published.
 */
public final class CasEncodingTally implements EncodingTally {
    private final AtomicReference<Totals> current = new AtomicReference<>(Totals.ZERO);
    // A LongAdder, not an AtomicLong: counting retries must not itself become a contended CAS.
    private final LongAdder retries = new LongAdder();

    @Override
    public void record(long raw, long encoded) {
        while (true) {
            Totals seen = current.get();
            Totals next = seen.plus(raw, encoded);
            // Compares references, not values: exactly "nobody replaced the snapshot I read".
            if (current.compareAndSet(seen, next)) {
                return;
            }
            retries.increment();
        }
    }

    @Override
    public Totals totals() {
        return current.get();
    }

    @Override
    public long retries() {
        return retries.sum();
    }
}
