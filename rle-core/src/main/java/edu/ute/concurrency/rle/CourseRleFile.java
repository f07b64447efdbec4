package edu.ute.concurrency.rle;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * A bare file layout for an RLE payload: the width and the height as 2-byte little-endian numbers,
 * then the payload (see {@link Rle}), with no magic number, checksum or block index. Use
 * {@link RleFile} unless a program on the other side needs exactly this layout.
 *
 * <pre>
 * offset  size  field
 * 0       2     width in pixels, 0..65535, little-endian
 * 2       2     height in pixels, 0..65535, little-endian
 * 4       P     payload, to the end of the file; in it, a 1 bit is a WHITE pixel
 * </pre>
 * The payload follows the byte format of {@link Rle} with one difference: the colour bit is inverted,
 * so that {@code 0011100000} (1 = black) is stored as the runs of {@code 1100011111}. This class inverts
 * on the way in and out, so images in memory keep 1 = black as everywhere else in this library:
 * <pre>{@code
 * byte[] bytes = CourseRleFile.encode(page);               // "0011100000" -> 0A 00 01 00 82 03 85
 * PackedBitImage back = CourseRleFile.decode(bytes);       // every run checked, as by RleDecoder
 * }</pre>
 * Decoding checks the size against the {@link RleLimits} and the payload length against the size before
 * allocating, and every run after; with no checksum, a flipped colour bit goes unnoticed.
 *
 * <p><b>Thread safety.</b> Stateless; the methods may be called from any thread.
 */
public final class CourseRleFile {
    /** The largest width or height the 2-byte header can hold. */
    public static final int MAX_SIDE = 0xFFFF;

    private CourseRleFile() {
    }

    /**
     * Encodes {@code image} in this layout (1 = white in the file).
     *
     * @param image the image to encode; only read
     * @return the whole file: the 4-byte header, then the payload
     * @throws NullPointerException if {@code image} is null
     * @throws IllegalArgumentException if a side is over {@link #MAX_SIDE}
     */
    public static byte[] encode(PackedBitImage image) {
        Objects.requireNonNull(image, "image");
        if (image.width() > MAX_SIDE || image.height() > MAX_SIDE) {
            throw new IllegalArgumentException("this layout holds at most " + MAX_SIDE + " pixels a side, not "
                    + image.width() + "x" + image.height());
        }
        byte[] payload = Rle.encoder().encode(inverted(image));
        ByteBuffer out = ByteBuffer.allocate(4 + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        out.putShort((short) image.width()).putShort((short) image.height()).put(payload);
        return out.array();
    }

    /**
     * Decodes a file in this layout with the {@link RleLimits#DEFAULT default} limits.
     *
     * @param file the whole file
     * @return a new image, 1 = black as everywhere in this library
     * @throws RleFormatException as {@link #decode(byte[], RleLimits)}
     * @throws NullPointerException if {@code file} is null
     */
    public static PackedBitImage decode(byte[] file) throws RleFormatException {
        return decode(file, RleLimits.DEFAULT);
    }

    /**
     * Decodes a file in this layout.
     *
     * @param file   the whole file
     * @param limits the largest image to accept
     * @return a new image, 1 = black as everywhere in this library
     * @throws NullPointerException if {@code file} or {@code limits} is null
     * @throws RleFormatException if the file is truncated, its size is over {@code limits}, or its payload
     *         is corrupt; the offset is a file offset
     */
    public static PackedBitImage decode(byte[] file, RleLimits limits) throws RleFormatException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(limits, "limits");
        if (file.length < 4) {
            throw new RleFormatException("truncated file: the header needs 4 bytes, only " + file.length, file.length);
        }
        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int width = in.getShort() & 0xFFFF;
        int height = in.getShort() & 0xFFFF;
        limits.check(width, height, 0);
        try {
            return inverted(Rle.decoder(limits).decode(file, 4, file.length - 4, width, height));
        } catch (RleFormatException e) {
            // Report the offset in the file, not in the payload.
            throw new RleFormatException(e.getMessage().replaceFirst(" \\(at byte offset -?\\d+\\)$", ""),
                    e.offset() < 0 ? e.offset() : e.offset() + 4);
        }
    }

    private static PackedBitImage inverted(PackedBitImage image) {
        PackedBitImage out = new PackedBitImage(image.width(), image.height());
        long[] row = new long[image.wordsPerRow()];
        for (int y = 0; y < image.height(); y++) {
            image.copyRow(y, row);
            for (int k = 0; k < row.length; k++) {
                row[k] = ~row[k];
            }
            out.setRow(y, row); // drops the bits past the width that ~ turned on
        }
        return out;
    }
}
