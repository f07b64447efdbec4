package edu.ute.concurrency.rle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Mutates valid inputs many thousands of times (bit flips, truncation, insertion, byte overwrites)
 * and accepts exactly two outcomes: a clean decode, or the documented exception. Anything else (an
 * ArrayIndexOutOfBoundsException, an OutOfMemoryError, a hang) fails.
 */
class RleFuzzTest {
    private static final int ROUNDS = 20_000;

    @Test
    void mutatedFilesDecodeCleanlyOrThrowRleFormatException() {
        SplittableRandom random = new SplittableRandom(424242);
        int rejected = 0;
        for (int round = 0; round < ROUNDS; round++) {
            PackedBitImage image = ReferenceRle.random(random, random.nextInt(200), random.nextInt(12));
            byte[] valid = RleFile.encode(image, 1 + random.nextInt(8));
            byte[] mutated = mutate(random, valid);
            try {
                PackedBitImage decoded = RleFile.parse(mutated, new RleLimits(4096, 4096, 1 << 20)).decode();
                // Whatever was accepted is a real image that round-trips.
                assertThat(RleFile.parse(RleFile.encode(decoded)).decode()).isEqualTo(decoded);
            } catch (RleFormatException expected) {
                rejected++;
                assertThat(expected.getMessage()).contains("offset");
            }
        }
        assertThat(rejected).as("most mutations are caught by a checksum or a bound").isGreaterThan(ROUNDS / 2);
    }

    @Test
    void mutatedPayloadsDecodeCleanlyOrThrowRleFormatException() {
        // Without the file's checksums the decoder itself must catch every structural error.
        SplittableRandom random = new SplittableRandom(777);
        int accepted = 0;
        for (int round = 0; round < ROUNDS; round++) {
            PackedBitImage image = ReferenceRle.random(random, 1 + random.nextInt(300), 1 + random.nextInt(6));
            byte[] mutated = mutate(random, Rle.encoder().encode(image));
            try {
                PackedBitImage decoded = Rle.decoder().decode(mutated, image.width(), image.height());
                accepted++;
                assertThat(decoded.width()).isEqualTo(image.width());
            } catch (RleFormatException expected) {
                assertThat(expected.offset()).isBetween(-1L, (long) mutated.length);
            }
        }
        assertThat(accepted).as("some mutations stay valid (a flipped colour bit)").isPositive();
    }

    private static byte[] mutate(SplittableRandom random, byte[] valid) {
        byte[] m = valid.clone();
        switch (random.nextInt(5)) {
            case 0 -> { // flip one bit
                if (m.length > 0) {
                    int i = random.nextInt(m.length);
                    m[i] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> m = Arrays.copyOf(m, random.nextInt(m.length + 1)); // truncate
            case 2 -> { // insert a random byte
                int at = random.nextInt(m.length + 1);
                byte[] n = new byte[m.length + 1];
                System.arraycopy(m, 0, n, 0, at);
                n[at] = (byte) random.nextInt(256);
                System.arraycopy(m, at, n, at + 1, m.length - at);
                m = n;
            }
            case 3 -> { // overwrite a few bytes
                for (int k = 0; k < 1 + random.nextInt(4) && m.length > 0; k++) {
                    m[random.nextInt(m.length)] = (byte) random.nextInt(256);
                }
            }
            default -> { // delete a byte
                if (m.length > 0) {
                    int at = random.nextInt(m.length);
                    byte[] n = new byte[m.length - 1];
                    System.arraycopy(m, 0, n, 0, at);
                    System.arraycopy(m, at + 1, n, at, m.length - at - 1);
                    m = n;
                }
            }
        }
        return m;
    }
}
