package edu.ute.concurrency.rle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

class RleFileTest {

    @Test
    void roundTripsRandomImagesWithAnyBlockSize() throws Exception {
        SplittableRandom random = new SplittableRandom(31);
        for (int trial = 0; trial < 1000; trial++) {
            PackedBitImage image = ReferenceRle.random(random, random.nextInt(260), random.nextInt(40));
            int blockRows = 1 + random.nextInt(20);
            byte[] file = RleFile.encode(image, blockRows);
            RleFile parsed = RleFile.parse(file);
            assertThat(parsed.decode()).as("trial %d", trial).isEqualTo(image);
            assertThat(parsed.fileLength()).isEqualTo(file.length);
            assertThat(parsed.blockRows()).isEqualTo(blockRows);
        }
    }

    @Test
    void layoutIsAsDocumented() throws Exception {
        PackedBitImage image = ReferenceRle.image("0011100000", "1111111111", "0000000000");
        byte[] file = RleFile.encode(image, 2);
        ByteBuffer b = ByteBuffer.wrap(file);
        assertThat(b.getInt(0)).isEqualTo(0x55524C45);
        assertThat(new String(file, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("URLE");
        assertThat(file[4]).isEqualTo((byte) 1);
        assertThat(file[5]).isZero();
        assertThat(b.getShort(6)).isEqualTo((short) 2);
        assertThat(b.getInt(8)).isEqualTo(10);
        assertThat(b.getInt(12)).isEqualTo(3);
        assertThat(b.getLong(16)).isEqualTo(5);          // 02 83 05 | 8A | 0A
        assertThat(b.getLong(24)).isZero();              // block 0 = rows 0..1
        assertThat(b.getLong(32)).isEqualTo(4);          // block 1 = row 2
        CRC32C crc = new CRC32C();
        crc.update(file, 0, 40);
        assertThat(b.getInt(40)).isEqualTo((int) crc.getValue());
        assertThat(ReferenceRle.hex(Arrays.copyOfRange(file, 44, 49))).isEqualTo("02 83 05 8A 0A");
        crc.reset();
        crc.update(file, 44, 5);
        assertThat(b.getInt(49)).isEqualTo((int) crc.getValue());
        assertThat(file).hasSize(53);
    }

    @Test
    void blocksEncodedAnywhereAssembleToTheSequentialFile() throws Exception {
        PackedBitImage image = SampleImages.textPage(50, 4);
        List<byte[]> blocks = new ArrayList<>();
        for (int from = 0; from < image.height(); from += 64) {
            blocks.add(Rle.encoder().encodeRows(image, from, Math.min(from + 64, image.height())));
        }
        byte[] assembled = RleFile.assemble(image.width(), image.height(), 64, blocks);
        assertThat(assembled).isEqualTo(RleFile.encode(image));
    }

    @Test
    void decodesBlocksInAnyOrderAndRowRangesAlone() throws Exception {
        PackedBitImage image = ReferenceRle.random(new SplittableRandom(9), 200, 100);
        RleFile file = RleFile.parse(RleFile.encode(image, 16));
        PackedBitImage into = file.newImage();
        for (int i = file.blockCount() - 1; i >= 0; i--) {
            file.decodeBlock(i, into);
        }
        assertThat(into).isEqualTo(image);
        PackedBitImage middle = file.decodeRows(30, 70);
        for (int y = 30; y < 70; y++) {
            for (int x = 0; x < 200; x++) {
                assertThat(middle.get(x, y - 30)).isEqualTo(image.get(x, y));
            }
        }
    }

    @Test
    void readsFromAStream() throws Exception {
        PackedBitImage image = SampleImages.textPage(40, 2);
        RleFile file = RleFile.read(new ByteArrayInputStream(RleFile.encode(image)), RleLimits.DEFAULT);
        assertThat(file.decode()).isEqualTo(image);
    }

    private static byte[] sample() {
        return RleFile.encode(ReferenceRle.random(new SplittableRandom(1), 150, 70), 32);
    }

    @Test
    void rejectsBadMagic() {
        byte[] file = sample();
        file[0] = 'X';
        assertThatThrownBy(() -> RleFile.parse(file)).isInstanceOf(RleFormatException.class)
                .hasMessageContaining("bad magic").hasMessageContaining("offset 0");
    }

    @Test
    void rejectsUnknownVersion() {
        byte[] file = sample();
        file[4] = 2;
        assertThatThrownBy(() -> RleFile.parse(file)).isInstanceOf(RleFormatException.class)
                .hasMessageContaining("unknown version 2").hasMessageContaining("offset 4");
    }

    @Test
    void rejectsHeaderChecksumMismatch() {
        byte[] file = sample();
        file[15] ^= 1; // height 70 -> 71
        assertThatThrownBy(() -> RleFile.parse(file)).isInstanceOf(RleFormatException.class)
                .hasMessageContaining("header checksum mismatch");
    }

    @Test
    void rejectsPayloadChecksumMismatch() {
        byte[] file = sample();
        int payloadStart = 24 + 8 * 3 + 4;
        file[payloadStart + 5] ^= 0x01;
        assertThatThrownBy(() -> RleFile.parse(file)).isInstanceOf(RleFormatException.class)
                .hasMessageContaining("payload checksum mismatch")
                .satisfies(e -> assertThat(((RleFormatException) e).offset()).isEqualTo(file.length - 4));
    }

    @Test
    void rejectsTruncatedFileAtEveryLength() {
        byte[] file = sample();
        for (int n = 0; n < file.length; n++) {
            byte[] cut = Arrays.copyOf(file, n);
            assertThatThrownBy(() -> RleFile.parse(cut)).as("length %d", n).isInstanceOf(RleFormatException.class)
                    .hasMessageContaining("truncated");
        }
    }

    @Test
    void rejectsTrailingBytes() {
        byte[] file = Arrays.copyOf(sample(), sample().length + 1);
        assertThatThrownBy(() -> RleFile.parse(file)).isInstanceOf(RleFormatException.class)
                .hasMessageContaining("trailing bytes").hasMessageContaining("offset " + (file.length - 1));
    }

    @Test
    void rejectsDimensionsOverTheLimit() {
        byte[] file = sample();
        assertThatThrownBy(() -> RleFile.parse(file, new RleLimits(100, 100, 10_000)))
                .isInstanceOf(RleFormatException.class).hasMessageContaining("150x70 is over the limit");
    }

    @Test
    void aForgedHeaderCannotMakeItAllocateMoreThanTheInputHolds() throws Exception {
        // A valid header (checksum and all) claiming the largest page the limits admit, then nothing.
        int width = 7016;
        int height = 9921;
        int blocks = RleFile.blockCount(height, 64);
        ByteBuffer header = ByteBuffer.allocate(24 + 8 * blocks + 4);
        header.putInt(RleFile.MAGIC).put((byte) 1).put((byte) 0).putShort((short) 64).putInt(width).putInt(height)
                .putLong((long) width * height);
        for (int i = 0; i < blocks; i++) {
            header.putLong((long) i * 64 * width);
        }
        CRC32C crc = new CRC32C();
        crc.update(header.array(), 0, header.position());
        header.putInt((int) crc.getValue());
        long[] served = {0};
        InputStream counting = new ByteArrayInputStream(header.array()) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                int n = super.read(b, off, len);
                served[0] += Math.max(n, 0);
                return n;
            }
        };
        long before = usedHeap();
        assertThatThrownBy(() -> RleFile.read(counting, RleLimits.DEFAULT)).isInstanceOf(RleFormatException.class)
                .hasMessageContaining("truncated file: payload needs 69605736 bytes, only 0 left");
        assertThat(served[0]).isEqualTo(header.capacity());
        // No 70 MB payload array, no 8.7 MB image: the growth is small (measured loosely, GC may even shrink it).
        assertThat(usedHeap() - before).isLessThan(32L << 20);
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    @Test
    void rejectsAnImpossibleBlockIndex() {
        byte[] file = sample();
        ByteBuffer b = ByteBuffer.wrap(file);
        b.putLong(32, b.getLong(32) + 100_000); // block 1 starts past where it can
        CRC32C crc = new CRC32C();
        crc.update(file, 0, 48);
        b.putInt(48, (int) crc.getValue());
        assertThatThrownBy(() -> RleFile.parse(file)).isInstanceOf(RleFormatException.class)
                .hasMessageContaining("block index entry 0").hasMessageContaining("offset 24");
    }
}
