package edu.ute.concurrency.examples.tour.jit;

import edu.ute.concurrency.rle.PackedBitImage;
import edu.ute.concurrency.rle.Rle;
import java.util.Arrays;
import java.util.Objects;

/**
 * The straightforward port of the course's Python {@code compress_chunk}: look at every pixel, one at
 * a time, and emit a byte whenever the colour changes or a 127-pixel group ends. It produces exactly
 * the bytes of {@link Rle#encoder()} (the tests check that), so it is the "before" of Tour02: the loop
 * a student writes first, before learning that a 64-bit word holds 64 pixels.
 *
 * <pre>{@code
 * byte[] same = PerBitRleEncoder.encode(page);            // equals Rle.encoder().encode(page)
 * }</pre>
 *
 * <p>In CPython this loop runs about one pixel per hundred bytecodes and Cython is the usual cure. In
 * Java the JIT compiles it to machine code on its own after a few thousand iterations; what it cannot
 * do is turn one-pixel-at-a-time into 64-pixels-at-a-time, which is why the word-at-a-time encoder
 * stays ahead ({@code Tour02_JitVersusPerBitLoop} shows by how much).
 *
 * <p><b>Thread safety.</b> Stateless; reads the image only, so threads may share an image that nobody
 * writes to.
 */
public final class PerBitRleEncoder {
    private PerBitRleEncoder() {
    }

    /** Encodes the whole image, pixel by pixel. */
    public static byte[] encode(PackedBitImage image) {
        return encodeRows(image, 0, image.height());
    }

    /** Encodes rows {@code [fromRow, toRow)}, like {@code compress_chunk(rows)} in the Python course. */
    public static byte[] encodeRows(PackedBitImage image, int fromRow, int toRow) {
        Objects.checkFromToIndex(fromRow, toRow, image.height());
        int width = image.width();
        // At most one byte per pixel; Python's bytearray grows as it goes, a Java array is sized once.
        byte[] out = new byte[Math.multiplyExact(width, toRow - fromRow)];
        int n = 0;
        for (int y = fromRow; y < toRow; y++) {
            for (int groupStart = 0; groupStart < width; groupStart += Rle.GROUP_BITS) {
                int groupEnd = Math.min(groupStart + Rle.GROUP_BITS, width);
                boolean color = image.get(groupStart, y);
                int run = 0;
                for (int x = groupStart; x < groupEnd; x++) {
                    boolean pixel = image.get(x, y);
                    if (pixel == color) {
                        run++;
                    } else {
                        out[n++] = runByte(color, run);
                        color = pixel;
                        run = 1;
                    }
                }
                out[n++] = runByte(color, run);
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static byte runByte(boolean black, int run) {
        return (byte) ((black ? 0x80 : 0) | run);
    }
}
