package edu.ute.concurrency.rle;

import java.io.OutputStream;
import java.util.Objects;

/**
 * Encodes a {@link PackedBitImage}, or a range of its rows, into the RLE byte format described in
 * {@link Rle}. Obtain it with {@link Rle#encoder()}.
 *
 * <pre>{@code
 * RleEncoder encoder = Rle.encoder();
 * byte[] whole = encoder.encode(image);
 * byte[] top = encoder.encodeRows(image, 0, 64);          // rows [0, 64) on their own
 * byte[] rest = encoder.encodeRows(image, 64, image.height());
 * // top followed by rest equals whole, byte for byte
 * }</pre>
 * For one shared output array, ask each range for its {@link #encodedLength} first, give each range
 * its offset, and let {@link #encodeRows(PackedBitImage, int, int, byte[], int)} fill it in place.
 *
 * <p><b>Thread safety.</b> Immutable; share it freely. Encoding only reads the image, so several
 * threads may encode ranges of the same image at once as long as nobody writes to it meanwhile.
 */
public final class RleEncoder {
    RleEncoder() {
    }

    /**
     * Encodes the whole image.
     *
     * @param image the image to encode; only read
     * @return the payload, exactly as long as the encoding (no slack)
     * @throws NullPointerException if {@code image} is null
     * @throws IllegalArgumentException if the encoding is longer than one array can hold (an image
     *         of over two billion short runs): encode row ranges instead
     */
    public byte[] encode(PackedBitImage image) {
        return encodeRows(image, 0, image.height());
    }

