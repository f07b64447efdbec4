package edu.ute.concurrency.rle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
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
                .hasMessageContaining("raster ends in row 2 of 3 (1 of 2 bytes)").hasMessageContaining("byte offset 12")
                .satisfies(e -> assertThat(((PbmFormatException) e).offset()).isEqualTo(12));
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
    private static final RleLimits WIDE = new RleLimits(1 << 20, 1 << 20, 1L << 36);

    private static PbmFormatException readFailure(byte[] bytes) {
        try {
            Pbm.read(new ByteArrayInputStream(bytes), WIDE);
        } catch (PbmFormatException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError("expected a PbmFormatException, got " + e, e);
        }
        throw new AssertionError("expected a PbmFormatException, read the image");
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void readsRawRowsWiderThanOneReadChunk() throws Exception {
        // 70,000 pixels make 8,750 bytes a row: more than the 8 KiB the reader takes at a time.
        PackedBitImage image = ReferenceRle.random(new SplittableRandom(70), 70_000, 3);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Pbm.write(image, out, Pbm.Variant.P4);
        byte[] bytes = out.toByteArray();
        assertThat(Pbm.read(new ByteArrayInputStream(bytes), WIDE)).isEqualTo(image);
        // Cut 8 bytes into the second chunk of row 1: the message counts the bytes of the row it got.
        int header = "P4\n70000 3\n".length();
        int cut = header + 8750 + 8192 + 8;
        PbmFormatException e = readFailure(java.util.Arrays.copyOf(bytes, cut));
        assertThat(e).hasMessageContaining("raster ends in row 1 of 3 (8200 of 8750 bytes)");
        assertThat(e.offset()).isEqualTo(cut);
    }

    @Test
    void readsFromAStreamThatCannotMarkAndReset() throws Exception {
        // A socket or a pipe: the header's numbers are read one byte past their end.
        byte[] bytes = ascii("P1 3 2\n101\n010\n");
        InputStream plain = new InputStream() {
            private int next;

            @Override
            public int read() {
                return next < bytes.length ? bytes[next++] & 0xFF : -1;
            }
        };
        assertThat(plain.markSupported()).isFalse();
        assertThat(Pbm.read(plain)).isEqualTo(ReferenceRle.image("101", "010"));
    }

    @Test
    void namesUnprintableBytesByTheirValueAtTheirOffset() {
        // A NUL is a byte like any other (not the end of the file), and DEL is not printable.
        PbmFormatException nulPixel = readFailure(ascii("P1 2 1\n1\0"));
        assertThat(nulPixel).hasMessageContaining("expected 0 or 1 for pixel (1, 0), found byte 0x00");
        assertThat(nulPixel.offset()).isEqualTo(8);
        assertThat(readFailure(ascii("P1 2 1\n1\u007f"))).hasMessageContaining("found byte 0x7F");
        PbmFormatException nulWidth = readFailure(ascii("P1 \0"));
        assertThat(nulWidth).hasMessageContaining("expected the width (a decimal number), found byte 0x00");
        assertThat(nulWidth.offset()).isEqualTo(3);
        PbmFormatException nulSeparator = readFailure(ascii("P4 8 1\0\u00ff"));
        assertThat(nulSeparator).hasMessageContaining("expected one whitespace character after the height, found byte 0x00");
        assertThat(nulSeparator.offset()).isEqualTo(6);
    }

    @Test
    void countsEveryDigitOfTheHeaderInErrorOffsets() {
        // Digits 0 and 9 at both ends of the range; the error is at the 'x', byte 13.
        PbmFormatException e = readFailure(ascii("P1\n9090 1009\nx"));
        assertThat(e).hasMessageContaining("found 'x'");
        assertThat(e.offset()).isEqualTo(13);
        assertThat(e.line()).isEqualTo(3);
    }

    @Test
    void reportsAnOversizedSideAtTheDigitThatCrossesTheLimit() {
        // 99999 against the default 9921: the fourth digit (9999, byte 6) is already over.
        assertThatThrownBy(() -> read("P1 99999 1\n")).isInstanceOf(PbmFormatException.class)
                .hasMessageContaining("width is over the limit of 9921")
                .satisfies(e -> assertThat(((PbmFormatException) e).offset()).isEqualTo(6));
    }

    @Test
    void aCommentRunsToTheEndOfItsLineWhateverItHolds() throws Exception {
        assertThat(read("P1 # \0 and \u00ff are comment too\n2 1 10")).isEqualTo(ReferenceRle.image("10"));
    }

    @Test
    void aPlainRasterThatStopsEarlyCostsMemoryForThePixelsItHeld() {
        // The header claims 10^6 x 10^3 pixels (125 MB packed); the file holds one row's first 200,001
        // pixels, the last one black. The raster grows with what arrives (25 KB of words, in a first
        // step of 64 KiB), not with how far into a row a pixel lies.
        byte[] bytes = ascii("P1 1000000 1000\n" + "0".repeat(200_000) + "1");
        AllocationMeter.Measurement read = AllocationMeter.measure(() -> Pbm.read(new ByteArrayInputStream(bytes), WIDE));
        assertThat(read.thrown()).isInstanceOf(PbmFormatException.class).hasMessageContaining("raster ends at pixel (200001, 0)");
        assertThat(read.bytes()).isLessThan(1L << 20);
    }
}
