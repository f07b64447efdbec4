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

    private static InputStream oneByteAtATime(byte[] bytes) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1));
            }
        };
    }
}