    /**
     * Encodes rows {@code [fromRow, toRow)} on their own. Every row starts a new byte, so the
     * encodings of consecutive ranges, concatenated, are the encoding of the whole.
     *
     * @param image   the image to encode; only read
     * @param fromRow first row to encode
     * @param toRow   row after the last one to encode; {@code fromRow == toRow} gives an empty array
     * @return the encoding of the rows, exactly as long as it is
     * @throws NullPointerException if {@code image} is null
     * @throws IndexOutOfBoundsException if {@code [fromRow, toRow)} is not a range of the image's rows
     * @throws IllegalArgumentException if the encoding is longer than one array can hold
     */
    public byte[] encodeRows(PackedBitImage image, int fromRow, int toRow) {
        long length = encodedLength(image, fromRow, toRow);
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("encoding of rows [" + fromRow + ", " + toRow + ") is " + length
                    + " bytes, more than one array holds: encode smaller row ranges");
        }
        byte[] out = new byte[(int) length];
        int written = encodeRange(image, fromRow, toRow, out, 0);
        assert written == out.length;
        return out;
    }

    /**
     * Encodes rows {@code [fromRow, toRow)} into {@code dst} starting at {@code offset}, writing
     * nothing outside {@code [offset, offset + encodedLength(image, fromRow, toRow))}. Several threads
     * may fill disjoint parts of one array at once, each from its own range.
     *
     * @param image   the image to encode; only read
     * @param fromRow first row to encode
     * @param toRow   row after the last one to encode
     * @param dst     the array to write into
     * @param offset  where in {@code dst} the encoding starts
     * @return the number of bytes written, which is {@link #encodedLength} of the range
     * @throws NullPointerException if {@code image} or {@code dst} is null
     * @throws IndexOutOfBoundsException if {@code [fromRow, toRow)} is not a range of the image's rows,
     *         or {@code offset} is negative or past the end of {@code dst}
     * @throws IllegalArgumentException if {@code dst} has less room after {@code offset} than the
     *         encoding takes; all of these before anything is written
     */
    public int encodeRows(PackedBitImage image, int fromRow, int toRow, byte[] dst, int offset) {
        long length = encodedLength(image, fromRow, toRow);
        Objects.checkFromIndexSize(offset, 0, dst.length);
        if (length > dst.length - offset) {
            throw new IllegalArgumentException("rows [" + fromRow + ", " + toRow + ") need " + length
                    + " bytes, only " + (dst.length - offset) + " left in the buffer");
        }
        return encodeRange(image, fromRow, toRow, dst, offset);
    }

    /**
     * Computes the exact number of bytes the encoding of rows {@code [fromRow, toRow)} takes, with one
     * pass of word-wide population counts (much cheaper than encoding): to size a shared output array
     * before encoding into it.
     *
     * @param image   the image; only read
     * @param fromRow first row of the range
     * @param toRow   row after the last one of the range
     * @return the length of the range's encoding in bytes, which may exceed {@code int}
     * @throws NullPointerException if {@code image} is null
     * @throws IndexOutOfBoundsException if {@code [fromRow, toRow)} is not a range of the image's rows
     */
    public long encodedLength(PackedBitImage image, int fromRow, int toRow) {
        Objects.checkFromToIndex(fromRow, toRow, image.height());
        int width = image.width();
        int wpr = image.wordsPerRow();
        if (width == 0) {
            return 0;
        }
        // Every group starts a byte; every pixel change inside a group (not at its first pixel) adds one.
        long[] notGroupStart = notGroupStartMasks(width);
        long[] w = image.words();
        long lastMask = lastWordMask(width);
        long bytes = (long) Rle.groupsPerRow(width) * (toRow - fromRow);
        for (int y = fromRow; y < toRow; y++) {
            int base = y * wpr;
            long carry = w[base] & 1L; // no boundary before pixel 0: feed pixel 0 to itself
            int k = 0;
            for (; k < wpr - 1; k++) {
                long cur = w[base + k];
                bytes += Long.bitCount((cur ^ (cur << 1 | carry)) & notGroupStart[k]);
                carry = cur >>> 63;
            }
            long cur = w[base + k];
            bytes += Long.bitCount((cur ^ (cur << 1 | carry)) & notGroupStart[k] & lastMask);
        }
        return bytes;
    }

    /**
     * Computes the largest possible encoding of {@code rows} rows of {@code width} pixels: one byte per
     * pixel, reached when every run is one pixel long.
     *
     * @param width row width in pixels
     * @param rows  number of rows
     * @return {@code width * rows}, as a {@code long} so that it cannot overflow
     * @throws IllegalArgumentException if either argument is negative
     */
    public static long maxEncodedLength(int width, int rows) {
        if (width < 0 || rows < 0) {
            throw new IllegalArgumentException("negative size " + width + "x" + rows);
        }
        return (long) width * rows; // at most (2^31 - 1)^2: no overflow in long
    }

    /**
     * Returns a writer that encodes rows one at a time onto {@code out}, holding one row's worth of
     * bytes: for images larger than memory. Closing the writer closes {@code out}.
     *
     * @param out   where the payload goes, one {@code write} call per row (a file stream is worth
     *              buffering: a row of text often encodes to a few dozen bytes)
     * @param width width of every row, in pixels
     * @return a new writer, for one thread at a time
     * @throws NullPointerException if {@code out} is null
     * @throws IllegalArgumentException if {@code width} is negative or a row's encoding could not fit
     *         one array (over {@code Integer.MAX_VALUE - 8} pixels)
     */
    public RleRowWriter wrap(OutputStream out, int width) {
        return new RleRowWriter(out, width);
    }

    private static int encodeRange(PackedBitImage image, int fromRow, int toRow, byte[] dst, int offset) {
        long[] w = image.words();
        int wpr = image.wordsPerRow();
        int width = image.width();
        int o = offset;
        for (int y = fromRow; y < toRow; y++) {
            o = encodeRow(w, y * wpr, width, dst, o);
        }
        return o - offset;
    }

    /**
     * Encodes one row whose words start at {@code words[base]}, writing at {@code dst[o]}; returns the
     * new write position. The caller guarantees room (at most {@code width} bytes).
     *
     * <p>Implementation: bit i of {@code cur ^ (cur << 1 | carry)} is set exactly where pixel i differs
     * from pixel i - 1, so each word yields all its run boundaries at once; numberOfTrailingZeros walks
     * them, and group edges (every 127 pixels) are cut arithmetically between boundaries. No per-pixel
     * loop, no allocation.
     */
    static int encodeRow(long[] words, int base, int width, byte[] dst, int o) {
        if (width == 0) {
            return o;
        }
        int wpr = (width + 63) >>> 6; // PackedBitImage.wordsFor, without its argument check in this per-row path
        int color = (int) (words[base] & 1L) << 7;
        int runStart = 0;
        int groupEnd = Rle.GROUP_BITS;
        long carry = words[base] & 1L;
        for (int k = 0; k < wpr; k++) {
            long cur = words[base + k];
            long changes = cur ^ (cur << 1 | carry);
            carry = cur >>> 63;
            if (k == wpr - 1) {
                changes &= lastWordMask(width);
            }
            while (changes != 0) {
                int p = (k << 6) + Long.numberOfTrailingZeros(changes);
                changes &= changes - 1;
                while (p > groupEnd) { // the run reaches past a group edge: close the group first
                    dst[o++] = (byte) (color | (groupEnd - runStart));
                    runStart = groupEnd;
                    groupEnd += Rle.GROUP_BITS;
                }
                dst[o++] = (byte) (color | (p - runStart));
                if (p == groupEnd) {
                    groupEnd += Rle.GROUP_BITS;
                }
                runStart = p;
                color ^= 0x80;
            }
        }
        while (width > groupEnd) {
            dst[o++] = (byte) (color | (groupEnd - runStart));
            runStart = groupEnd;
            groupEnd += Rle.GROUP_BITS;
        }
        dst[o++] = (byte) (color | (width - runStart));
        return o;
    }

    /** Mask of the valid bits in the last word of a row (all ones when the width is a multiple of 64). */
    static long lastWordMask(int width) {
        return -1L >>> -width;
    }

    /** For each word of a row, ones everywhere except at pixels that start a group (x = 127 k, k > 0). */
    private static long[] notGroupStartMasks(int width) {
        long[] masks = new long[PackedBitImage.wordsFor(width)];
        java.util.Arrays.fill(masks, -1L);
        for (int x = Rle.GROUP_BITS; x < width; x += Rle.GROUP_BITS) {
            masks[x >>> 6] &= ~(1L << x);
        }
        return masks;
    }
}
