package edu.ute.concurrency.rle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * The {@code .rle} file: an RLE payload (see {@link Rle}) behind a header that gives its size, an
 * index of where every block of rows starts, and CRC32C checksums. The index lets a reader decode
 * blocks in parallel, or decode one row range without touching what comes before it.
 *
 * <h2>Layout (all integers big-endian)</h2>
 * <pre>
 * offset     size  field
 * 0          4     magic "URLE" (55 52 4C 45)
 * 4          1     version, 1
 * 5          1     flags, 0 (anything else is refused)
 * 6          2     rows per block B, 1..65535
 * 8          4     width in pixels, 0..2^31-1
 * 12         4     height in pixels, 0..2^31-1
 * 16         8     payload length P
 * 24         8·N   block index: N = ceil(height / B) payload offsets, the first 0, non-decreasing
 * 24+8N      4     CRC32C of bytes [0, 24+8N)
 * 28+8N      P     payload; block i holds rows [i·B, min((i+1)·B, height))
 * 28+8N+P    4     CRC32C of the payload
 * </pre>
 * Reading checks all of it: magic, version, flags, limits, that every block's length is possible
 * for its rows, both checksums, and that the file ends exactly after the payload checksum.
 *
 * <h2>Usage</h2>
 * <pre>{@code
 * byte[] bytes = RleFile.encode(image);                   // sequential, 64 rows per block
 * RleFile file = RleFile.parse(bytes);                    // header, index and checksums verified
 * PackedBitImage back = file.decode();
 *
 * // what the concurrent strategies do: encode blocks anywhere, then assemble in order
 * List<byte[]> blocks = ...;                              // encoder.encodeRows(image, i*64, ...)
 * byte[] same = RleFile.assemble(image.width(), image.height(), 64, blocks);
 * // and decode blocks anywhere: file.decodeBlock(i, target) for each i
 * }</pre>
 *
 * <p><b>Thread safety.</b> An {@code RleFile} is immutable after {@link #parse}; {@link #decodeBlock}
 * may be called from many threads at once for different blocks of the same target image.
 */
public final class RleFile {
    /** The four bytes every {@code .rle} file starts with: "URLE". */
    public static final int MAGIC = 0x55524C45;
    /** The format version this library writes and reads. */
    public static final int VERSION = 1;
    /** Rows per index block used by {@link #encode(PackedBitImage)}. */
    public static final int DEFAULT_BLOCK_ROWS = 64;
    /** Bytes of the fixed part of the header, before the block index. */
    static final int FIXED_HEADER = 24;
    /** The longest array the JVM allocates: the most this reader holds of an index or a payload. */
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private final int width;
    private final int height;
    private final int blockRows;
    private final long[] blockOffsets; // N + 1 entries, the last one is the payload length
    private final byte[] payload;
    private final long payloadFileOffset;
    private final RleDecoder decoder;

    private RleFile(int width, int height, int blockRows, long[] blockOffsets, byte[] payload, RleLimits limits) {
        this.width = width;
        this.height = height;
        this.blockRows = blockRows;
        this.blockOffsets = blockOffsets;
        this.payload = payload;
        this.payloadFileOffset = headerLength(blockOffsets.length - 1);
        this.decoder = Rle.decoder(limits);
    }

    // ------------------------------------------------------------------------------------------
    // Writing

    /**
     * Encodes {@code image} into a complete file, {@value #DEFAULT_BLOCK_ROWS} rows per block.
     *
     * @param image the image to encode; only read
     * @return the whole file
     * @throws NullPointerException if {@code image} is null
     * @throws IllegalArgumentException if the file would be larger than one array can hold
     */
    public static byte[] encode(PackedBitImage image) {
        return encode(image, DEFAULT_BLOCK_ROWS);
    }

    /**
     * Encodes {@code image} into a complete file with {@code blockRows} rows per index block. Smaller
     * blocks give a reader more blocks to decode in parallel, for 8 bytes of index each.
     *
     * @param image     the image to encode; only read
     * @param blockRows rows per block, 1..65535
     * @return the whole file
     * @throws NullPointerException if {@code image} is null
     * @throws IllegalArgumentException if {@code blockRows} is outside 1..65535, or the file would be
     *         larger than one array can hold
     */
    public static byte[] encode(PackedBitImage image, int blockRows) {
        // Block by block, so the length pass and the encoding pass of a block share a warm cache;
        // measured faster than one length pass over the whole image followed by in-place encoding.
        int blocks = blockCount(image.height(), blockRows);
        List<byte[]> payloads = new java.util.ArrayList<>(blocks);
        for (int i = 0; i < blocks; i++) {
            payloads.add(Rle.encoder().encodeRows(image, i * blockRows, blockEnd(i, blockRows, image.height())));
        }
        return assemble(image.width(), image.height(), blockRows, payloads);
    }

    /**
     * Builds a file from block payloads encoded elsewhere (in any order, by any thread): block i must
     * be the encoding of rows {@code [i*blockRows, min((i+1)*blockRows, height))}. Each block's length is
     * checked against what its rows can take; the blocks' content is trusted (they come from
     * {@link RleEncoder#encodeRows}).
     *
     * @param width     the image's width in pixels
     * @param height    the image's height in pixels
     * @param blockRows rows per block, 1..65535
     * @param blocks    the encoded blocks, in row order; neither the list nor the arrays are kept
     * @return the whole file
     * @throws NullPointerException if {@code blocks} or one of its elements is null
     * @throws IllegalArgumentException if {@code blockRows} is outside 1..65535, a size is negative,
     *         the number of blocks is not {@code blockCount(height, blockRows)}, a block's length is
     *         impossible for its rows, or the file would be larger than one array can hold
     */
    public static byte[] assemble(int width, int height, int blockRows, List<byte[]> blocks) {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("negative size " + width + "x" + height);
        }
        int n = blockCount(height, blockRows); // checks blockRows
        if (blocks.size() != n) {
            throw new IllegalArgumentException(height + " rows at " + blockRows + " rows per block make " + n
                    + " blocks, got " + blocks.size());
        }
        long[] lengths = new long[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            lengths[i] = blocks.get(i).length;
            int rows = blockEnd(i, blockRows, height) - i * blockRows;
            if (lengths[i] < (long) rows * Rle.groupsPerRow(width) || lengths[i] > (long) rows * width) {
                throw new IllegalArgumentException("block " + i + " is " + lengths[i] + " bytes, impossible for "
                        + rows + " rows of width " + width);
            }
            total += lengths[i];
        }
        byte[] out = allocateFile(n, total);
        int pos = writeHeader(out, width, height, blockRows, lengths, total);
        int payloadStart = pos;
        for (byte[] block : blocks) {
            System.arraycopy(block, 0, out, pos, block.length);
            pos += block.length;
        }
        writeTrailer(out, payloadStart, pos);
        return out;
    }

    /**
     * Writes {@link #encode(PackedBitImage)} to {@code out} (which is not closed). To write a file by
     * path without leaving half of it behind on failure, use {@link ImageFiles#write}.
     *
     * @param image the image to encode; only read
     * @param out   where the file goes
     * @throws IOException if writing to {@code out} fails
     * @throws NullPointerException if {@code image} or {@code out} is null
     * @throws IllegalArgumentException as {@link #encode(PackedBitImage)}
     */
    public static void write(PackedBitImage image, OutputStream out) throws IOException {
        out.write(encode(image));
    }

    private static byte[] allocateFile(int blocks, long payloadLength) {
        long size = headerLength(blocks) + payloadLength + 4; // each term below 2^62: exact in long
        if (size > MAX_ARRAY) {
            throw new IllegalArgumentException("an .rle file of " + size + " bytes does not fit one array");
        }
        return new byte[(int) size];
    }

    private static int writeHeader(byte[] out, int width, int height, int blockRows, long[] lengths, long payloadLength) {
        ByteBuffer b = ByteBuffer.wrap(out);
        b.putInt(MAGIC).put((byte) VERSION).put((byte) 0).putShort((short) blockRows)
                .putInt(width).putInt(height).putLong(payloadLength);
        long offset = 0;
        for (long l : lengths) {
            b.putLong(offset);
            offset += l;
        }
        b.putInt(crc(out, 0, b.position()));
        return b.position();
    }

    private static void writeTrailer(byte[] out, int payloadStart, int payloadEnd) {
        ByteBuffer.wrap(out).putInt(payloadEnd, crc(out, payloadStart, payloadEnd - payloadStart));
    }

    // ------------------------------------------------------------------------------------------
    // Reading

    /**
     * Parses and verifies a whole file held in memory, with the {@link RleLimits#DEFAULT default}
     * limits.
     *
     * @param file the whole file, nothing before or after it
     * @return the parsed file, ready to decode
     * @throws RleFormatException as {@link #read(InputStream, RleLimits)}
     * @throws NullPointerException if {@code file} is null
     */
    public static RleFile parse(byte[] file) throws RleFormatException {
        return parse(file, RleLimits.DEFAULT);
    }

    /**
     * Parses and verifies a whole file held in memory. The payload is copied, so the caller may reuse
     * {@code file} afterwards.
     *
     * @param file   the whole file, nothing before or after it
     * @param limits the largest image to accept, here and when decoding
     * @return the parsed file, ready to decode
     * @throws RleFormatException as {@link #read(InputStream, RleLimits)}
     * @throws NullPointerException if {@code file} or {@code limits} is null
     */
    public static RleFile parse(byte[] file, RleLimits limits) throws RleFormatException {
        Objects.requireNonNull(file, "file");
        try {
            return read(new java.io.ByteArrayInputStream(file), limits);
        } catch (RleFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory cannot fail", e);
        }
    }

    /**
     * Reads and verifies a file from {@code in} up to its end. The header is checked against
     * {@code limits} before the payload is read, and the payload is read incrementally, so a forged
     * length cannot make this allocate more than the stream really holds. The pixels are not decoded
     * yet: every check that needs no decoding has been made when this returns.
     *
     * @param in     the stream holding the file and nothing after it; read to its end, not closed
     * @param limits the largest image to accept, here and when decoding
     * @return the parsed file, ready to decode
     * @throws RleFormatException with the file offset of the problem, if the file is corrupt: a bad
     *         magic number, version or flags, a size over {@code limits}, a block index impossible for
     *         the size, a checksum mismatch, too few bytes, or bytes after the payload checksum
     * @throws IOException if reading {@code in} fails
     * @throws NullPointerException if {@code in} or {@code limits} is null
     */
    public static RleFile read(InputStream in, RleLimits limits) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(limits, "limits");
        byte[] fixed = readExactly(in, FIXED_HEADER, 0, "header");
        ByteBuffer h = ByteBuffer.wrap(fixed);
        int magic = h.getInt();
        if (magic != MAGIC) {
            throw new RleFormatException(String.format("bad magic 0x%08X, not an .rle file (expected \"URLE\")", magic), 0);
        }
        int version = h.get() & 0xFF;
        if (version != VERSION) {
            throw new RleFormatException("unknown version " + version + " (this library reads version " + VERSION + ")", 4);
        }
        int flags = h.get() & 0xFF;
        if (flags != 0) {
            throw new RleFormatException("unknown flags 0x" + Integer.toHexString(flags), 5);
        }
        int blockRows = h.getShort() & 0xFFFF;
        if (blockRows == 0) {
            throw new RleFormatException("rows per block is 0", 6);
        }
        long width = h.getInt() & 0xFFFFFFFFL;
        long height = h.getInt() & 0xFFFFFFFFL;
        if (width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            throw new RleFormatException("image size " + width + "x" + height + " is over the limit", 8);
        }
        limits.check(width, height, 8);
        long payloadLength = h.getLong();
        int w = (int) width;
        int hgt = (int) height;
        int blocks = blockCount(hgt, blockRows);
        // 8 bytes an entry: with one row a block, an empty image of 2^28 rows already needs 2^31 bytes.
        long indexLength = 8L * blocks + 4;
        if (indexLength > MAX_ARRAY) {
            throw new RleFormatException(hgt + " rows at " + blockRows + " rows per block make a block index of "
                    + indexLength + " bytes, larger than this reader supports", 6);
        }
        byte[] index = readExactly(in, (int) indexLength, FIXED_HEADER, "block index");
        CRC32C headerCrc = new CRC32C();
        headerCrc.update(fixed);
        headerCrc.update(index, 0, 8 * blocks);
        ByteBuffer ib = ByteBuffer.wrap(index);
        int storedHeaderCrc = ib.getInt(8 * blocks);
        if ((int) headerCrc.getValue() != storedHeaderCrc) {
            throw new RleFormatException(String.format("header checksum mismatch: stored %08X, computed %08X",
                    storedHeaderCrc, (int) headerCrc.getValue()), FIXED_HEADER + 8L * blocks);
        }
        // Only now that the checksum vouches for the header are its numbers worth reasoning about.
        try {
            RleDecoder.checkPlausibleLength(payloadLength, w, hgt, 0);
        } catch (RleFormatException e) {
            throw new RleFormatException("payload length " + payloadLength + " impossible for " + w + "x" + hgt, 16);
        }
        if (payloadLength > MAX_ARRAY) {
            throw new RleFormatException("payload of " + payloadLength + " bytes is larger than this reader supports", 16);
        }
        long[] offsets = new long[blocks + 1];
        for (int i = 0; i < blocks; i++) {
            offsets[i] = ib.getLong();
        }
        offsets[blocks] = payloadLength;
        int groups = Rle.groupsPerRow(w);
        for (int i = 0; i < blocks; i++) {
            // Entry 0 must be 0 and every later entry has passed as `next`, so offsets[i] >= 0 here; with
            // next >= offsets[i], their difference cannot overflow. rows * w < 2^47.
            long rows = blockEnd(i, blockRows, hgt) - (long) i * blockRows;
            long next = offsets[i + 1];
            boolean firstOk = i > 0 || offsets[0] == 0;
            if (!firstOk || next < offsets[i] || next - offsets[i] < rows * groups || next - offsets[i] > rows * w) {
                throw new RleFormatException("block index entry " + i + " (offset " + offsets[i] + ", next " + next
                        + ") is impossible for " + rows + " rows of width " + w, FIXED_HEADER + 8L * i);
            }
        }
        long payloadStart = headerLength(blocks);
        byte[] payload = readExactly(in, (int) payloadLength, payloadStart, "payload");
        byte[] trailer = readExactly(in, 4, payloadStart + payloadLength, "payload checksum");
        int storedPayloadCrc = ByteBuffer.wrap(trailer).getInt();
        int computed = crc(payload, 0, payload.length);
        if (computed != storedPayloadCrc) {
            throw new RleFormatException(String.format("payload checksum mismatch: stored %08X, computed %08X",
                    storedPayloadCrc, computed), payloadStart + payloadLength);
        }
        if (in.read() >= 0) {
            throw new RleFormatException("trailing bytes after the payload checksum", payloadStart + payloadLength + 4);
        }
        return new RleFile(w, hgt, blockRows, offsets, payload, limits);
    }

    /**
     * Reads {@code n} bytes; growing the array as data really arrives, so that a forged length costs
     * memory only for bytes that exist.
     */
    private static byte[] readExactly(InputStream in, int n, long fileOffset, String what) throws IOException {
        byte[] bytes = in.readNBytes(n);
        if (bytes.length < n) {
            throw new RleFormatException("truncated file: " + what + " needs " + n + " bytes, only " + bytes.length
                    + " left", fileOffset + bytes.length);
        }
        return bytes;
    }

    // ------------------------------------------------------------------------------------------
    // Decoding

    /**
     * Returns the width the header states.
     *
     * @return the image's width in pixels
     */
    public int width() {
        return width;
    }

    /**
     * Returns the height the header states.
     *
     * @return the image's height in pixels
     */
    public int height() {
        return height;
    }

    /**
     * Returns the rows per index block.
     *
     * @return rows per block, 1..65535 (the last block may have fewer)
     */
    public int blockRows() {
        return blockRows;
    }

    /**
     * Returns the number of index blocks.
     *
     * @return {@code ceil(height() / blockRows())}; 0 for an image with no rows
     */
    public int blockCount() {
        return blockOffsets.length - 1;
    }

    /**
     * Returns the first row of a block.
     *
     * @param i the block, 0 to {@code blockCount() - 1}
     * @return the first row of block {@code i}
     * @throws IndexOutOfBoundsException if {@code i} is not a block
     */
    public int blockFirstRow(int i) {
        Objects.checkIndex(i, blockCount());
        return i * blockRows;
    }

    /**
     * Returns where a block ends.
     *
     * @param i the block, 0 to {@code blockCount() - 1}
     * @return the row after the last row of block {@code i}
     * @throws IndexOutOfBoundsException if {@code i} is not a block
     */
    public int blockEndRow(int i) {
        Objects.checkIndex(i, blockCount());
        return blockEnd(i, blockRows, height);
    }

    /**
     * Returns the payload's length.
     *
     * @return the length of the payload in bytes
     */
    public long payloadLength() {
        return payload.length;
    }

    /**
     * Returns the file's length.
     *
     * @return the length of the whole file in bytes: header, index, payload and both checksums
     */
    public long fileLength() {
        return payloadFileOffset + payload.length + 4;
    }

    /**
     * Creates the image to decode blocks into. Its size has passed the limits the file was read
     * with.
     *
     * @return a new all-white image of this file's size
     */
    public PackedBitImage newImage() {
        return new PackedBitImage(width, height);
    }

    /**
     * Decodes the whole image on the calling thread.
     *
     * @return a new image
     * @throws RleFormatException if a block is corrupt; the offset is a file offset
     */
    public PackedBitImage decode() throws RleFormatException {
        PackedBitImage image = newImage();
        for (int i = 0; i < blockCount(); i++) {
            decodeBlock(i, image);
        }
        return image;
    }

    /**
     * Decodes block {@code i} into its rows of {@code into} (same size as this file). Different
     * blocks may be decoded by different threads into the same image at the same time.
     *
     * @param i    the block, 0 to {@code blockCount() - 1}
     * @param into the image to decode into, of this file's width and height ({@link #newImage()})
     * @throws RleFormatException if the block is corrupt; the offset is a file offset
     * @throws NullPointerException if {@code into} is null
     * @throws IndexOutOfBoundsException if {@code i} is not a block
     * @throws IllegalArgumentException if {@code into} is not of this file's size
     */
    public void decodeBlock(int i, PackedBitImage into) throws RleFormatException {
        Objects.checkIndex(i, blockCount());
        if (into.width() != width || into.height() != height) {
            throw new IllegalArgumentException("target is " + into.width() + "x" + into.height() + ", file is "
                    + width + "x" + height);
        }
        int from = (int) blockOffsets[i];
        int to = (int) blockOffsets[i + 1];
        decoder.decodeRows(payload, from, to - from, into, blockFirstRow(i), blockEndRow(i),
                payloadFileOffset);
    }

    /**
     * Decodes rows {@code [fromRow, toRow)} alone, decoding only the blocks that hold them.
     *
     * @param fromRow first row to decode
     * @param toRow   row after the last one to decode
     * @return a new image of this file's width and {@code toRow - fromRow} rows
     * @throws RleFormatException if a block holding the rows is corrupt; the offset is a file offset
     * @throws IndexOutOfBoundsException if {@code [fromRow, toRow)} is not a range of the image's rows
     */
    public PackedBitImage decodeRows(int fromRow, int toRow) throws RleFormatException {
        Objects.checkFromToIndex(fromRow, toRow, height);
        if (fromRow == toRow) {
            return new PackedBitImage(width, 0);
        }
        int firstBlock = fromRow / blockRows;
        int lastBlock = (toRow - 1) / blockRows;
        int spanFirst = firstBlock * blockRows;
        PackedBitImage span = new PackedBitImage(width, blockEnd(lastBlock, blockRows, height) - spanFirst);
        for (int i = firstBlock; i <= lastBlock; i++) {
            int from = (int) blockOffsets[i];
            int to = (int) blockOffsets[i + 1];
            decoder.decodeRows(payload, from, to - from, span, blockFirstRow(i) - spanFirst,
                    blockEndRow(i) - spanFirst, payloadFileOffset);
        }
        PackedBitImage out = new PackedBitImage(width, toRow - fromRow);
        long[] row = new long[span.wordsPerRow()];
        for (int y = fromRow; y < toRow; y++) {
            span.copyRow(y - spanFirst, row);
            out.setRow(y - fromRow, row);
        }
        return out;
    }

    @Override
    public String toString() {
        return "RleFile[" + width + "x" + height + ", " + blockCount() + " blocks of " + blockRows + " rows, payload "
                + payload.length + " bytes]";
    }

    // ------------------------------------------------------------------------------------------

    /**
     * Computes the number of blocks of {@code blockRows} rows that {@code height} rows make: the
     * number of payloads {@link #assemble} expects.
     *
     * @param height    the image's height in rows
     * @param blockRows rows per block
     * @return {@code ceil(height / blockRows)}
     * @throws IllegalArgumentException if {@code height} is negative or {@code blockRows} is outside 1..65535
     */
    public static int blockCount(int height, int blockRows) {
        if (blockRows < 1 || blockRows > 0xFFFF) {
            throw new IllegalArgumentException("rows per block must be 1..65535, not " + blockRows);
        }
        if (height < 0) {
            throw new IllegalArgumentException("negative height " + height);
        }
        return (int) (((long) height + blockRows - 1) / blockRows);
    }

    private static int blockEnd(int i, int blockRows, int height) {
        return (int) Math.min((long) (i + 1) * blockRows, height);
    }

    /** Bytes before the payload: in long, since 8 bytes per block pass 2^31 at 2^28 blocks. */
    private static long headerLength(int blocks) {
        return FIXED_HEADER + 8L * blocks + 4;
    }

    private static int crc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }
}
