package edu.ute.concurrency.rle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CourseRleFileTest {

    @Test
    void writesTheDocumentedLayout() {
        // Width 10 and height 1 as u16 little-endian, then the runs with 1 = white: row 0011100000
        // (1 = black in memory) is stored as 1100011111, two white, three black, five white.
        byte[] file = CourseRleFile.encode(ReferenceRle.image("0011100000"));
        assertThat(HexFormat.ofDelimiter(" ").formatHex(file)).isEqualTo("0a 00 01 00 82 03 85");
    }

    @Test
    void readsSidesAsUnsignedLittleEndian() throws Exception {
        // 300 x 2 all black: 2C 01 02 00, then per row the white-is-1 runs 7F 7F 2E (all "0" there).
        byte[] file = HexFormat.ofDelimiter(" ").parseHex("2c 01 02 00 7f 7f 2e 7f 7f 2e");
        PackedBitImage image = CourseRleFile.decode(file);
        assertThat(image.width()).isEqualTo(300);
        assertThat(image.blackPixelCount()).isEqualTo(600);
        byte[] widest = HexFormat.ofDelimiter(" ").parseHex("ff ff 00 00");
        assertThat(CourseRleFile.decode(widest, new RleLimits(0xFFFF, 0xFFFF, 1L << 32)))
                .isEqualTo(new PackedBitImage(0xFFFF, 0));
    }

    @Test
    void roundTrips() throws Exception {
        SplittableRandom random = new SplittableRandom(6);
        for (int trial = 0; trial < 300; trial++) {
            PackedBitImage image = ReferenceRle.random(random, random.nextInt(300), random.nextInt(8));
            assertThat(CourseRleFile.decode(CourseRleFile.encode(image))).isEqualTo(image);
        }
    }

    @Test
    void reportsErrorsWithFileOffsets() {
        byte[] file = HexFormat.ofDelimiter(" ").parseHex("0a 00 01 00 82 00 85");
        assertThatThrownBy(() -> CourseRleFile.decode(file)).isInstanceOf(RleFormatException.class)
                .hasMessageContaining("zero-length run")
                .satisfies(e -> assertThat(((RleFormatException) e).offset()).isEqualTo(5));
        assertThatThrownBy(() -> CourseRleFile.decode(new byte[3])).isInstanceOf(RleFormatException.class)
                .hasMessageContaining("truncated");
    }
    @Test
    void holdsSidesOfExactly65535PixelsAndRefusesOneMore() throws Exception {
        RleLimits wide = new RleLimits(0xFFFF, 0xFFFF, 1L << 32);
        for (PackedBitImage image : new PackedBitImage[] {SampleImages.checkerboard(0xFFFF, 1),
                SampleImages.checkerboard(1, 0xFFFF)}) {
            assertThat(CourseRleFile.decode(CourseRleFile.encode(image), wide)).isEqualTo(image);
        }
        for (PackedBitImage image : new PackedBitImage[] {new PackedBitImage(0x10000, 1), new PackedBitImage(1, 0x10000)}) {
            assertThatThrownBy(() -> CourseRleFile.encode(image)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("at most 65535 pixels a side");
        }
    }

    @Test
    void aSizeOverTheLimitsIsReportedAtTheHeaderAndBadRunsAtTheirFileOffset() {
        byte[] file = CourseRleFile.encode(SampleImages.checkerboard(20, 1));
        assertThatThrownBy(() -> CourseRleFile.decode(file, new RleLimits(10, 10, 100)))
                .isInstanceOf(RleFormatException.class).hasMessageContaining("20x1 is over the limit")
                .satisfies(e -> assertThat(((RleFormatException) e).offset()).isZero());
        file[4] = 0; // the first run of the payload, at file offset 4
        assertThatThrownBy(() -> CourseRleFile.decode(file)).isInstanceOf(RleFormatException.class)
                .hasMessageContaining("zero-length run in row 0 at pixel 0")
                .satisfies(e -> assertThat(((RleFormatException) e).offset()).isEqualTo(4));
    }
}
