package edu.ute.concurrency.examples.tour.optimistic;

/**
 * Running totals of an encoding job — pages done, raw bytes in, encoded bytes out — shared by the
 * threads that encode and the thread that shows progress. The three fields must be read as one
 * consistent snapshot: a compression ratio computed from the bytes of 10 pages and the output of 11 is
 * wrong. That is the small piece of shared state Tour03 protects three ways:
 * <ul>
 *   <li>{@link SynchronizedEncodingTally}: a plain lock around every read and write (pessimistic);</li>
 *   <li>{@link CasEncodingTally}: an {@code AtomicReference} to an immutable {@link Totals}, updated by
 *       a compare-and-set retry loop (optimistic writes, free reads) — PyPy-STM's idea in one field;</li>
 *   <li>{@link StampedEncodingTally}: a {@code StampedLock} whose readers read optimistically and retry
 *       under the read lock only if a writer interfered.</li>
 * </ul>
 *
 * <pre>{@code
 * EncodingTally tally = new CasEncodingTally();
 * tally.record(page.pixelCount() / 8, encoded.length);   // from any encoding thread
 * Totals now = tally.totals();                            // from any thread, always consistent
 * }</pre>
 *
 * <p><b>Thread safety.</b> Every implementation is thread-safe: {@link #record} and {@link #totals}
 * may be called from any number of threads, and {@code totals()} never shows a half-applied record.
 * Memory consistency: actions before a {@code record} happen-before a {@code totals()} that sees it.
 */
public interface EncodingTally {

    /** Adds one encoded page of {@code rawBytes} packed input bytes and {@code encodedBytes} output. */
    void record(long rawBytes, long encodedBytes);

    /** A consistent snapshot of the totals. */
    Totals totals();

    /**
     * How often this tally had to try again: failed CAS attempts, or optimistic reads that a writer
     * invalidated; always 0 for a lock. Only for the example's table.
     */
    long retries();

    /** Immutable snapshot of a tally. */
    record Totals(long pages, long rawBytes, long encodedBytes) {
        public static final Totals ZERO = new Totals(0, 0, 0);

        /** These totals with one more page. */
        public Totals plus(long raw, long encoded) {
            return new Totals(pages + 1, rawBytes + raw, encodedBytes + encoded);
        }

        /** Raw bytes per encoded byte, 0 before the first page. */
        public double compressionRatio() {
            return encodedBytes == 0 ? 0 : (double) rawBytes / encodedBytes;
        }
    }
}
