package edu.ute.concurrency.rle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CourseRleFileTest {

    @Test
    void writesWhatThePythonProgramWrites() {
        // Python: width.to_bytes(2, 'little'), height.to_bytes(2, 'little'), then compress_row of the
        // PIL bits, where white pixels are 1. Row 0011100000 (1 = black here) is 1100011111 there.
        byte[] file = CourseRleFile.encode(ReferenceRle.image("0011100000"));
        assertThat(HexFormat.ofDelimiter(" ").formatHex(file)).isEqualTo("0a 00 01 00 82 03 85");
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
