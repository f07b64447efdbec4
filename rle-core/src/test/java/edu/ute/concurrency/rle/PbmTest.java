package edu.ute.concurrency.rle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PbmTest {

    private static PackedBitImage read(String text) throws Exception {
        return Pbm.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static PackedBitImage read(byte[] bytes) throws Exception {
        return Pbm.read(new ByteArrayInputStream(bytes));
    }

    @Test
    void readsPlainWithCommentsAndAnyWhitespace() throws Exception {
        PackedBitImage image = read("P1\n# a comment\n 5\t# width\r\n3\n1 0 1 0 1\n0101\n0\n# in the raster too\n11 1 1 1\n");
        assertThat(image).isEqualTo(ReferenceRle.image("10101", "01010", "11111"));
    }

    @Test
    void readsPlainWithACommentRightAfterTheHeight() throws Exception {
        assertThat(read("P1 3 1# no space before this comment\n101")).isEqualTo(ReferenceRle.image("101"));
    }

    @Test
    void rawNeedsOneWhitespaceAfterTheHeight() {
        assertThatThrownBy(() -> read("P4 8 1#\n\u00ff")).isInstanceOf(PbmFormatException.class)
                .hasMessageContaining("expected one whitespace character after the height, found '#'");
    }

    @Test
    void readsRawWithAnOddWidthAndIgnoresPaddingBits() throws Exception {
        // 10 pixels: 0011100000 -> 0011 1000 | 00xx xxxx (padding bits set on purpose)
        byte[] bytes = {'P', '4', '\n', '#', 'c', '\n', '1', '0', ' ', '2', '\n', 0b0011_1000, 0b0011_1111,
            (byte) 0b1111_1111, (byte) 0b1100_0000};
        assertThat(read(bytes)).isEqualTo(ReferenceRle.image("0011100000", "1111111111"));
    }

    @Test
    void roundTripsBothVariantsAtOddWidths() throws Exception {
        SplittableRandom random = new SplittableRandom(8);
        for (int trial = 0; trial < 300; trial++) {
            PackedBitImage image = ReferenceRle.random(random, random.nextInt(200), random.nextInt(9));
            for (Pbm.Variant variant : Pbm.Variant.values()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                Pbm.write(image, out, variant);
                assertThat(read(out.toByteArray())).as("%s trial %d", variant, trial).isEqualTo(image);
            }
        }
    }

    @Test
    void writesP4AsNetpbmDoes() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Pbm.write(ReferenceRle.image("0011100000"), out, Pbm.Variant.P4);
        assertThat(out.toByteArray()).containsExactly('P', '4', '\n', '1', '0', ' ', '1', '\n', 0b0011_1000, 0);
    }

    @Test
    void rejectsBadMagic() {
        assertThatThrownBy(() -> read("P2\n1 1\n0\n")).isInstanceOf(PbmFormatException.class)
                .hasMessageContaining("expected magic P1 or P4");
    }

    @Test
    void rejectsMissingHeightWithLineAndOffset() {
        assertThatThrownBy(() -> read("P1\n3\nx")).isInstanceOf(PbmFormatException.class)
                .hasMessageContaining("expected the height").hasMessageContaining("line 3").hasMessageContaining("byte offset 5");
    }

    @Test
    void rejectsABadPlainPixel() {
        assertThatThrownBy(() -> read("P1\n2 2\n01\n0 2\n")).isInstanceOf(PbmFormatException.class)
                .hasMessageContaining("pixel (1, 1), found '2'").hasMessageContaining("line 4")
                .hasMessageContaining("byte offset 12")
                .satisfies(e -> assertThat(((PbmFormatException) e).line()).isEqualTo(4));
    }

    @Test
    void rejectsATruncatedRawRaster() {
        byte[] bytes = {'P', '4', '\n', '9', ' ', '3', '\n', 1, 2, 3, 4, 5};
        assertThatThrownBy(() -> read(bytes)).isInstanceOf(PbmFormatException.class)
                .hasMessageContaining("raster ends in row 2 of 3").hasMessageContaining("byte offset 12");
    }

    @Test
    void rejectsSizesOverTheLimitBeforeAllocating() {
        assertThatThrownBy(() -> read("P4\n99999999999 2\n")).isInstanceOf(PbmFormatException.class)
                .hasMessageContaining("width is over the limit");
        assertThatThrownBy(() -> read("P4\n9000 9000\n")).isInstanceOf(PbmFormatException.class)
                .hasMessageContaining("9000x9000 is over the limit");
    }

    @Test
    void aHeaderAloneCostsNoMoreThanItsBytes() throws Exception {
        read("P1 1 1 1"); // load the classes first: their cost is not the header's
        // 13 bytes that describe a 600-dpi A3 page once made the reader allocate its 8.4 MiB raster.
        for (String header : new String[] {"P1 9921 7016 ", "P4 9921 7016\n", "P4 7016 9921\n\u00ff"}) {
            byte[] bytes = header.getBytes(StandardCharsets.ISO_8859_1);
            assertThatThrownBy(() -> read(bytes)).as(header).isInstanceOf(PbmFormatException.class)
                    .hasMessageContaining("ends");
            assertThat(AllocationMeter.bytesAllocatedBy(() -> read(bytes))).as(header).isLessThan(1L << 20);
        }
    }

    @Test
    void aHeaderAloneCostsNoMoreThanItsBytesUnderTheLargestLimits() throws Exception {
        for (String header : new String[] {"P1 2147483647 1 0", "P4 2147483647 1\n\u00ff", "P4 1 2147483639\n\u00ff",
            "P4 65536 65536\n"}) {
            byte[] bytes = header.getBytes(StandardCharsets.ISO_8859_1);
            assertThatThrownBy(() -> Pbm.read(new ByteArrayInputStream(bytes), RleLimitsTest.LARGEST)).as(header)
                    .isInstanceOf(PbmFormatException.class).hasMessageContaining("ends");
            assertThat(AllocationMeter.bytesAllocatedBy(() -> Pbm.read(new ByteArrayInputStream(bytes),
                    RleLimitsTest.LARGEST))).as(header).isLessThan(1L << 20);
        }
    }

    @Test
    void readsAnImageWithNoColumnsAndManyRowsAtOnce() throws Exception {
        // Nothing to read for width 0, however many rows the header claims.
        assertThat(Pbm.read(new ByteArrayInputStream("P4 0 2147483647\n".getBytes(StandardCharsets.US_ASCII)),
                RleLimitsTest.LARGEST)).isEqualTo(new PackedBitImage(0, Integer.MAX_VALUE));
    }

    @Test
    void writingWithANullVariantIsTheCallersMistakeAndWritesNothing() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> Pbm.write(SampleImages.icon(), out, null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("variant");
        assertThat(out.size()).isZero();
    }

    @Test
    void aNullStreamIsTheCallersMistake() {
        assertThatThrownBy(() -> Pbm.read(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("in");
        assertThatThrownBy(() -> Pbm.read(new ByteArrayInputStream(new byte[0]), null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("limits");
    }

    @Test
    void mutatedFilesReadCleanlyOrThrowPbmFormatException() throws Exception {
        SplittableRandom random = new SplittableRandom(99);
        for (int round = 0; round < 5000; round++) {
            PackedBitImage image = ReferenceRle.random(random, random.nextInt(40), random.nextInt(5));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Pbm.write(image, out, random.nextBoolean() ? Pbm.Variant.P1 : Pbm.Variant.P4);
            byte[] bytes = out.toByteArray();
            if (bytes.length > 0) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            byte[] cut = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
            try {
                Pbm.read(new ByteArrayInputStream(cut), new RleLimits(1000, 1000, 100_000));
            } catch (PbmFormatException expected) {
                assertThat(expected.line()).isPositive();
            }
        }
    }
}
