package edu.ute.concurrency.rle;

import java.io.InputStream;
import java.util.Objects;

/**
 * Decodes the RLE byte format described in {@link Rle} back into a {@link PackedBitImage}, checking
 * every byte: a corrupt payload raises {@link RleFormatException} with the byte offset, never an
 * unchecked exception. Obtain it with {@link Rle#decoder()} or {@link Rle#decoder(RleLimits)}.
 *
 * <pre>{@code
 * PackedBitImage image = Rle.decoder().decode(payload, width, height);
 * }</pre>
 * The payload carries no size, so the caller supplies width and height (an {@link RleFile} does this
 * for you). Sizes over the decoder's {@link RleLimits} are refused before anything is allocated.
 *
 * <p><b>Thread safety.</b> Immutable; share it freely. Several threads may decode different row
 * ranges into the same image at once ({@link #decodeRows}), since rows never share a word.
 */
public final class RleDecoder {
    private final RleLimits limits;

    RleDecoder(RleLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Returns the limits this decoder enforces.
     *
     * @return the largest image this decoder agrees to allocate
     */
    public RleLimits limits() {
        return limits;
    }

    /**
     * Decodes a whole payload; every byte of {@code payload} must belong to the image.
     *
     * @param payload the RLE bytes of the whole image, nothing before or after
     * @param width   the image's width in pixels
     * @param height  the image's height in pixels
     * @return a new image
     * @throws RleFormatException if the payload is corrupt (a zero-length run, a run crossing a group
     *         or row boundary, too few or too many bytes), or the size is over this decoder's limits
     *         (the size travels with the payload, so it counts as data); checked before the image is
     *         allocated wherever the length alone shows it
     * @throws NullPointerException if {@code payload} is null
     * @throws IllegalArgumentException if {@code width} or {@code height} is negative
     */
    public PackedBitImage decode(byte[] payload, int width, int height) throws RleFormatException {
        Objects.requireNonNull(payload, "payload");
        return decode(payload, 0, payload.length, width, height);
    }

    /**
     * Decodes the payload in {@code src[offset, offset + length)}, as {@link #decode(byte[], int, int)}
     * does a whole array. Error offsets are relative to {@code offset}.
     *
     * @param src    the array holding the payload
     * @param offset where the payload starts in {@code src}
     * @param length the payload's length in bytes
     * @param width  the image's width in pixels
     * @param height the image's height in pixels
     * @return a new image
     * @throws RleFormatException as {@link #decode(byte[], int, int)}
     * @throws NullPointerException if {@code src} is null
     * @throws IndexOutOfBoundsException if {@code [offset, offset + length)} is not a range of {@code src}
     * @throws IllegalArgumentException if {@code width} or {@code height} is negative
     */
    public PackedBitImage decode(byte[] src, int offset, int length, int width, int height) throws RleFormatException {
        Objects.requireNonNull(src, "src");
        Objects.checkFromIndexSize(offset, length, src.length);
        limits.check(width, height, -1);
        checkPlausibleLength(length, width, height, 0);
        PackedBitImage image = new PackedBitImage(width, height);
        decodeRows(src, offset, length, image, 0, height);
        return image;
    }

    /**
     * Decodes {@code src[offset, offset + length)}, which must be exactly the encoding of rows
     * {@code [fromRow, toRow)}, into those rows of {@code into} (overwriting them). Error offsets are
     * relative to {@code offset}. Nothing is allocated: {@code into} already exists, so this decoder's
     * limits play no part.
     *
     * <p>Several threads may decode disjoint row ranges into the same image at once; rows outside
     * {@code [fromRow, toRow)} are never touched. When the data is corrupt, the rows of the range are
     * left partly decoded.
     *
     * @param src     the array holding the encoded rows
     * @param offset  where the encoding of row {@code fromRow} starts in {@code src}
     * @param length  the encoding's length in bytes
     * @param into    the image to decode into; its width is the rows' width
     * @param fromRow first row to decode
     * @param toRow   row after the last one to decode
     * @throws RleFormatException if the bytes are not exactly the encoding of those rows: a corrupt
     *         run, too few bytes, or bytes left over after row {@code toRow - 1}
     * @throws NullPointerException if {@code src} or {@code into} is null
     * @throws IndexOutOfBoundsException if {@code [offset, offset + length)} is not a range of
     *         {@code src}, or {@code [fromRow, toRow)} is not a range of the image's rows; before
     *         anything is written
     */
    public void decodeRows(byte[] src, int offset, int length, PackedBitImage into, int fromRow, int toRow)
            throws RleFormatException {
        decodeRows(src, offset, length, into, fromRow, toRow, -offset);
    }

    /** As {@link #decodeRows(byte[], int, int, PackedBitImage, int, int)}, reporting offsets shifted by {@code reportShift}. */
    void decodeRows(byte[] src, int offset, int length, PackedBitImage into, int fromRow, int toRow, long reportShift)
            throws RleFormatException {
        Objects.checkFromIndexSize(offset, length, src.length);
        Objects.checkFromToIndex(fromRow, toRow, into.height());
        into.clearRows(fromRow, toRow);
        long[] words = into.words();
        int wpr = into.wordsPerRow();
        int width = into.width();
        int end = offset + length;
        int pos = offset;
        if (width > 0) { // rows of width 0 have no bytes: 2^31 of them need no loop
            for (int y = fromRow; y < toRow; y++) {
                pos = decodeRow(src, pos, end, words, y * wpr, width, y, reportShift);
            }
        }
        if (pos != end) {
            throw new RleFormatException((end - pos) + " trailing bytes after the last row", pos + reportShift);
        }
    }

    /**
     * Returns a reader that decodes a payload streamed from {@code in} one row at a time, holding one
     * row's worth of bytes: for images larger than memory. The payload must run to the end of the
     * stream; closing the reader closes {@code in}. Its buffer grows only as bytes arrive, so the
     * size alone costs nothing.
     *
     * @param in     the stream holding the payload, and nothing after it
     * @param width  the image's width in pixels
     * @param height the image's height in pixels
     * @return a new reader, for one thread at a time
     * @throws RleFormatException if the size is over this decoder's limits
     * @throws NullPointerException if {@code in} is null
     * @throws IllegalArgumentException if {@code width} or {@code height} is negative
     */
    public RleRowReader wrap(InputStream in, int width, int height) throws RleFormatException {
        Objects.requireNonNull(in, "in");
        limits.check(width, height, -1);
        return new RleRowReader(in, width, height);
    }

    /** Rejects a payload length that cannot encode width × height pixels, before allocating the image. */
    static void checkPlausibleLength(long length, int width, int height, long offset) throws RleFormatException {
        // Both at most (2^31 - 1)^2 for non-negative int sides: exact in long.
        long min = (long) Rle.groupsPerRow(width) * height;
        long max = RleEncoder.maxEncodedLength(width, height);
        if (length < min) {
            throw new RleFormatException("truncated payload: " + length + " bytes cannot encode " + width + "x" + height
                    + " pixels (at least " + min + " needed)", offset + length);
        }
        if (length > max) {
            throw new RleFormatException("payload of " + length + " bytes is longer than any encoding of " + width + "x"
                    + height + " pixels (at most " + max + ")", offset + max);
        }
    }

    /**
     * Decodes one row from {@code src[pos, end)} into {@code words[base, ...)}, which must be zero;
     * returns the position after the row. Only black runs write: white is the zero the row starts
     * with, so a white page costs one byte read per 127 pixels.
     */
    static int decodeRow(byte[] src, int pos, int end, long[] words, int base, int width, int y, long reportShift)
            throws RleFormatException {
        int x = 0;
        int groupEnd = Math.min(Rle.GROUP_BITS, width);
        while (x < width) {
            if (pos >= end) {
                throw new RleFormatException("truncated payload: row " + y + " ends at pixel " + x + " of " + width,
                        pos + reportShift);
            }
            int b = src[pos];
            int next = x + (b & 0x7F);
            if (next == x) {
                throw new RleFormatException("zero-length run in row " + y + " at pixel " + x, pos + reportShift);
            }
            if (next > groupEnd) {
                throw new RleFormatException("run of " + (b & 0x7F) + " pixels at pixel " + x + " of row " + y
                        + (groupEnd == width ? " crosses the row boundary (width " + width + ")"
                                : " crosses the group boundary at pixel " + groupEnd), pos + reportShift);
            }
            if (b < 0) { // top bit set: black
                fillOnes(words, base, x, next);
            }
            pos++;
            x = next;
            if (x == groupEnd) {
                groupEnd = Math.min(groupEnd + Rle.GROUP_BITS, width);
            }
        }
        return pos;
    }

    /** Sets bits [from, to) of the row at {@code base}: a mask per word, not a loop over bits. */
    private static void fillOnes(long[] words, int base, int from, int to) {
        int first = base + (from >>> 6);
        int last = base + ((to - 1) >>> 6);
        long firstMask = -1L << from;
        long lastMask = -1L >>> -to;
        if (first == last) {
            words[first] |= firstMask & lastMask;
        } else {
            words[first] |= firstMask;
            for (int i = first + 1; i < last; i++) {
                words[i] = -1L;
            }
            words[last] |= lastMask;
        }
    }
}
