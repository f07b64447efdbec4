package edu.ute.concurrency.rle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PackedBitImageTest {

    @Test
    void setAndGetEveryPixelOfAnOddSize() {
        PackedBitImage image = new PackedBitImage(131, 3);
        image.set(0, 0, true);
        image.set(63, 1, true);
        image.set(64, 1, true);
        image.set(130, 2, true);
        assertThat(image.blackPixelCount()).isEqualTo(4);
        assertThat(image.get(63, 1)).isTrue();
        assertThat(image.get(65, 1)).isFalse();
        image.set(63, 1, false);
        assertThat(image.get(63, 1)).isFalse();
        assertThat(image.word(1, 1)).isEqualTo(1L);
    }

    @Test
    void fillMatchesPixelByPixelSetting() {
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 2000; trial++) {
            int width = 1 + random.nextInt(300);
            PackedBitImage filled = ReferenceRle.random(random, width, 1);
            PackedBitImage expected = filled.copy();
            int from = random.nextInt(width + 1);
            int to = from + random.nextInt(width - from + 1);
            boolean black = random.nextBoolean();
            filled.fill(0, from, to, black);
            for (int x = from; x < to; x++) {
                expected.set(x, 0, black);
            }
            assertThat(filled).isEqualTo(expected);
        }
    }

    @Test
    void paddingBitsNeverLeakIntoEquality() {
        PackedBitImage a = new PackedBitImage(70, 1);
        PackedBitImage b = new PackedBitImage(70, 1);
        a.setRow(0, new long[] {5L, -1L});   // bits past x = 69 are dropped
        b.setRow(0, new long[] {5L, 0x3FL});
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    }

    @Test
    void allowsEmptyImages() {
        assertThat(new PackedBitImage(0, 0).pixelCount()).isZero();
        assertThat(new PackedBitImage(0, 7)).isEqualTo(new PackedBitImage(0, 7)).isNotEqualTo(new PackedBitImage(0, 6));
    }

    @Test
    void rowCopiesRefuseAShortArrayWithAMessage() {
        PackedBitImage image = new PackedBitImage(200, 2);
        assertThatThrownBy(() -> image.copyRow(0, new long[3])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 words").hasMessageContaining("width 200 needs 4");
        assertThatThrownBy(() -> image.setRow(0, new long[3])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 words").hasMessageContaining("width 200 needs 4");
        assertThatThrownBy(() -> image.setRow(0, null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("src");
        assertThatThrownBy(() -> PackedBitImage.wordsFor(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }

    @Test
    void rejectsOutOfRangePixelsAndSizes() {
        PackedBitImage image = new PackedBitImage(10, 10);
        assertThatThrownBy(() -> image.get(10, 0)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("(10, 0) outside 10x10");
        assertThatThrownBy(() -> new PackedBitImage(-1, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PackedBitImage(Integer.MAX_VALUE, Integer.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too large");
    }
    @Test
    void pixelsJustOutsideTheImageAreRefusedByGetAndSetAndChangeNothing() {
        // x = 10 of a 10-pixel row would land in the row's padding bits, y = 10 past the array.
        PackedBitImage image = new PackedBitImage(10, 10);
        for (int[] p : new int[][] {{10, 0}, {0, 10}, {-1, 0}, {0, -1}}) {
            String where = "(" + p[0] + ", " + p[1] + ") outside 10x10";
            assertThatThrownBy(() -> image.get(p[0], p[1])).isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessageContaining(where);
            assertThatThrownBy(() -> image.set(p[0], p[1], true)).isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessageContaining(where);
        }
        assertThat(image).isEqualTo(new PackedBitImage(10, 10));
        assertThat(image.word(0, 0)).isZero();
    }

    @Test
    void describesItselfBySizeAndBlackPixels() {
        PackedBitImage image = ReferenceRle.image("0110", "0001");
        assertThat(image.pixelCount()).isEqualTo(8);
        assertThat(new PackedBitImage(70_000, 3).pixelCount()).isEqualTo(210_000);
        assertThat(image).hasToString("PackedBitImage[4x2, 3 black]");
    }
}
