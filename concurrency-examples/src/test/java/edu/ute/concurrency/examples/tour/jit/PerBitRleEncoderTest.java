package edu.ute.concurrency.examples.tour.jit;

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
}
