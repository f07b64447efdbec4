package edu.ute.concurrency.rle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RleStreamingTest {

    @Test
    void streamingEncodeEqualsOneShot() throws Exception {
        SplittableRandom random = new SplittableRandom(77);
        for (int trial = 0; trial < 1000; trial++) {
            PackedBitImage image = ReferenceRle.random(random, random.nextInt(300), random.nextInt(10));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (RleRowWriter writer = Rle.encoder().wrap(out, image.width())) {
                long[] row = new long[image.wordsPerRow()];
                for (int y = 0; y < image.height(); y++) {
                    if (y % 2 == 0) {
                        image.copyRow(y, row);
                        writer.writeRow(row);
                    } else {
                        writer.writeRow(image, y);
                    }
                }
            }
            assertThat(out.toByteArray()).isEqualTo(Rle.encoder().encode(image));
        }
    }

    @Test
    void streamingDecodeEqualsOneShotEvenWithOneByteReads() throws Exception {
        SplittableRandom random = new SplittableRandom(78);
        for (int trial = 0; trial < 1000; trial++) {
            PackedBitImage image = ReferenceRle.random(random, random.nextInt(9_000), 1 + random.nextInt(3));
            byte[] payload = Rle.encoder().encode(image);
            InputStream in = trial % 2 == 0 ? new ByteArrayInputStream(payload) : oneByteAtATime(payload);
            PackedBitImage back = new PackedBitImage(image.width(), image.height());
            try (RleRowReader reader = Rle.decoder().wrap(in, image.width(), image.height())) {
                int y = 0;
                while (reader.readRow(back, y)) {
                    y++;
                }
                assertThat(y).isEqualTo(image.height());
            }
            assertThat(back).as("trial %d", trial).isEqualTo(image);
        }
    }

    @Test
    void streamingDecodeReportsTruncationAndTrailingBytesWithOffsets() throws Exception {
        PackedBitImage image = SampleImages.checkerboard(50, 3);
        byte[] payload = Rle.encoder().encode(image);
        byte[] truncated = java.util.Arrays.copyOf(payload, payload.length - 1);
        long[] row = new long[1];
        try (RleRowReader reader = Rle.decoder().wrap(new ByteArrayInputStream(truncated), 50, 3)) {
            reader.readRow(row);
            reader.readRow(row);
            assertThatThrownBy(() -> reader.readRow(row)).isInstanceOf(RleFormatException.class)
                    .hasMessageContaining("truncated").hasMessageContaining("offset 149");
        }
        byte[] longer = java.util.Arrays.copyOf(payload, payload.length + 1);
        try (RleRowReader reader = Rle.decoder().wrap(new ByteArrayInputStream(longer), 50, 3)) {
            for (int y = 0; y < 3; y++) {
                assertThat(reader.readRow(row)).isTrue();
            }
            assertThatThrownBy(() -> reader.readRow(row)).isInstanceOf(RleFormatException.class)
                    .hasMessageContaining("trailing bytes").hasMessageContaining("offset 150");
        }
    }

    @Test
    void readingIntoAnImageOfAnotherWidthIsRefusedAndConsumesNothing() throws Exception {
        PackedBitImage image = ReferenceRle.random(new SplittableRandom(41), 200, 2);
        byte[] payload = Rle.encoder().encode(image);
        try (RleRowReader reader = Rle.decoder().wrap(new ByteArrayInputStream(payload), 200, 2)) {
            // Narrower: the 190 pixels past x = 10 would be dropped without a word.
            assertThatThrownBy(() -> reader.readRow(new PackedBitImage(10, 2), 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("image width 10")
                    .hasMessageContaining("200");
            assertThat(reader.rowsRead()).isZero();
            assertThat(readAll(reader, 200, 2)).isEqualTo(image);
        }
        try (RleRowReader reader = Rle.decoder().wrap(new ByteArrayInputStream(Rle.encoder().encode(
                SampleImages.checkerboard(10, 1))), 10, 1)) {
            // Wider: copying one word into a row of four failed with a raw ArrayIndexOutOfBoundsException.
            assertThatThrownBy(() -> reader.readRow(new PackedBitImage(200, 1), 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("image width 200");
            assertThat(reader.rowsRead()).isZero();
        }
    }

    @Test
    void aRowOutsideTheTargetImageIsRefusedAndConsumesNothing() throws Exception {
        PackedBitImage image = ReferenceRle.random(new SplittableRandom(42), 150, 3);
        byte[] payload = Rle.encoder().encode(image);
        try (RleRowReader reader = Rle.decoder().wrap(new ByteArrayInputStream(payload), 150, 3)) {
            PackedBitImage back = new PackedBitImage(150, 3);
            assertThatThrownBy(() -> reader.readRow(back, 3)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> reader.readRow(back, -1)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> reader.readRow(null, 0)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> reader.readRow(new long[2])).isInstanceOf(IllegalArgumentException.class);
            assertThat(reader.rowsRead()).isZero();
            assertThat(readAll(reader, 150, 3)).isEqualTo(image);
        }
    }

    @Test
    void aReaderForAVeryWideRowCostsOnlyWhatArrives() {
        // Wrapping once reserved a byte buffer and a scratch row as wide as the caller said (2 GiB and
        // 256 MiB for width 2^31-1) before a single payload byte had arrived.
        RleDecoder largest = Rle.decoder(RleLimitsTest.LARGEST);
        byte[] twoBytes = {0x7F, 0x7F};
        for (int wide : new int[] {1 << 30, Integer.MAX_VALUE}) {
            assertThat(AllocationMeter.bytesAllocatedBy(() -> largest.wrap(new ByteArrayInputStream(twoBytes), wide, 1)
                    .close())).as("width %d", wide).isLessThan(1L << 20);
        }
        int width = 1 << 27;
        long[] row = new long[PackedBitImage.wordsFor(width)]; // the caller's row, 16 MiB
        assertThat(AllocationMeter.bytesAllocatedBy(() -> {
            try (RleRowReader reader = largest.wrap(new ByteArrayInputStream(twoBytes), width, 1)) {
                reader.readRow(row);
            }
        })).isLessThan(1L << 20);
        assertThatThrownBy(() -> largest.wrap(new ByteArrayInputStream(twoBytes), width, 1).readRow(row))
                .isInstanceOf(RleFormatException.class).hasMessageContaining("truncated payload: row 0 ends at pixel 254");
    }

    private static PackedBitImage readAll(RleRowReader reader, int width, int height) throws IOException {
        PackedBitImage back = new PackedBitImage(width, height);
        int y = 0;
        while (reader.readRow(back, y)) {
            y++;
        }
        assertThat(y).isEqualTo(height);
        return back;
    }

    private static InputStream oneByteAtATime(byte[] bytes) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1));
            }
        };
    }
    @Test
    void trailingBytesAreFoundEvenWhenTheyArriveAfterTheLastRow() throws Exception {
        // One byte a read: the last row's ten bytes are all the reader has when the row is done.
        byte[] payload = Rle.encoder().encode(SampleImages.checkerboard(10, 1));
        byte[] longer = java.util.Arrays.copyOf(payload, payload.length + 1);
        try (RleRowReader reader = Rle.decoder().wrap(oneByteAtATime(longer), 10, 1)) {
            assertThat(reader.readRow(new long[1])).isTrue();
            assertThatThrownBy(() -> reader.readRow(new long[1])).isInstanceOf(RleFormatException.class)
                    .hasMessageContaining("trailing bytes")
                    .satisfies(e -> assertThat(((RleFormatException) e).offset()).isEqualTo(10));
        }
    }

    @Test
    void aRowReplacesWhatItsTargetHeldBefore() throws Exception {
        // A black row then a white one, read into one reused array and into a black image.
        PackedBitImage image = ReferenceRle.image("1111111111", "0000000000");
        byte[] payload = Rle.encoder().encode(image);
        try (RleRowReader reader = Rle.decoder().wrap(new ByteArrayInputStream(payload), 10, 2)) {
            long[] row = new long[1];
            assertThat(reader.readRow(row)).isTrue();
            assertThat(row[0]).isEqualTo(0x3FFL);
            assertThat(reader.readRow(row)).isTrue();
            assertThat(row[0]).isZero();
        }
        PackedBitImage black = new PackedBitImage(10, 2);
        black.fill(0, 0, 10, true);
        black.fill(1, 0, 10, true);
        try (RleRowReader reader = Rle.decoder().wrap(new ByteArrayInputStream(payload), 10, 2)) {
            assertThat(readInto(reader, black)).isEqualTo(image);
        }
    }

    @Test
    void closingAReaderOrWriterClosesItsStreamAndFlushReachesIt() throws Exception {
        boolean[] inClosed = {false};
        InputStream in = new ByteArrayInputStream(new byte[0]) {
            @Override
            public void close() {
                inClosed[0] = true;
            }
        };
        Rle.decoder().wrap(in, 5, 0).close();
        assertThat(inClosed[0]).isTrue();

        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        boolean[] outClosed = {false};
        java.io.BufferedOutputStream out = new java.io.BufferedOutputStream(sink) {
            @Override
            public void close() throws IOException {
                super.close();
                outClosed[0] = true;
            }
        };
        RleRowWriter writer = Rle.encoder().wrap(out, 10);
        writer.writeRow(new long[] {0x3FFL});
        assertThat(sink.size()).isZero(); // still in the BufferedOutputStream
        writer.flush();
        assertThat(sink.toByteArray()).containsExactly(0x8A);
        writer.close();
        assertThat(outClosed[0]).isTrue();
    }

    @Test
    void countsTheRowsWrittenEitherWay() throws Exception {
        PackedBitImage image = SampleImages.checkerboard(70, 3);
        try (RleRowWriter writer = Rle.encoder().wrap(new ByteArrayOutputStream(), 70)) {
            assertThat(writer.rowsWritten()).isZero();
            writer.writeRow(image, 0);
            long[] row = new long[2];
            image.copyRow(1, row);
            writer.writeRow(row);
            writer.writeRow(image, 2);
            assertThat(writer.rowsWritten()).isEqualTo(3);
        }
    }

    private static PackedBitImage readInto(RleRowReader reader, PackedBitImage target) throws IOException {
        int y = 0;
        while (reader.readRow(target, y)) {
            y++;
        }
        return target;
    }
}
