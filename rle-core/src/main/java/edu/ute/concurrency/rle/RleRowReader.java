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
    private final InputStream in;
    private final int width;
    private final int height;
    private final int wordsPerRow;
    private final byte[] buffer;
    private final long[] scratch;
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
        // A row takes at most `width` bytes, so a buffer holding that many always holds a whole row.
        this.buffer = new byte[Math.max(8192, width)];
        this.scratch = new long[wordsPerRow];
    }

    /**
     * Decodes the next row into {@code dst[0, wordsFor(width))}.
     *
     * @return true if a row was read; false once all {@code height} rows have been read, after
     *         checking that the stream ends there
     * @throws RleFormatException if the payload is corrupt, truncated, or has trailing bytes
     */
    public boolean readRow(long[] dst) throws IOException {
        if (dst.length < wordsPerRow) {
            throw new IllegalArgumentException("row buffer has " + dst.length + " words, width " + width + " needs " + wordsPerRow);
        }
        if (row == height) {
            fill(1);
            if (limit > pos) {
                throw new RleFormatException("trailing bytes after the last row", bufferStart + pos);
            }
            return false;
        }
        fill(width);
        Arrays.fill(dst, 0, wordsPerRow, 0L);
        pos = RleDecoder.decodeRow(buffer, pos, limit, dst, 0, width, row, bufferStart);
        row++;
        return true;
    }

    /** Decodes the next row into row {@code y} of {@code image}. */
    public boolean readRow(PackedBitImage image, int y) throws IOException {
        boolean read = readRow(scratch);
        if (read) {
            image.setRow(y, scratch);
        }
        return read;
    }

    /** Rows read so far. */
    public int rowsRead() {
        return row;
    }

    /** Makes at least {@code wanted} bytes available, or as many as the stream has left. */
    private void fill(int wanted) throws IOException {
        if (limit - pos >= wanted || eof) {
            return;
        }
        System.arraycopy(buffer, pos, buffer, 0, limit - pos);
        bufferStart += pos;
        limit -= pos;
        pos = 0;
        while (limit < wanted) {
            int n = in.read(buffer, limit, buffer.length - limit);
            if (n < 0) {
                eof = true;
                return;
            }
            limit += n;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
