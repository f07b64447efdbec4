package edu.ute.concurrency.rle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RleDecoderTest {
    private final RleDecoder decoder = Rle.decoder();

    private static byte[] bytes(String hex) {
        return HexFormat.ofDelimiter(" ").parseHex(hex);
    }

    @Test
    void decodesTheFormatTableExamples() throws Exception {
        assertThat(decoder.decode(bytes("02 83 05"), 10, 1)).isEqualTo(ReferenceRle.image("0011100000"));
        PackedBitImage white = decoder.decode(bytes("7F 7F 2E"), 300, 1);
        assertThat(white.blackPixelCount()).isZero();
        PackedBitImage black = decoder.decode(bytes("FF 83"), 130, 1);
        assertThat(black.blackPixelCount()).isEqualTo(130);
        PackedBitImage mixed = decoder.decode(bytes("7E 81 81"), 128, 1);
        assertThat(mixed.get(125, 0)).isFalse();
        assertThat(mixed.get(126, 0)).isTrue();
        assertThat(mixed.get(127, 0)).isTrue();
    }

    @Test
    void roundTripsThousandsOfRandomImages() throws Exception {
        SplittableRandom random = new SplittableRandom(2026);
        for (int trial = 0; trial < 3000; trial++) {
            PackedBitImage image = ReferenceRle.random(random, random.nextInt(300), random.nextInt(12));
            byte[] payload = Rle.encoder().encode(image);
            assertThat(decoder.decode(payload, image.width(), image.height())).as("trial %d", trial).isEqualTo(image);
        }
    }

    @Test
    void decodesRowRangesIntoOneImage() throws Exception {
        PackedBitImage image = ReferenceRle.random(new SplittableRandom(5), 333, 30);
        byte[] top = Rle.encoder().encodeRows(image, 0, 11);
        byte[] rest = Rle.encoder().encodeRows(image, 11, 30);
        PackedBitImage into = new PackedBitImage(333, 30);
        into.fill(3, 0, 333, true); // decoding overwrites whatever the rows held
        decoder.decodeRows(rest, 0, rest.length, into, 11, 30);
        decoder.decodeRows(top, 0, top.length, into, 0, 11);
        assertThat(into).isEqualTo(image);
    }

    @Test
    void rejectsZeroLengthRun() {
        assertThatThrownBy(() -> decoder.decode(bytes("02 80 08"), 10, 1))
                .isInstanceOf(RleFormatException.class).hasMessageContaining("zero-length run")
                .hasMessageContaining("offset 1")
                .satisfies(e -> assertThat(((RleFormatException) e).offset()).isEqualTo(1));
    }

    @Test
    void rejectsRunCrossingGroupBoundary() {
        // 120 white then a run of 10 would end at pixel 130, past the group edge at 127
        assertThatThrownBy(() -> decoder.decode(bytes("78 0A 7F"), 200, 1))
                .isInstanceOf(RleFormatException.class)
                .hasMessageContaining("crosses the group boundary at pixel 127").hasMessageContaining("offset 1");
    }

    @Test
    void rejectsRunCrossingRowBoundary() {
        assertThatThrownBy(() -> decoder.decode(bytes("05 06"), 10, 2))
                .isInstanceOf(RleFormatException.class)
                .hasMessageContaining("crosses the row boundary").hasMessageContaining("offset 1");
    }

    @Test
    void rejectsTruncatedPayload() {
        assertThatThrownBy(() -> decoder.decodeRows(bytes("0A 05"), 0, 2, new PackedBitImage(10, 2), 0, 2))
                .isInstanceOf(RleFormatException.class)
                .hasMessageContaining("truncated payload: row 1 ends at pixel 5").hasMessageContaining("offset 2");
    }

    @Test
    void rejectsTrailingBytes() {
        assertThatThrownBy(() -> decoder.decodeRows(bytes("0A 0A 01"), 0, 3, new PackedBitImage(10, 2), 0, 2))
                .isInstanceOf(RleFormatException.class)
                .hasMessageContaining("1 trailing bytes").hasMessageContaining("offset 2");
    }

    @Test
    void rejectsPayloadTooShortOrLongForTheSizeBeforeAllocating() {
        assertThatThrownBy(() -> decoder.decode(new byte[3], 7000, 9000))
                .isInstanceOf(RleFormatException.class).hasMessageContaining("cannot encode 7000x9000");
        assertThatThrownBy(() -> decoder.decode(new byte[30], 2, 2))
                .isInstanceOf(RleFormatException.class).hasMessageContaining("longer than any encoding");
    }

    @Test
    void rejectsDimensionsOverTheLimit() {
        assertThatThrownBy(() -> decoder.decode(new byte[0], 100_000, 1))
                .isInstanceOf(RleFormatException.class).hasMessageContaining("over the limit");
        RleDecoder tiny = Rle.decoder(new RleLimits(8, 8, 64));
        assertThatThrownBy(() -> tiny.decode(bytes("09"), 9, 1))
                .isInstanceOf(RleFormatException.class).hasMessageContaining("9x1 is over the limit");
    }

    @Test
    void offsetsOfRowRangesAreRelativeToTheirStart() {
        byte[] buf = bytes("AA BB 02 80 08");
        assertThatThrownBy(() -> decoder.decodeRows(buf, 2, 3, new PackedBitImage(10, 1), 0, 1))
                .isInstanceOf(RleFormatException.class)
                .satisfies(e -> assertThat(((RleFormatException) e).offset()).isEqualTo(1));
    }

    @Test
    void aNegativeSizeIsTheCallersMistakeNotCorruptData() {
        assertThatThrownBy(() -> decoder.decode(new byte[0], -1, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1x5");
        assertThatThrownBy(() -> decoder.decode(new byte[0], 5, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> decoder.wrap(new java.io.ByteArrayInputStream(new byte[0]), -1, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1x5");
        assertThatThrownBy(() -> decoder.decode(null, 5, 5)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("payload");
    }

    @Test
    void refusesATooShortPayloadForTheWidestRowBeforeAllocating() {
        RleDecoder largest = Rle.decoder(RleLimitsTest.LARGEST);
        assertThatThrownBy(() -> largest.decode(new byte[] {0x7F}, Integer.MAX_VALUE, 1))
                .isInstanceOf(RleFormatException.class).hasMessageContaining("at least 16909321 needed");
        // Not the 256 MiB row the header describes.
        assertThat(AllocationMeter.bytesAllocatedBy(() -> largest.decode(new byte[] {0x7F}, Integer.MAX_VALUE, 1)))
                .isLessThan(1L << 20);
    }

    @Test
    void acceptsWidthZeroWithAnyHeight() throws Exception {
        assertThat(decoder.decode(new byte[0], 0, 5)).isEqualTo(new PackedBitImage(0, 5));
        assertThat(decoder.decode(new byte[0], 7, 0)).isEqualTo(new PackedBitImage(7, 0));
    }
    @Test
    void errorsInsideARowRangeAreReportedRelativeToItsStart() {
        // Two bytes of something else first: the range's own offsets 1 and 2 are array offsets 3 and 4.
        byte[] crossing = bytes("AA BB 78 0A 7F");
        assertThatThrownBy(() -> decoder.decodeRows(crossing, 2, 3, new PackedBitImage(200, 1), 0, 1))
                .isInstanceOf(RleFormatException.class)
                .hasMessageContaining("run of 10 pixels at pixel 120 of row 0 crosses the group boundary at pixel 127")
                .satisfies(e -> assertThat(((RleFormatException) e).offset()).isEqualTo(1));
        byte[] trailing = bytes("AA BB 0A 0A 01");
        assertThatThrownBy(() -> decoder.decodeRows(trailing, 2, 3, new PackedBitImage(10, 2), 0, 2))
                .isInstanceOf(RleFormatException.class).hasMessageContaining("1 trailing bytes")
                .satisfies(e -> assertThat(((RleFormatException) e).offset()).isEqualTo(2));
    }

    @Test
    void enforcesTheLimitsItWasMadeWith() {
        RleLimits limits = new RleLimits(8, 8, 64);
        assertThat(Rle.decoder(limits).limits()).isSameAs(limits);
        assertThat(Rle.decoder().limits()).isEqualTo(RleLimits.DEFAULT);
    }
}
