package edu.ute.concurrency.race.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import edu.ute.concurrency.rle.PackedBitImage;
import edu.ute.concurrency.rle.Rle;
import edu.ute.concurrency.rle.RleEncoder;
import edu.ute.concurrency.rle.SampleImages;

import java.util.Arrays;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.L_Result;

/**
 * Pattern 10 — the course's own workload: two threads encode rows of one image with rle-core and
 * append them to one shared, unsynchronized output buffer.
 *
 * <p><b>What goes wrong.</b> The first idea for a parallel encoder: split the rows between two
 * threads, let each encode its rows one by one and append the bytes to a shared output. Two things
 * break:
 * <ul>
 *   <li><b>Lost bytes</b>: "append" is {@code copy to position; position += length}, a lost update
 *       (pattern 1). Both threads copy to the same position and one row's bytes are overwritten.</li>
 *   <li><b>Rows out of order</b>: even with a lock around each append, the two threads' rows
 *       interleave, so the payload decodes to an image with its rows shuffled (or fails to decode
 *       at all, because row boundaries no longer line up).</li>
 * </ul>
 * The output looks plausible: its length is right, or nearly so.
 *
 * <p><b>Why (the JMM rule).</b> For lost bytes, the same as pattern 1: the position field is read
 * and written without synchronization. For the order, no memory-model rule is broken at all: a lock
 * makes each append atomic but says nothing about which thread appends first. Correct data needs the
 * order to come from the program, not from the scheduler.
 *
 * <p><b>The fix.</b> Do what the concurrent strategies in concurrency-examples do: give each thread
 * its own row range and its own buffer ({@link RleEncoder#encodeRows(PackedBitImage, int, int)}), and
 * concatenate the buffers in range order after both have finished (here the arbiter runs after the
 * actors; in a program, after {@code join} or {@code Future.get}, which also publish the buffers).
 * No shared mutable state while encoding, and the output is byte-for-byte the sequential one.
 *
 * <p><b>How to run just this pattern:</b>
 * <pre>  mvn -pl race-demo -am verify -Drace.jcstress.tests=Race_10_</pre>
 *
 * <p>Observed on 2-core x86-64, JDK 25 (Temurin), jcstress 0.16, {@code mvn verify} with
 * {@code -m quick -sc false -iters 2} (4 JVM configurations, merged; the build's default is 1 iteration):
 * <pre>
 * Racy
 *              RESULT        SAMPLES     FREQ       EXPECT  DESCRIPTION
 *          BYTES_LOST         40,488    2.55%  Interesting  a row overwrote another
 *            IN_ORDER        972,880   61.37%   Acceptable  same bytes as the sequential encoder
 *   ROWS_OUT_OF_ORDER        571,776   36.07%  Interesting  rows interleaved
 * RacySynchronizedAppend
 *              RESULT        SAMPLES     FREQ       EXPECT  DESCRIPTION
 *          BYTES_LOST              0    0.00%    Forbidden  a row overwrote another
 *            IN_ORDER      1,776,136   59.22%   Acceptable  same bytes as the sequential encoder
 *   ROWS_OUT_OF_ORDER      1,223,058   40.78%  Interesting  rows interleaved
 * OwnBufferPerRange
 *              RESULT        SAMPLES     FREQ       EXPECT  DESCRIPTION
 *          BYTES_LOST              0    0.00%    Forbidden  a row overwrote another
 *            IN_ORDER      4,714,212  100.00%   Acceptable  same bytes as the sequential encoder
 *   ROWS_OUT_OF_ORDER              0    0.00%    Forbidden  rows interleaved
 * </pre>
 */
public final class Race_10_SharedRleOutput {

    private static final int WIDTH = 96;
    private static final int HEIGHT = 8;
    private static final int MIDDLE = HEIGHT / 2;

    // Read-only after class initialisation, which publishes them safely to every thread (JLS 12.4.2).
    private static final PackedBitImage IMAGE = SampleImages.noise(WIDTH, HEIGHT, 0.3, 10L);
    private static final RleEncoder ENCODER = Rle.encoder();
    private static final byte[] SEQUENTIAL = ENCODER.encode(IMAGE);

    private Race_10_SharedRleOutput() {
    }

