package edu.ute.concurrency.rle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
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
    void refusesAForgedPngBeforeItsDecoderAllocates() throws Exception {
        // 65 bytes claiming a 7016x9921 RGBA page: within the pixel limit, but ImageIO would decode it into
        // a 266 MiB raster (4 bytes a pixel) before finding the data missing.
        Path png = dir.resolve("forged.png");
        Files.write(png, ForgedImages.png(7016, 9921, 6, 8));
        assertThat(Files.size(png)).isEqualTo(65);
        ImageFiles.read(writeSmallPng()); // load ImageIO first: its start-up is not the file's cost
        assertThatThrownBy(() -> ImageFiles.read(png)).isInstanceOf(IOException.class)
                .hasMessageContaining("forged.png").hasMessageContaining("7016x9921")
                .hasMessageContaining("32 bits a pixel").hasMessageContaining("over the limit");
        assertThat(AllocationMeter.bytesAllocatedBy(() -> ImageFiles.read(png))).isLessThan(16L << 20);
    }

    @Test
    void refusesAGifWhoseDataEndsBeforeItsLastRow() throws Exception {
        // ImageIO's GIF reader stops quietly where the data ends and hands back the rest as colour 0:
        // here, a page of black.
        Path gif = dir.resolve("truncated.gif");
        Files.write(gif, ForgedImages.truncatedGif(7016, 9921));
        assertThatThrownBy(() -> ImageFiles.read(gif)).isInstanceOf(IOException.class)
                .hasMessageContaining("truncated.gif").hasMessageContaining("ends before its last row");
    }

    @Test
    void treatsImageIoWarningsAsDamage() throws Exception {
        // A JPEG cut short decodes "successfully" with a warning about the missing data.
        BufferedImage rgb = new BufferedImage(200, 120, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 200, 120);
        g.setColor(Color.BLACK);
        g.fillRect(20, 20, 100, 50);
        g.dispose();
        java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
        assertThat(ImageIO.write(rgb, "jpeg", jpeg)).isTrue();
        Path whole = dir.resolve("whole.jpg");
        Files.write(whole, jpeg.toByteArray());
        assertThat(ImageFiles.read(whole).get(50, 40)).isTrue();
        Path cut = dir.resolve("cut.jpg");
        Files.write(cut, java.util.Arrays.copyOf(jpeg.toByteArray(), jpeg.size() * 2 / 3));
        assertThatThrownBy(() -> ImageFiles.read(cut)).isInstanceOf(IOException.class)
                .hasMessageContaining("cut.jpg").hasMessageContaining("damaged");
    }

    private Path writeSmallPng() throws IOException {
        Path small = dir.resolve("small.png");
        ImageFiles.write(SampleImages.icon(), small);
        return small;
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
    void nullArgumentsAreTheCallersMistakeAndLeaveNoTemporary() throws Exception {
        Path target = dir.resolve("out.rle");
        assertThatThrownBy(() -> ImageFiles.writeAtomically(target, null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("bytes");
        assertThatThrownBy(() -> ImageFiles.writePng(SampleImages.icon(), null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("out");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
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
