package edu.ute.concurrency.rle;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Streaming decoder: reads an RLE payload from an {@link InputStream} and hands back one row at a
 * time, buffering at most one row's worth of bytes. Use it for images larger than memory.
 *
 * <pre>{@code
 * try (RleRowReader reader = Rle.decoder().wrap(in, width, height)) {
 *     long[] row = new long[PackedBitImage.wordsFor(width)];
 *     while (reader.readRow(row)) {
 *         printer.print(row);
 *     }
 * }   // readRow returned false: all rows read and the stream ended exactly there
 * }</pre>
 *
 * <p><b>Thread safety.</b> Not thread-safe: one reader belongs to one thread at a time.
 */
public final class RleRowReader implements Closeable {
    /** First size of the byte buffer; it doubles, as bytes arrive, up to the longest row the width allows. */
    private static final int INITIAL_BUFFER = 8192;
    /** The longest array the JVM allocates. */
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private final InputStream in;
    private final int width;
    private final int height;
    private final int wordsPerRow;
    private byte[] buffer = new byte[INITIAL_BUFFER];
    private int pos;
    private int limit;
    private long bufferStart; // stream offset of buffer[0], for error messages
    private boolean eof;
    private int row;

    RleRowReader(InputStream in, int width, int height) {
        this.in = Objects.requireNonNull(in, "in");
        this.width = width;
        this.height = height;
        this.wordsPerRow = PackedBitImage.wordsFor(width);
    }

    /**
     * Decodes the next row into {@code dst[0, wordsFor(width))}, in the layout of
     * {@link PackedBitImage}; words past those are left alone.
     *
     * @param dst where the row goes
     * @return true if a row was read; false once all {@code height} rows have been read, after
     *         checking that the stream ends there
     * @throws RleFormatException if the payload is corrupt, truncated, or has trailing bytes
     * @throws IOException if reading the stream fails
     * @throws NullPointerException if {@code dst} is null
     * @throws IllegalArgumentException if {@code dst} is too short for a row, before anything is read
     */
    public boolean readRow(long[] dst) throws IOException {
        Objects.requireNonNull(dst, "dst");
        if (dst.length < wordsPerRow) {
            throw new IllegalArgumentException("row buffer has " + dst.length + " words, width " + width + " needs " + wordsPerRow);
        }
        if (finished()) {
            return false;
        }
        Arrays.fill(dst, 0, wordsPerRow, 0L);
        decodeNextRow(dst, 0);
        return true;
    }

    /**
     * Decodes the next row into row {@code y} of {@code image}, whose width must be this reader's.
     *
     * <p>The call that finds the end does not use {@code y}, so the loop
     * {@code while (reader.readRow(image, y)) y++;} ends with {@code y == height} without an error.
     *
     * @param image the image whose row {@code y} receives the pixels
     * @param y     the row of {@code image} to overwrite
     * @return as {@link #readRow(long[])}
     * @throws RleFormatException as {@link #readRow(long[])}
     * @throws IOException if reading the stream fails
     * @throws NullPointerException if {@code image} is null
     * @throws IllegalArgumentException if the image's width differs from the reader's, and
     *         {@link IndexOutOfBoundsException} if a row is left to read and {@code y} is not one of the
     *         image's rows; both before anything is read, so the call can be repeated with the right
     *         arguments
     */
    public boolean readRow(PackedBitImage image, int y) throws IOException {
        Objects.requireNonNull(image, "image");
        if (image.width() != width) {
            throw new IllegalArgumentException("image width " + image.width() + " differs from the reader's " + width);
        }
        if (finished()) { // reads nothing while rows are left
            return false;
        }
        Objects.checkIndex(y, image.height());
        image.clearRows(y, y + 1);
        decodeNextRow(image.words(), y * wordsPerRow);
        return true;
    }

    /**
     * Returns how far the reader has got.
     *
     * @return the number of rows read so far
     */
    public int rowsRead() {
        return row;
    }

    /** True once every row has been read and the stream has ended right after the last one. */
    private boolean finished() throws IOException {
        if (row < height) {
            return false;
        }
        fill(1);
        if (limit > pos) {
            throw new RleFormatException("trailing bytes after the last row", bufferStart + pos);
        }
        return true;
    }

    /** Decodes the next row into {@code words[base, base + wordsPerRow)}, which must be zero. */
    private void decodeNextRow(long[] words, int base) throws IOException {
        // A row takes at most `width` bytes: with that many buffered (or the stream's end), it is all here.
        fill(Math.min(width, MAX_ARRAY));
        pos = RleDecoder.decodeRow(buffer, pos, limit, words, base, width, row, bufferStart);
        row++;
    }

    /**
     * Makes at least {@code wanted} bytes available, or as many as the stream has left. The buffer grows
     * only when the bytes already read fill it, so its size follows what the stream really holds, not
     * what the width promises.
     */
    private void fill(int wanted) throws IOException {
        if (limit - pos >= wanted || eof) {
            return;
        }
        System.arraycopy(buffer, pos, buffer, 0, limit - pos);
        bufferStart += pos;
        limit -= pos;
        pos = 0;
        while (limit < wanted) {
            if (limit == buffer.length) {
                buffer = Arrays.copyOf(buffer, (int) Math.min(2L * buffer.length, wanted));
            }
            int n = in.read(buffer, limit, buffer.length - limit);
            if (n < 0) {
                eof = true;
                return;
            }
            limit += n;
        }
    }

    /**
     * Closes the underlying stream.
     *
     * @throws IOException if closing the stream fails
     */
    @Override
    public void close() throws IOException {
        in.close();
    }
}