    /** Compares what the threads produced with the sequential encoding. */
    static String classify(byte[] output, int length) {
        if (length == SEQUENTIAL.length && Arrays.equals(output, 0, length, SEQUENTIAL, 0, length)) {
            return "IN_ORDER";
        }
        return length == SEQUENTIAL.length ? "ROWS_OUT_OF_ORDER" : "BYTES_LOST";
    }

    /** A growable-looking output buffer with no synchronization, as a first attempt would write it. */
    static final class UnsynchronizedOutput {
        final byte[] bytes = new byte[SEQUENTIAL.length];
        int length;

        void append(byte[] part) {
            // Read the position, copy, write the position back: a lost update waiting to happen.
            int position = length;
            System.arraycopy(part, 0, bytes, position, part.length);
            length = position + part.length;
        }
    }

    /** Wrong on purpose: both threads append their rows, one by one, to one unsynchronized buffer. */
    @JCStressTest
    @Outcome(id = "IN_ORDER", expect = ACCEPTABLE, desc = "same bytes as the sequential encoder")
    @Outcome(id = "ROWS_OUT_OF_ORDER", expect = ACCEPTABLE_INTERESTING, desc = "rows interleaved")
    @Outcome(id = "BYTES_LOST", expect = ACCEPTABLE_INTERESTING, desc = "a row overwrote another")
    @State
    public static class Racy {
        final UnsynchronizedOutput output = new UnsynchronizedOutput();

        @Actor
        public void topHalf() {
            for (int row = 0; row < MIDDLE; row++) {
                output.append(ENCODER.encodeRows(IMAGE, row, row + 1));
            }
        }

        @Actor
        public void bottomHalf() {
            for (int row = MIDDLE; row < HEIGHT; row++) {
                output.append(ENCODER.encodeRows(IMAGE, row, row + 1));
            }
        }

        @Arbiter
        public void arbiter(L_Result r) {
            r.r1 = classify(output.bytes, output.length);
        }
    }

    /**
     * Still wrong on purpose: a lock around each append stops the lost bytes, not the interleaving.
     * Bytes lost is forbidden here; rows out of order is still the interesting outcome.
     */
    @JCStressTest
    @Outcome(id = "IN_ORDER", expect = ACCEPTABLE, desc = "same bytes as the sequential encoder")
    @Outcome(id = "ROWS_OUT_OF_ORDER", expect = ACCEPTABLE_INTERESTING, desc = "rows interleaved")
    @Outcome(id = "BYTES_LOST", expect = FORBIDDEN, desc = "a row overwrote another")
    @State
    public static class RacySynchronizedAppend {
        final UnsynchronizedOutput output = new UnsynchronizedOutput();

        @Actor
        public void topHalf() {
            for (int row = 0; row < MIDDLE; row++) {
                byte[] part = ENCODER.encodeRows(IMAGE, row, row + 1);
                synchronized (output) {
                    output.append(part);
                }
            }
        }

        @Actor
        public void bottomHalf() {
            for (int row = MIDDLE; row < HEIGHT; row++) {
                byte[] part = ENCODER.encodeRows(IMAGE, row, row + 1);
                synchronized (output) {
                    output.append(part);
                }
            }
        }

        @Arbiter
        public void arbiter(L_Result r) {
            synchronized (output) {
                r.r1 = classify(output.bytes, output.length);
            }
        }
    }

    /** The fix: each thread encodes its own row range into its own buffer; concatenate in order at the end. */
    @JCStressTest
    @Outcome(id = "IN_ORDER", expect = ACCEPTABLE, desc = "same bytes as the sequential encoder")
    @Outcome(id = "ROWS_OUT_OF_ORDER", expect = FORBIDDEN, desc = "rows interleaved")
    @Outcome(id = "BYTES_LOST", expect = FORBIDDEN, desc = "a row overwrote another")
    @State
    public static class OwnBufferPerRange {
        byte[] top;
        byte[] bottom;

        @Actor
        public void topHalf() {
            top = ENCODER.encodeRows(IMAGE, 0, MIDDLE);
        }

        @Actor
        public void bottomHalf() {
            bottom = ENCODER.encodeRows(IMAGE, MIDDLE, HEIGHT);
        }

        @Arbiter
        public void arbiter(L_Result r) {
            byte[] whole = new byte[top.length + bottom.length];
            System.arraycopy(top, 0, whole, 0, top.length);
            System.arraycopy(bottom, 0, whole, top.length, bottom.length);
            r.r1 = classify(whole, whole.length);
        }
    }
}
