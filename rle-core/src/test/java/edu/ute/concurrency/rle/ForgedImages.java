package edu.ute.concurrency.rle;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Small image files whose headers promise far more than their data holds, built byte by byte from the
 * format specifications (PNG: RFC 2083 / ISO 15948; GIF: the GIF89a specification).
 */
final class ForgedImages {
    private ForgedImages() {
    }

    /**
     * A PNG whose IHDR claims {@code width} × {@code height} of the given colour type and bit depth,
     * followed by an IDAT of 8 bytes (a zlib header and the start of a deflate stream) and IEND: 65 bytes.
     */
    static byte[] png(int width, int height, int colourType, int bitDepth) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
            byte[] ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) bitDepth)
                    .put((byte) colourType).put((byte) 0).put((byte) 0).put((byte) 0).array();
            chunk(out, "IHDR", ihdr);
            chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x63, 0, 0, 0, 0, 0});
            chunk(out, "IEND", new byte[0]);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A GIF89a of {@code width} × {@code height} with a two-colour palette (index 0 black) whose LZW data
     * is one 3-byte block, then the block terminator and the trailer: well formed, but with data for a
     * few pixels only.
     */
    static byte[] truncatedGif(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("GIF89a".getBytes(StandardCharsets.US_ASCII));
        littleEndian16(out, width);
        littleEndian16(out, height);
        out.write(0x80); // a global colour table of 2 entries
        out.write(0);
        out.write(0);
        out.writeBytes(new byte[] {0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
        out.write(0x2C); // image descriptor: the whole screen, no local table, not interlaced
        littleEndian16(out, 0);
        littleEndian16(out, 0);
        littleEndian16(out, width);
        littleEndian16(out, height);
        out.write(0);
        out.write(2); // LZW minimum code size
        out.writeBytes(new byte[] {3, 0x44, 0x01, 0x00});
        out.write(0); // block terminator
        out.write(0x3B); // trailer
        return out.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }

    private static void littleEndian16(ByteArrayOutputStream out, int value) {
        out.write(value & 0xFF);
        out.write(value >>> 8 & 0xFF);
    }
}
