package edu.ute.concurrency.rle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The limits themselves, then the property they exist for: under any limits the API accepts, from tiny
 * to the largest, a forged header (sizes chosen at and around every boundary, checksums recomputed so
 * that readers reason about the numbers) gets only the documented exception, and costs memory in
 * proportion to the bytes really given, never to the sizes claimed. Each failure message carries the
 * input in hex; the seeds are fixed, so a failure replays.
 */
class RleLimitsTest {
    /** The largest limits the constructor accepts: every side up to 2^31-1, as many pixels as one image holds. */
    static final RleLimits LARGEST = new RleLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, PackedBitImage.MAX_WORDS * 64);

    @Test
    void acceptsUpToWhatOneImageHoldsAndNoMore() {
        RleLimits largest = new RleLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, PackedBitImage.MAX_WORDS * 64);
        assertThat(largest).isEqualTo(LARGEST);
        assertThat(largest.maxPixels()).isEqualTo(PackedBitImage.MAX_WORDS * 64);
        assertThatThrownBy(() -> new RleLimits(1, 1, PackedBitImage.MAX_WORDS * 64 + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds");
        assertThatThrownBy(() -> new RleLimits(-1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void zeroLimitsAdmitOnlyImagesWithoutPixels() throws Exception {
        RleLimits none = new RleLimits(0, 0, 0);
        none.check(0, 0, 0);
        assertThatThrownBy(() -> none.check(1, 0, 0)).isInstanceOf(RleFormatException.class);
        assertThatThrownBy(() -> none.check(0, 1, 0)).isInstanceOf(RleFormatException.class);
        assertThatThrownBy(() -> new RleLimits(0, -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RleLimits(0, 0, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checksSizesAgainstEveryLimit() throws Exception {
        RleLimits limits = new RleLimits(100, 50, 1000);
        limits.check(100, 10, 0);
        limits.check(0, 50, 0);
        assertThatThrownBy(() -> limits.check(101, 1, 8)).isInstanceOf(RleFormatException.class)
                .hasMessageContaining("101x1 is over the limit").hasMessageContaining("offset 8");
        assertThatThrownBy(() -> limits.check(1, 51, 8)).isInstanceOf(RleFormatException.class);
        assertThatThrownBy(() -> limits.check(100, 11, 8)).isInstanceOf(RleFormatException.class);
    }

    @Test
    void aNegativeSizeIsTheCallersMistakeNotCorruptData() {
        assertThatThrownBy(() -> RleLimits.DEFAULT.check(-1, 5, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1x5");
        assertThatThrownBy(() -> RleLimits.DEFAULT.check(5, -1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLargestLimitsStillRefuseWhatNoImageCanHold() {
        // 2^31-1 square passes each side but not the pixel count; a full-width row of 2^31-1 pixels
        // needs 2^25 words a row, so 64 of them exceed one array.
        assertThatThrownBy(() -> LARGEST.check(Integer.MAX_VALUE, Integer.MAX_VALUE, 8))
                .isInstanceOf(RleFormatException.class).hasMessageContaining("over the limit");
        assertThatThrownBy(() -> LARGEST.check(Integer.MAX_VALUE, 64, 8)).isInstanceOf(RleFormatException.class);
    }

    // ---------------------------------------------------------------------------------------------
    // Forged headers under every limit

    private static final List<RleLimits> EVERY_LIMIT = List.of(new RleLimits(300, 300, 20_000), RleLimits.DEFAULT,
            new RleLimits(1 << 20, 1 << 20, 1L << 36), LARGEST);

    /**
     * What a reader may allocate besides what is proportional to its input: stream buffers, a first
     * growth step, exception messages. A forged header used to cost megabytes to gigabytes.
     */
    private static final long SLACK = 1L << 20;

    /**
     * Bytes a reader may allocate per byte of input: a decoded image takes at most 16 bytes per payload
     * byte (127 pixels a byte, or one word per row of a narrow image), twice while an array doubles.
     */
    private static final long PER_INPUT_BYTE = 64;

    @TempDir
    Path dir;

    @Test
    void forgedRleFilesGetOnlyRleFormatExceptionAndCostOnlyTheirBytes() {
        SplittableRandom random = new SplittableRandom(1501);
        Outcomes outcomes = new Outcomes();
        for (RleLimits limits : EVERY_LIMIT) {
            for (int round = 0; round < 2000; round++) {
                byte[] file = random.nextInt(8) == 0 ? validRleFile(random) : forgedRleFile(random, limits);
                outcomes.add(assertContained(limits, file, RleFormatException.class, SLACK + PER_INPUT_BYTE * file.length,
                        () -> RleFile.parse(file, limits).decode()));
            }
        }
        outcomes.assertBoth();
    }

    @Test
    void forgedPbmFilesGetOnlyPbmFormatExceptionAndCostOnlyTheirBytes() {
        SplittableRandom random = new SplittableRandom(1502);
        Outcomes outcomes = new Outcomes();
        for (RleLimits limits : EVERY_LIMIT) {
            for (int round = 0; round < 1500; round++) {
                byte[] file = forgedPbm(random, limits);
                outcomes.add(assertContained(limits, file, PbmFormatException.class, SLACK + PER_INPUT_BYTE * file.length,
                        () -> Pbm.read(new ByteArrayInputStream(file), limits)));
            }
        }
        outcomes.assertBoth();
    }

    @Test
    void forgedCourseLayoutFilesGetOnlyRleFormatExceptionAndCostOnlyTheirBytes() {
        SplittableRandom random = new SplittableRandom(1503);
        Outcomes outcomes = new Outcomes();
        for (RleLimits limits : EVERY_LIMIT) {
            for (int round = 0; round < 1500; round++) {
                byte[] payload = payload(random);
                byte[] file = new byte[4 + payload.length];
                int width = u16(random);
                int height = u16(random);
                file[0] = (byte) width;
                file[1] = (byte) (width >>> 8);
                file[2] = (byte) height;
                file[3] = (byte) (height >>> 8);
                System.arraycopy(payload, 0, file, 4, payload.length);
                outcomes.add(assertContained(limits, file, RleFormatException.class, SLACK + PER_INPUT_BYTE * file.length,
                        () -> CourseRleFile.decode(file, limits)));
            }
        }
        outcomes.assertBoth();
    }

    @Test
    void forgedSizesBesideAPayloadGetOnlyRleFormatExceptionAndCostOnlyTheirBytes() {
        SplittableRandom random = new SplittableRandom(1504);
        Outcomes outcomes = new Outcomes();
        for (RleLimits limits : EVERY_LIMIT) {
            RleDecoder decoder = Rle.decoder(limits);
            for (int round = 0; round < 1500; round++) {
                byte[] payload = payload(random);
                int width = (int) Math.min(side(random, limits), Integer.MAX_VALUE);
                int height = (int) Math.min(side(random, limits), Integer.MAX_VALUE);
                outcomes.add(assertContained(limits, payload, RleFormatException.class, SLACK + PER_INPUT_BYTE * payload.length,
                        () -> decoder.decode(payload, width, height)));
                // The streaming reader, into a row array the caller owns (so only for rows a test can hold).
                long[] row = width <= 1 << 16 ? new long[PackedBitImage.wordsFor(width)] : null;
                outcomes.add(assertContained(limits, payload, RleFormatException.class, SLACK + PER_INPUT_BYTE * payload.length,
                        () -> {
                            try (RleRowReader reader = decoder.wrap(new ByteArrayInputStream(payload), width, height)) {
                                // Every row of width > 0 takes a byte: the payload runs out within its length.
                                for (int y = 0; row != null && y <= payload.length + 1 && reader.readRow(row); y++) {
                                    assertThat(reader.rowsRead()).isEqualTo(y + 1);
                                }
                            }
                        }));
            }
        }
        outcomes.assertBoth();
    }

    @Test
    void forgedImageIoHeadersGetOnlyIOExceptionAndCostOnlyWhatTheLimitsAdmit() throws IOException {
        SplittableRandom random = new SplittableRandom(1505);
        Outcomes outcomes = new Outcomes();
        Path file = dir.resolve("forged");
        ImageFiles.read(writeIcon()); // ImageIO's start-up is not any file's cost
        int[][] pngTypes = {{0, 1}, {0, 8}, {0, 16}, {2, 8}, {2, 16}, {3, 1}, {3, 8}, {4, 8}, {4, 16}, {6, 8}, {6, 16}};
        int[] channels = {1, 0, 3, 1, 2, 0, 4}; // samples a pixel, by PNG colour type (1 and 5 do not exist)
        for (RleLimits limits : EVERY_LIMIT) {
            for (int round = 0; round < 100; round++) {
                if (random.nextInt(6) == 0) { // a real image, to see the accepted side of the property too
                    PackedBitImage image = ReferenceRle.random(random, 1 + random.nextInt(200), 1 + random.nextInt(50));
                    String format = List.of("png", "gif", "bmp").get(random.nextInt(3));
                    ByteArrayOutputStream real = new ByteArrayOutputStream();
                    assertThat(javax.imageio.ImageIO.write(ImageFiles.toBufferedImage(image), format, real)).isTrue();
                    Files.write(file, real.toByteArray());
                    outcomes.add(assertContained(limits, real.toByteArray(), IOException.class,
                            4 * SLACK + 64L * image.pixelCount(), () -> ImageFiles.read(file, limits)));
                    continue;
                }
                boolean png = random.nextInt(3) > 0;
                long width = png ? Math.min(side(random, limits), Integer.MAX_VALUE) : u16(random);
                long height = png ? Math.min(side(random, limits), Integer.MAX_VALUE) : u16(random);
                if (random.nextInt(3) == 0 && width > 0) { // as many rows as the pixel limit allows: only bytes refuse
                    height = Math.min(Math.min(limits.maxHeight(), limits.maxPixels() / width), png ? Integer.MAX_VALUE : 0xFFFF);
                }
                int[] type = pngTypes[random.nextInt(pngTypes.length)];
                long bits = png ? (long) channels[type[0]] * type[1] : 1;
                // The library's promise, modelled independently: ImageIO decodes only what the limits admit.
                long raster = saturatingMultiply((width * bits + 7) / 8, height);
                boolean admitted = width > 0 && height > 0 && width <= limits.maxWidth() && height <= limits.maxHeight()
                        && saturatingMultiply(width, height) <= limits.maxPixels() && raster <= limits.maxPixels()
                        && raster <= Integer.MAX_VALUE - 8;
                if (admitted && raster > 16L << 20) {
                    continue; // admitted on purpose by generous limits: a real allocation, too slow for a unit test
                }
                byte[] bytes = png ? ForgedImages.png((int) width, (int) height, type[0], type[1])
                        : ForgedImages.truncatedGif((int) width, (int) height);
                Files.write(file, bytes);
                long budget = 4 * SLACK + PER_INPUT_BYTE * bytes.length
                        + (admitted ? raster + saturatingMultiply(width, height) / 8 + 16 * width : 0);
                outcomes.add(assertContained(limits, bytes, IOException.class, budget, () -> ImageFiles.read(file, limits)));
            }
        }
        outcomes.assertBoth();
    }

    /** Counts both outcomes, so that a generator that only ever produces one of them fails. */
    private static final class Outcomes {
        private int accepted;
        private int refused;

        void add(boolean wasAccepted) {
            if (wasAccepted) {
                accepted++;
            } else {
                refused++;
            }
        }

        void assertBoth() {
            assertThat(accepted).as("inputs accepted").isPositive();
            assertThat(refused).as("inputs refused").isPositive();
        }
    }

    private Path writeIcon() throws IOException {
        Path icon = dir.resolve("icon.png");
        ImageFiles.write(SampleImages.icon(), icon);
        return icon;
    }

    /**
     * Runs {@code read}; it may succeed or throw {@code documented}, nothing else, within {@code budget}
     * bytes. Returns whether it succeeded.
     */
    private static boolean assertContained(RleLimits limits, byte[] input, Class<? extends Exception> documented,
            long budget, AllocationMeter.Action read) {
        AllocationMeter.Measurement m = AllocationMeter.measure(read);
        String what = limits + ", input " + HexFormat.of().formatHex(input, 0, Math.min(input.length, 64));
        if (m.thrown() != null) {
            assertThat(m.thrown()).as(what).isInstanceOf(documented);
        }
        assertThat(m.bytes()).as(what).isLessThanOrEqualTo(budget);
        return m.thrown() == null;
    }

    /** A side at and around every boundary that matters: 0, a group, the limits, 2^28, 2^31 - 1, 2^32 - 1. */
    private static long side(SplittableRandom random, RleLimits limits) {
        return switch (random.nextInt(14)) {
            case 0 -> 0;
            case 1, 2 -> 1 + random.nextInt(300);
            case 3 -> limits.maxWidth();
            case 4 -> limits.maxWidth() + 1L;
            case 5 -> limits.maxHeight();
            case 6 -> limits.maxHeight() + 1L;
            case 7 -> Integer.MAX_VALUE;
            case 8 -> Integer.MAX_VALUE - 126 + random.nextInt(127);
            case 9 -> 1L << 28;
            case 10 -> 0xFFFFFFFFL;
            case 11 -> 127L * (1 + random.nextInt(1 << 24));
            case 12 -> 7016 + random.nextInt(3000);
            default -> random.nextLong(1L << 32);
        };
    }

    private static int u16(SplittableRandom random) {
        return switch (random.nextInt(6)) {
            case 0 -> 0;
            case 1, 2 -> 1 + random.nextInt(300);
            case 3 -> 0xFFFF;
            case 4 -> 7016 + random.nextInt(3000);
            default -> random.nextInt(0x10000);
        };
    }

    /** A few random bytes, or the valid encoding of a small random image (which may not fit the header). */
    private static byte[] payload(SplittableRandom random) {
        if (random.nextInt(4) == 0) {
            return Rle.encoder().encode(ReferenceRle.random(random, random.nextInt(300), random.nextInt(6)));
        }
        byte[] bytes = new byte[random.nextInt(65)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] validRleFile(SplittableRandom random) {
        return RleFile.encode(ReferenceRle.random(random, random.nextInt(300), random.nextInt(40)), 1 + random.nextInt(9));
    }

    /** A header of boundary values with a valid checksum, an index of up to 40 entries, and a short payload. */
    private static byte[] forgedRleFile(SplittableRandom random, RleLimits limits) {
        int blockRows = switch (random.nextInt(6)) {
            case 0 -> 0;
            case 1 -> 1;
            case 2 -> 64;
            case 3 -> 0xFFFF;
            default -> 1 + random.nextInt(0xFFFF);
        };
        long width = side(random, limits);
        long height = side(random, limits);
        long least = saturatingMultiply((width + 126) / 127, height);
        long most = saturatingMultiply(width, height);
        byte[] payload = payload(random);
        long payloadLength = switch (random.nextInt(12)) {
            case 0, 1, 2 -> payload.length; // what is really there: the payload checksum then matches too
            case 3 -> 0;
            case 4 -> least;
            case 5 -> least - 1;
            case 6 -> most;
            case 7 -> most + 1;
            case 8 -> -1;
            case 9 -> Long.MAX_VALUE;
            case 10 -> random.nextInt(65);
            default -> random.nextLong();
        };
        long blocks = blockRows == 0 ? random.nextInt(4) : (height + blockRows - 1) / blockRows;
        long[] index = new long[(int) Math.min(blocks, random.nextInt(41))];
        for (int i = 1; i < index.length; i++) {
            index[i] = switch (random.nextInt(6)) {
                case 0 -> index[i - 1] + least / Math.max(1, blocks);
                case 1 -> index[i - 1];
                case 2 -> Long.MIN_VALUE;
                case 3 -> Long.MAX_VALUE;
                case 4 -> payloadLength;
                default -> random.nextLong();
            };
        }
        return ForgedRleFile.of(blockRows, width, height, payloadLength, index, payload);
    }

    /** Mostly pixels, some whitespace, now and then a stray character. */
    private static final String PLAIN_RASTER = "0101 \n0101x";

    /** A PBM header of boundary values in any legal spelling, then a short raster of any bytes. */
    private static byte[] forgedPbm(SplittableRandom random, RleLimits limits) {
        if (random.nextInt(8) == 0) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                Pbm.write(ReferenceRle.random(random, random.nextInt(100), random.nextInt(6)), out,
                        random.nextBoolean() ? Pbm.Variant.P1 : Pbm.Variant.P4);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            return out.toByteArray();
        }
        boolean raw = random.nextBoolean();
        StringBuilder header = new StringBuilder(raw ? "P4" : "P1");
        header.append(random.nextBoolean() ? " " : "\n# a comment\n");
        header.append(random.nextInt(10) == 0 ? "000" : "").append(side(random, limits)).append(' ');
        header.append(side(random, limits)).append(random.nextBoolean() ? "\n" : " ");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.toString().getBytes(StandardCharsets.US_ASCII));
        byte[] raster = new byte[random.nextInt(200)];
        random.nextBytes(raster);
        if (!raw) {
            for (int i = 0; i < raster.length; i++) {
                raster[i] = (byte) PLAIN_RASTER.charAt(Math.floorMod(raster[i], PLAIN_RASTER.length()));
            }
        }
        out.writeBytes(raster);
        return out.toByteArray();
    }

    private static long saturatingMultiply(long a, long b) {
        return a != 0 && b > Long.MAX_VALUE / a ? Long.MAX_VALUE : a * b;
    }
}
