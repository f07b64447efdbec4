package edu.ute.concurrency.rle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {
    @TempDir
    Path dir;

    @Test
    void pngRoundTripThroughImageIo() throws Exception {
        PackedBitImage image = ReferenceRle.random(new SplittableRandom(4), 333, 77);
        Path png = dir.resolve("a.png");
        ImageFiles.write(image, png);
        BufferedImage decoded = ImageIO.read(png.toFile());
        assertThat(decoded.getRGB(0, 0) & 0xFFFFFF).isEqualTo(image.get(0, 0) ? 0 : 0xFFFFFF);
        assertThat(ImageFiles.read(png)).isEqualTo(image);
    }

    @Test
    void readsGifAndBmpThroughImageIo() throws Exception {
        PackedBitImage image = ReferenceRle.random(new SplittableRandom(12), 97, 41);
        for (String format : new String[] {"gif", "bmp"}) {
            Path path = dir.resolve("a." + format);
            assertThat(ImageIO.write(ImageFiles.toBufferedImage(image), format, path.toFile())).isTrue();
            assertThat(ImageFiles.read(path)).as(format).isEqualTo(image);
        }
    }

    @Test
    void readsAColourPngThresholded() throws Exception {
        BufferedImage rgb = new BufferedImage(20, 10, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = rgb.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 20, 10);
        g.setColor(new Color(30, 30, 120));   // dark blue: black
        g.fillRect(0, 0, 5, 10);
        g.setColor(new Color(200, 200, 90));  // light yellow: white
        g.fillRect(5, 0, 5, 10);
        g.setColor(new Color(0, 0, 0, 0));    // transparent: white
        g.fillRect(10, 0, 5, 10);
        g.dispose();
        Path png = dir.resolve("colour.png");
        ImageIO.write(rgb, "png", png.toFile());
        PackedBitImage image = ImageFiles.read(png);
        assertThat(image.blackPixelCount()).isEqualTo(50);
        assertThat(image.get(4, 9)).isTrue();
        assertThat(image.get(5, 0)).isFalse();
    }

    @Test
    void readsEveryFormatItWrites() throws Exception {
        PackedBitImage image = SampleImages.textPage(30, 3);
        for (String name : new String[] {"p.rle", "p.pbm", "p.png"}) {
            Path path = dir.resolve(name);
            ImageFiles.write(image, path);
            assertThat(ImageFiles.read(path)).as(name).isEqualTo(image);
        }
    }

    @Test
    void namesTheFileItCannotRead() throws Exception {
        Path junk = dir.resolve("junk.bin");
        Files.write(junk, new byte[] {1, 2, 3, 4, 5});
        assertThatThrownBy(() -> ImageFiles.read(junk)).hasMessageContaining("junk.bin")
                .hasMessageContaining("not an image");
    }

    @Test
    void writesAtomicallyLeavingNoTemporaryFiles() throws Exception {
        Path target = dir.resolve("out.rle");
        Files.writeString(target, "old");
        ImageFiles.writeAtomically(target, new byte[] {1, 2, 3});
        assertThat(Files.readAllBytes(target)).containsExactly(1, 2, 3);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void publishedFilesAreReadableByOthersLikeAnyWrittenFile() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Files.getFileAttributeView(dir, java.nio.file.attribute.PosixFileAttributeView.class) != null);
        Path fresh = dir.resolve("fresh.rle");
        ImageFiles.write(SampleImages.icon(), fresh);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)))
                .isEqualTo("rw-r--r--");
        Path kept = dir.resolve("kept.rle");
        Files.writeString(kept, "old");
        Files.setPosixFilePermissions(kept, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw----"));
        ImageFiles.write(SampleImages.icon(), kept);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)))
                .isEqualTo("rw-rw----");
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporary() throws Exception {
        Path target = dir.resolve("keep.png");
        Files.writeString(target, "old");
        assertThatThrownBy(() -> ImageFiles.write(new PackedBitImage(0, 5), target))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Files.readString(target)).isEqualTo("old");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }
}
