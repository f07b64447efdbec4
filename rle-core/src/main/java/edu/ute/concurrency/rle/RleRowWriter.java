package edu.ute.concurrency.rle;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Streaming encoder: takes an image one row at a time and writes its RLE bytes to an
 * {@link OutputStream}, holding no more than one encoded row. Use it for images larger than memory.
 *
 * <pre>{@code
 * try (RleRowWriter writer = Rle.encoder().wrap(Files.newOutputStream(path), width)) {
 *     long[] row = new long[PackedBitImage.wordsFor(width)];
 *     for (int y = 0; y < height; y++) {
 *         scanner.nextRow(row);          // fill the row: pixel x is bit x % 64 of row[x / 64]
 *         writer.writeRow(row);
 *     }
 * }
 * }</pre>
 *
 * <p><b>Thread safety.</b> Not thread-safe: one writer belongs to one thread at a time.
 */
public final class RleRowWriter implements Closeable, Flushable {
    private final OutputStream out;
    private final int width;
    private final int wordsPerRow;
    private final long[] masked;
    private final byte[] scratch;
    private long rowsWritten;

    RleRowWriter(OutputStream out, int width) {
        if (width < 0 || width > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("width " + width + " outside 0.." + (Integer.MAX_VALUE - 8)
                    + " (a row's bytes must fit one array)");
        }
        this.out = Objects.requireNonNull(out, "out");
        this.width = width;
        this.wordsPerRow = PackedBitImage.wordsFor(width);
        this.masked = new long[wordsPerRow];
        this.scratch = new byte[width];
    }

    /**
     * Encodes one row given as packed words, in the layout of {@link PackedBitImage}, and writes its
     * bytes.
     *
     * @param row the row's pixels in {@code row[0, wordsFor(width))}; bits past the width are ignored,
     *            and the array is not changed
     * @throws IOException if writing to the stream fails
     * @throws NullPointerException if {@code row} is null
     * @throws IllegalArgumentException if {@code row} is shorter than {@code wordsFor(width)}, before
     *         anything is written
     */
    public void writeRow(long[] row) throws IOException {
        Objects.requireNonNull(row, "row");
        if (row.length < wordsPerRow) {
            throw new IllegalArgumentException("row has " + row.length + " words, width " + width + " needs " + wordsPerRow);
        }
        System.arraycopy(row, 0, masked, 0, wordsPerRow);
        if (wordsPerRow > 0) {
            masked[wordsPerRow - 1] &= RleEncoder.lastWordMask(width);
        }
        out.write(scratch, 0, RleEncoder.encodeRow(masked, 0, width, scratch, 0));
        rowsWritten++;
    }

    /**
     * Encodes row {@code y} of {@code image} and writes its bytes.
     *
     * @param image the image to take the row from; only read
     * @param y     the row
     * @throws IOException if writing to the stream fails
     * @throws NullPointerException if {@code image} is null
     * @throws IllegalArgumentException if the image's width differs from the writer's, and
     *         {@link IndexOutOfBoundsException} if {@code y} is not one of its rows; both before
     *         anything is written
     */
    public void writeRow(PackedBitImage image, int y) throws IOException {
        Objects.requireNonNull(image, "image");
        if (image.width() != width) {
            throw new IllegalArgumentException("image width " + image.width() + " differs from the writer's " + width);
        }
        image.copyRow(y, masked);
        out.write(scratch, 0, RleEncoder.encodeRow(masked, 0, width, scratch, 0));
        rowsWritten++;
    }

    /**
     * Returns how far the writer has got.
     *
     * @return the number of rows written so far
     */
    public long rowsWritten() {
        return rowsWritten;
    }

    /**
     * Flushes the underlying stream. Every row written has already been handed to it whole.
     *
     * @throws IOException if flushing the stream fails
     */
    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /**
     * Closes the underlying stream. The writer does not know the image's height, so it cannot check
     * that every row was written: count them with {@link #rowsWritten()}.
     *
     * @throws IOException if closing the stream fails
     */
    @Override
    public void close() throws IOException {
        out.close();
    }
}
