package edu.ute.concurrency.rle;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Builds {@code .rle} files with any header at all, checksums included, so that a reader cannot stop at
 * the first checksum and has to reason about the numbers themselves.
 */
final class ForgedRleFile {
    private ForgedRleFile() {
    }

    /**
     * The fixed header, {@code index} as the block index, the header checksum, then {@code payload} and
     * its checksum. Width and height are written as unsigned 32-bit numbers, as the format has them.
     */
    static byte[] of(int blockRows, long width, long height, long payloadLength, long[] index, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(RleFile.FIXED_HEADER + 8 * index.length + 4 + payload.length + 4);
        b.putInt(RleFile.MAGIC).put((byte) RleFile.VERSION).put((byte) 0).putShort((short) blockRows)
                .putInt((int) width).putInt((int) height).putLong(payloadLength);
        for (long offset : index) {
            b.putLong(offset);
        }
        b.putInt(crc(b.array(), 0, b.position()));
        int payloadStart = b.position();
        b.put(payload);
        b.putInt(crc(b.array(), payloadStart, payload.length));
        return b.array();
    }

    /** Only the 24 fixed bytes of a header: what a reader sees before it decides how much index to read. */
    static byte[] headerOnly(int blockRows, long width, long height, long payloadLength) {
        return ByteBuffer.allocate(RleFile.FIXED_HEADER).putInt(RleFile.MAGIC).put((byte) RleFile.VERSION).put((byte) 0)
                .putShort((short) blockRows).putInt((int) width).putInt((int) height).putLong(payloadLength).array();
    }

    static int crc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }
}
