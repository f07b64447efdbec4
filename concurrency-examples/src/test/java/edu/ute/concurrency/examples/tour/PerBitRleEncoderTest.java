package edu.ute.concurrency.examples.tour;

import static org.assertj.core.api.Assertions.assertThat;

import edu.ute.concurrency.rle.PackedBitImage;
import edu.ute.concurrency.rle.Rle;
import edu.ute.concurrency.rle.SampleImages;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerBitRleEncoderTest {

    @Test
    void producesTheBytesOfTheWordAtATimeEncoder() {
        List<PackedBitImage> images = List.of(
                SampleImages.textPage(75, 3),
                SampleImages.noise(301, 17, 0.5, 11),
                SampleImages.noise(127, 5, 0.02, 12),
                SampleImages.checkerboard(255, 4),
                SampleImages.blank(128, 3),
                SampleImages.blank(1000, 2),
                SampleImages.icon(),
                new PackedBitImage(0, 4),
                new PackedBitImage(5, 0));
        for (PackedBitImage image : images) {
            assertThat(PerBitRleEncoder.encode(image)).as(image.toString()).isEqualTo(Rle.encoder().encode(image));
        }
    }

    @Test
    void encodesRowRangesLikeTheLibrary() {
        PackedBitImage page = SampleImages.textPage(75, 8);
        assertThat(PerBitRleEncoder.encodeRows(page, 100, 180)).isEqualTo(Rle.encoder().encodeRows(page, 100, 180));
    }

    @Test
    void timingRunChecksEveryPageAgainstTheReference() {
        PageBatch batch = PageBatch.textPages(2, 50);
        List<byte[]> expected = batch.encodeSequentially();
        assertThat(Tour02_JitVersusPerBitLoop.time("per-bit", PerBitRleEncoder::encode, batch, expected, 2).sameBytes()).isTrue();
        // A wrong reference must be noticed, or "same bytes: yes" would prove nothing.
        List<byte[]> wrong = List.of(expected.get(1), expected.get(0));
        assertThat(Tour02_JitVersusPerBitLoop.time("per-bit", PerBitRleEncoder::encode, batch, wrong, 1).sameBytes()).isFalse();
    }
}
