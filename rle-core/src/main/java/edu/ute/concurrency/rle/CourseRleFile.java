package edu.ute.concurrency.rle;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The file the course's Python case study writes ({@code compress_image}): the width and the height
 * as 2-byte little-endian numbers, then the RLE payload, with no checksum or index. Use it to
 * exchange files with the Python program; use {@link RleFile} for everything else.
 *
 * <p>The Python program builds its bits from PIL's mode-"1" pixel values, where black is 0 and white
 * is 255, so <em>in its files a 1 bit is white</em>. This class inverts on the way in and out, so
 * images in memory keep 1 = black as everywhere else in this library:
 * <pre>{@code
 * byte[] forPython = CourseRleFile.encode(page);           // what compress_image would have written
 * PackedBitImage fromPython = CourseRleFile.decode(bytes); // a file compress_image wrote
 * }</pre>
 *
 * <p><b>Thread safety.</b> Stateless; the methods may be called from any thread.
 */
public final class CourseRleFile {
    /** The largest width or height the 2-byte header can hold. */
    public static final int MAX_SIDE = 0xFFFF;

    private CourseRleFile() {
    }

    /** Encodes {@code image} as the Python program would (1 = white in the file). */
    public static byte[] encode(PackedBitImage image) {
        if (image.width() > MAX_SIDE || image.height() > MAX_SIDE) {
            throw new IllegalArgumentException("the course format holds at most " + MAX_SIDE + " pixels a side, not "
                    + image.width() + "x" + image.height());
        }
        byte[] payload = Rle.encoder().encode(inverted(image));
        ByteBuffer out = ByteBuffer.allocate(4 + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        out.putShort((short) image.width()).putShort((short) image.height()).put(payload);
        return out.array();
    }

    /** Decodes a file written by the Python program, with the {@link RleLimits#DEFAULT default} limits. */
    public static PackedBitImage decode(byte[] file) throws RleFormatException {
        return decode(file, RleLimits.DEFAULT);
    }

    /** Decodes a file written by the Python program. */
    public static PackedBitImage decode(byte[] file, RleLimits limits) throws RleFormatException {
        if (file.length < 4) {
            throw new RleFormatException("truncated course file: the header needs 4 bytes, only " + file.length, file.length);
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
