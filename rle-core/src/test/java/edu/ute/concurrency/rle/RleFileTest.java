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
    void rejectsHeaderChecksumMismatchAtTheStoredChecksum() {
        byte[] file = sample();
        file[15] ^= 1; // height 70 -> 71
        assertThatThrownBy(() -> RleFile.parse(file)).isInstanceOf(RleFormatException.class)
                .hasMessageContaining("header checksum mismatch")
                .satisfies(e -> assertThat(((RleFormatException) e).offset()).isEqualTo(24 + 8 * 3));
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
    void rejectsTruncatedFileAtEveryLengthAtTheOffsetWhereItEnds() {
        byte[] file = sample();
        for (int n = 0; n < file.length; n++) {
            byte[] cut = Arrays.copyOf(file, n);
            long end = n;
            assertThatThrownBy(() -> RleFile.parse(cut)).as("length %d", n).isInstanceOf(RleFormatException.class)
                    .hasMessageContaining("truncated")
                    .satisfies(e -> assertThat(((RleFormatException) e).offset()).as("length %d", end).isEqualTo(end));
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
        AllocationMeter.Measurement read = AllocationMeter.measure(() -> RleFile.read(counting, RleLimits.DEFAULT));
        assertThat(read.thrown()).isInstanceOf(RleFormatException.class)
                .hasMessageContaining("truncated file: payload needs 69605736 bytes, only 0 left");
        assertThat(served[0]).isEqualTo(header.capacity());
        // No 70 MB payload array, no 8.7 MB image: about the 10 KB index, twice, and a read buffer.
        assertThat(read.bytes()).isLessThan(1L << 20);
    }

    // ---- sizes computed from the header, at the largest limits the API accepts

    @Test
    void refusesAOneBytePayloadForTheWidestRowEvenUnderTheLargestLimits() {
        // 41 bytes: width 2^31-1, height 1, one block, one payload byte. A row that wide needs at least
        // ceil((2^31-1) / 127) = 16,909,321 bytes; computing that in int arithmetic overflowed to a
        // negative minimum, the file passed, and decoding then allocated 256 MiB before failing.
        byte[] file = ForgedRleFile.of(1, Integer.MAX_VALUE, 1, 1, new long[] {0}, new byte[] {0x7F});
        assertThat(file).hasSize(41);
        assertThatThrownBy(() -> RleFile.parse(file, RleLimitsTest.LARGEST)).isInstanceOf(RleFormatException.class)
                .hasMessageContaining("payload length 1 impossible for 2147483647x1");
        assertThat(AllocationMeter.bytesAllocatedBy(() -> RleFile.parse(file, RleLimitsTest.LARGEST).decode()))
                .isLessThan(1L << 20);
    }

    @Test
    void refusesABlockIndexLargerThanAnArrayWithTheDocumentedException() {
        // Width 0 makes any height cheap in pixels, but one block per row makes an index of 8 bytes a row:
        // 2^31 bytes at 2^28 rows, where 8 * blocks + 4 overflowed int and readNBytes threw "len < 0".
        for (long height : new long[] {1L << 28, Integer.MAX_VALUE}) {
            byte[] header = ForgedRleFile.headerOnly(1, 0, height, 0);
            assertThatThrownBy(() -> RleFile.parse(header, RleLimitsTest.LARGEST)).as("height %d", height)
                    .isInstanceOf(RleFormatException.class).hasMessageContaining("block index of")
                    .hasMessageContaining("larger than this reader supports");
        }
    }

    @Test
    void acceptsTheTallestEmptyImageWhoseIndexFits() throws Exception {
        // Width 0, height 2^31-1, the largest blocks: a legal file of 262 KB that describes no pixels.
        int blockRows = 0xFFFF;
        int blocks = RleFile.blockCount(Integer.MAX_VALUE, blockRows);
        byte[] file = ForgedRleFile.of(blockRows, 0, Integer.MAX_VALUE, 0, new long[blocks], new byte[0]);
        RleFile parsed = RleFile.parse(file, RleLimitsTest.LARGEST);
        assertThat(parsed.fileLength()).isEqualTo(file.length);
        assertThat(parsed.decode()).isEqualTo(new PackedBitImage(0, Integer.MAX_VALUE));
    }

    @Test
    void blockCountRefusesRowsPerBlockOutside1To65535() {
        for (int blockRows : new int[] {0, -1, 0x10000}) {
            assertThatThrownBy(() -> RleFile.blockCount(10, blockRows)).as("%d rows per block", blockRows)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rows per block must be 1..65535");
        }
        assertThat(RleFile.blockCount(10, 1)).isEqualTo(10);
        assertThat(RleFile.blockCount(10, 0xFFFF)).isEqualTo(1);
    }

    @Test
    void blockCountRefusesANegativeHeight() {
        assertThatThrownBy(() -> RleFile.blockCount(-5, 64)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-5");
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
    /** Rewrites index entry {@code i} of {@code file} and its header checksum, as a forger would. */
    private static byte[] withIndexEntry(byte[] file, int i, long offset) {
        byte[] forged = file.clone();
        ByteBuffer b = ByteBuffer.wrap(forged);
        int blocks = RleFile.blockCount(b.getInt(12), b.getShort(6) & 0xFFFF);
        b.putLong(24 + 8 * i, offset);
        b.putInt(24 + 8 * blocks, ForgedRleFile.crc(forged, 0, 24 + 8 * blocks));
        return forged;
    }

    @Test
    void rejectsAnIndexWhoseFirstBlockDoesNotStartAtZero() {
        // A checkerboard takes one byte a pixel, so a block one byte short of its encoding is still a
        // possible length: only the rule that block 0 starts at payload offset 0 refuses these.
        PackedBitImage image = SampleImages.checkerboard(10, 2);
        for (int blockRows : new int[] {1, 2}) {
            byte[] file = withIndexEntry(RleFile.encode(image, blockRows), 0, 1);
            assertThatThrownBy(() -> RleFile.parse(file)).as("%d rows per block", blockRows)
                    .isInstanceOf(RleFormatException.class).hasMessageContaining("block index entry 0 (offset 1")
                    .satisfies(e -> assertThat(((RleFormatException) e).offset()).isEqualTo(24));
        }
    }

    @Test
    void rejectsALaterBlockTooShortForItsRowsAtItsIndexEntry() {
        byte[] file = sample(); // 3 blocks of 32, 32 and 6 rows, 150 pixels wide
        long second = ByteBuffer.wrap(file).getLong(32);
        // Block 1 made 10 bytes long: offsets still increase, but 32 rows of 150 pixels need 64.
        byte[] forged = withIndexEntry(file, 2, second + 10);
        assertThatThrownBy(() -> RleFile.parse(forged)).isInstanceOf(RleFormatException.class)
                .hasMessageContaining("block index entry 1").hasMessageContaining("impossible for 32 rows of width 150")
                .satisfies(e -> assertThat(((RleFormatException) e).offset()).isEqualTo(32));
    }

    @Test
    void readsAPayloadOfTheLargestArrayAsFarAsTheInputGoesAndRefusesOneByteMore() {
        // 65536 x 65536 under the largest limits: any payload length from 517 bytes a row up to one
        // byte a pixel is possible, so the reader's own array bound is the only limit at 2^31 - 9.
        long largest = Integer.MAX_VALUE - 8;
        for (long length : new long[] {largest, largest + 1}) {
            byte[] file = ForgedRleFile.of(0xFFFF, 65536, 65536, length, new long[] {0, length - 65536}, new byte[0]);
            AllocationMeter.Measurement read = AllocationMeter.measure(() -> RleFile.parse(file, RleLimitsTest.LARGEST));
            if (length == largest) {
                assertThat(read.thrown()).isInstanceOf(RleFormatException.class)
                        .hasMessageContaining("truncated file: payload needs " + largest + " bytes, only 4 left");
            } else {
                assertThat(read.thrown()).isInstanceOf(RleFormatException.class)
                        .hasMessageContaining("payload of " + length + " bytes is larger than this reader supports");
            }
            assertThat(read.bytes()).as("length %d", length).isLessThan(1L << 20);
        }
    }

    @Test
    void reportsTheSizeAndLayoutItRead() throws Exception {
        PackedBitImage image = ReferenceRle.random(new SplittableRandom(5), 70, 23);
        byte[] bytes = RleFile.encode(image, 8);
        RleFile file = RleFile.parse(bytes);
        assertThat(file.width()).isEqualTo(70);
        assertThat(file.height()).isEqualTo(23);
        assertThat(file.blockRows()).isEqualTo(8);
        assertThat(file.blockCount()).isEqualTo(3);
        assertThat(file.blockFirstRow(2)).isEqualTo(16);
        assertThat(file.blockEndRow(2)).isEqualTo(23);
        assertThat(file.payloadLength()).isEqualTo(Rle.encoder().encode(image).length);
        assertThat(file.fileLength()).isEqualTo(bytes.length);
        assertThat(file.newImage()).isEqualTo(new PackedBitImage(70, 23));
        assertThat(file).hasToString("RleFile[70x23, 3 blocks of 8 rows, payload " + file.payloadLength() + " bytes]");
        assertThatThrownBy(() -> file.blockFirstRow(3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void writeWritesTheEncodedFile() throws Exception {
        PackedBitImage image = SampleImages.icon();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        RleFile.write(image, out);
        assertThat(out.toByteArray()).isEqualTo(RleFile.encode(image));
    }

    @Test
    void decodeRowsGivesExactlyTheRowsAskedForInEveryRange() throws Exception {
        // 23 rows in blocks of 4: the last block is short, and ranges end on, before and after block edges.
        PackedBitImage image = ReferenceRle.random(new SplittableRandom(6), 90, 23);
        RleFile file = RleFile.parse(RleFile.encode(image, 4));
        for (int from = 0; from <= 23; from++) {
            for (int to = from; to <= 23; to++) {
                PackedBitImage expected = new PackedBitImage(90, to - from);
                long[] row = new long[image.wordsPerRow()];
                for (int y = from; y < to; y++) {
                    image.copyRow(y, row);
                    expected.setRow(y - from, row);
                }
                assertThat(file.decodeRows(from, to)).as("rows [%d, %d)", from, to).isEqualTo(expected);
            }
        }
        assertThatThrownBy(() -> file.decodeRows(5, 24)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void decodeRowsDecodesOnlyTheBlocksThatHoldTheRows() throws Exception {
        // Block 1 (rows 4..7) is corrupt, checksum and all: ranges that do not touch it decode.
        PackedBitImage image = ReferenceRle.random(new SplittableRandom(7), 60, 12);
        byte[] good = RleFile.encode(image, 4);
        ByteBuffer b = ByteBuffer.wrap(good);
        long[] index = {b.getLong(24), b.getLong(32), b.getLong(40)};
        long length = b.getLong(16);
        byte[] payload = Arrays.copyOfRange(good, 52, 52 + (int) length);
        payload[(int) index[1]] = 0; // a zero-length run where block 1 starts
        RleFile file = RleFile.parse(ForgedRleFile.of(4, 60, 12, length, index, payload));
        assertThat(file.decodeRows(0, 4)).isEqualTo(RleFile.parse(good).decodeRows(0, 4));
        assertThat(file.decodeRows(8, 12)).isEqualTo(RleFile.parse(good).decodeRows(8, 12));
        assertThatThrownBy(() -> file.decodeRows(3, 5)).isInstanceOf(RleFormatException.class)
                .hasMessageContaining("zero-length run in row 4")
                .satisfies(e -> assertThat(((RleFormatException) e).offset()).isEqualTo(52 + index[1]));
    }

    @Test
    void decodingAFewRowsCostsMemoryForTheirBlocksOnly() throws Exception {
        // The last 10 rows of a 4000-row page sit in one block of 32 rows: about 8 KB of pixels where
        // the whole page takes 1 MB.
        RleFile file = RleFile.parse(RleFile.encode(SampleImages.blank(2000, 4000)));
        assertThat(AllocationMeter.bytesAllocatedBy(() -> file.decodeRows(3990, 4000))).isLessThan(64L << 10);
    }

    @Test
    void decodesAnEmptyRangeToAnImageWithNoRows() throws Exception {
        RleFile file = RleFile.parse(sample());
        assertThat(file.decodeRows(40, 40)).isEqualTo(new PackedBitImage(150, 0));
    }
}
