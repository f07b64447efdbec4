package edu.ute.concurrency.rle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RleEncoderTest {
    private final RleEncoder encoder = Rle.encoder();

    @Test
    void encodesTheFormatTableExample() {
        assertThat(ReferenceRle.hex(encoder.encode(ReferenceRle.image("0011100000")))).isEqualTo("02 83 05");
    }

    @ParameterizedTest(name = "{0} white then {1} black, then {2} white -> {3}")
    @CsvSource({
        "300, 0, 0, 7F 7F 2E",
        "0, 130, 0, FF 83",
        "126, 2, 0, 7E 81 81",
        "127, 0, 0, 7F",
        "0, 127, 0, FF",
        "0, 128, 0, FF 81",
        "127, 127, 0, 7F FF",
        "1, 0, 0, 01",
        "0, 1, 0, 81",
        "0, 0, 0, ''",
    })
    void encodesGoldenRows(int white, int black, int whiteAfter, String expected) {
        PackedBitImage row = new PackedBitImage(white + black + whiteAfter, 1);
        row.fill(0, white, white + black, true);
        assertThat(ReferenceRle.hex(encoder.encode(row))).isEqualTo(expected);
    }

    @Test
    void eachRowStartsItsOwnRun() {
        PackedBitImage image = ReferenceRle.image("0011", "1100");
        assertThat(ReferenceRle.hex(encoder.encode(image))).isEqualTo("02 82 82 02");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 63, 64, 65, 126, 127, 128, 129, 191, 192, 253, 254, 255, 256, 381, 1000, 127 * 64})
    void matchesTheReferenceAtEveryBoundaryWidth(int width) { // 127 * 64: a group ends exactly at the row's last word
        SplittableRandom random = new SplittableRandom(width);
        for (int height : new int[] {0, 1, 3}) {
            for (int trial = 0; trial < 40; trial++) {
                PackedBitImage image = ReferenceRle.random(random, width, height);
                assertThat(encoder.encode(image)).as("width %d height %d trial %d", width, height, trial)
                        .isEqualTo(ReferenceRle.encode(image));
            }
            // uniform rows, and a change exactly at every group edge
            PackedBitImage black = new PackedBitImage(width, height);
            PackedBitImage edges = new PackedBitImage(width, height);
            for (int y = 0; y < height; y++) {
                black.fill(y, 0, width, true);
                for (int x = 127; x < width; x += 254) {
                    edges.fill(y, x, Math.min(x + 127, width), true);
                }
            }
            assertThat(encoder.encode(black)).isEqualTo(ReferenceRle.encode(black));
            assertThat(encoder.encode(edges)).isEqualTo(ReferenceRle.encode(edges));
            assertThat(encoder.encode(new PackedBitImage(width, height)))
                    .isEqualTo(ReferenceRle.encode(new PackedBitImage(width, height)));
        }
    }

    @Test
    void encodedLengthIsExact() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 500; trial++) {
            PackedBitImage image = ReferenceRle.random(random, random.nextInt(400), random.nextInt(6));
            assertThat(encoder.encodedLength(image, 0, image.height())).isEqualTo(ReferenceRle.encode(image).length);
        }
    }

    @Test
    void rowRangesConcatenateToTheWhole() {
        SplittableRandom random = new SplittableRandom(12);
        for (int trial = 0; trial < 300; trial++) {
            PackedBitImage image = ReferenceRle.random(random, random.nextInt(300), random.nextInt(20));
            int cut1 = random.nextInt(image.height() + 1);
            int cut2 = cut1 + random.nextInt(image.height() - cut1 + 1);
            byte[] a = encoder.encodeRows(image, 0, cut1);
            byte[] b = encoder.encodeRows(image, cut1, cut2);
            byte[] c = encoder.encodeRows(image, cut2, image.height());
            byte[] joined = new byte[a.length + b.length + c.length];
            System.arraycopy(a, 0, joined, 0, a.length);
            System.arraycopy(b, 0, joined, a.length, b.length);
            System.arraycopy(c, 0, joined, a.length + b.length, c.length);
            assertThat(joined).isEqualTo(encoder.encode(image));
        }
    }

    @Test
    void encodesIntoASharedBufferAtAnOffset() {
        PackedBitImage image = ReferenceRle.random(new SplittableRandom(3), 500, 40);
        byte[] whole = encoder.encode(image);
        byte[] shared = new byte[whole.length + 10];
        int top = (int) encoder.encodedLength(image, 0, 17);
        int n1 = encoder.encodeRows(image, 17, 40, shared, 5 + top); // the second range first: order is free
        int n0 = encoder.encodeRows(image, 0, 17, shared, 5);
        assertThat(n0 + n1).isEqualTo(whole.length);
        assertThat(java.util.Arrays.copyOfRange(shared, 5, 5 + whole.length)).isEqualTo(whole);
    }

    @Test
    void refusesABufferThatIsTooSmallBeforeWriting() {
        PackedBitImage image = SampleImages.checkerboard(100, 2);
        byte[] small = new byte[199];
        assertThatThrownBy(() -> encoder.encodeRows(image, 0, 2, small, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("need 200 bytes");
        assertThat(small).containsOnly(0);
    }

    @Test
    void groupsPerRowIsExactUpToTheLargestWidth() {
        assertThat(Rle.groupsPerRow(0)).isZero();
        assertThat(Rle.groupsPerRow(127)).isEqualTo(1);
        assertThat(Rle.groupsPerRow(128)).isEqualTo(2);
        // (width + 126) / 127 overflowed here and gave -16,909,319.
        assertThat(Rle.groupsPerRow(Integer.MAX_VALUE)).isEqualTo(16_909_321);
        assertThat(Rle.groupsPerRow(Integer.MAX_VALUE - 7)).isEqualTo(16_909_320);
    }

    @Test
    void sizeFunctionsRefuseNegativeArguments() {
        assertThatThrownBy(() -> Rle.groupsPerRow(-5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-5");
        assertThatThrownBy(() -> RleEncoder.maxEncodedLength(-1, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> RleEncoder.maxEncodedLength(5, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        assertThat(RleEncoder.maxEncodedLength(Integer.MAX_VALUE, Integer.MAX_VALUE))
                .isEqualTo((long) Integer.MAX_VALUE * Integer.MAX_VALUE);
    }

    @Test
    void worstCaseIsOneBytePerPixel() {
        PackedBitImage board = SampleImages.checkerboard(255, 4);
        assertThat(encoder.encode(board)).hasSize((int) RleEncoder.maxEncodedLength(255, 4));
    }
    @Test
    void fillsABufferOfExactlyTheRightSizeAtANonZeroOffset() {
        PackedBitImage image = ReferenceRle.random(new SplittableRandom(13), 300, 9);
        byte[] whole = encoder.encode(image);
        byte[] exact = new byte[7 + whole.length];
        assertThat(encoder.encodeRows(image, 0, 9, exact, 7)).isEqualTo(whole.length);
        assertThat(java.util.Arrays.copyOfRange(exact, 7, exact.length)).isEqualTo(whole);
        assertThat(java.util.Arrays.copyOf(exact, 7)).containsOnly(0);
    }

    @Test
    void refusesTooLittleRoomAfterANonZeroOffsetBeforeWriting() {
        PackedBitImage image = SampleImages.checkerboard(100, 2); // 200 bytes
        byte[] buffer = new byte[250];
        assertThatThrownBy(() -> encoder.encodeRows(image, 0, 2, buffer, 51))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("need 200 bytes, only 199 left");
        assertThat(buffer).containsOnly(0);
        assertThatThrownBy(() -> encoder.encodeRows(image, 0, 2, buffer, 251)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void anImageWithNoColumnsEncodesToNothingAtAnyOffset() {
        PackedBitImage empty = new PackedBitImage(0, 5);
        assertThat(encoder.encodeRows(empty, 0, 5, new byte[3], 3)).isZero();
        assertThat(encoder.encode(empty)).isEmpty();
    }
}
