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
}
