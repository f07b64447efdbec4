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
    @Test
    void readsImagesOfOnePixelSide() throws Exception {
        for (PackedBitImage image : new PackedBitImage[] {ReferenceRle.image("1"), ReferenceRle.image("10110"),
                ReferenceRle.image("1", "0", "1")}) {
            Path png = dir.resolve("thin.png");
            ImageFiles.write(image, png);
            assertThat(ImageFiles.read(png)).isEqualTo(image);
        }
    }

    @Test
    void thresholdsLuminanceWithBt601WeightsAndAlphaAtHalf() {
        // luma = (299 R + 587 G + 114 B) / 1000; black below 128, and only where alpha is 128 or more.
        int[] argb = {
            0xFF7F7F7F, // grey 127: black
            0xFF808080, // grey 128: white
            0xFFFF0000, // red, luma 76: black
            0xFF00FF00, // green, luma 149: white
            0xFF0000FF, // blue, luma 29: black
            0xFFFF7800, // orange (255, 120, 0), luma 146: white
            0xFF00DCFF, // azure (0, 220, 255), luma 158: white
            0x80000000, // black at alpha 128: black
            0x7F000000, // black at alpha 127: white
        };
        BufferedImage source = new BufferedImage(argb.length, 1, BufferedImage.TYPE_INT_ARGB);
        source.setRGB(0, 0, argb.length, 1, argb, 0, argb.length);
        assertThat(ImageFiles.fromBufferedImage(source)).isEqualTo(ReferenceRle.image("101010010"));
    }

    @Test
    void decodesARasterOfExactlyTheLimitAndRefusesOneByteMore() throws Exception {
        // 10 x 10 RGB decodes into 3 bytes a pixel: 300 bytes, within 100 pixels.
        BufferedImage rgb = new BufferedImage(10, 10, BufferedImage.TYPE_3BYTE_BGR);
        Path png = dir.resolve("rgb.png");
        ImageIO.write(rgb, "png", png.toFile());
        assertThat(ImageFiles.read(png, new RleLimits(10, 10, 300)).blackPixelCount()).isEqualTo(100);
        assertThatThrownBy(() -> ImageFiles.read(png, new RleLimits(10, 10, 299))).isInstanceOf(IOException.class)
                .hasMessageContaining("rgb.png: a 10x10 PNG image at 24 bits a pixel takes 300 bytes to decode, "
                        + "over the limit of 299");
    }

    @Test
    void saysWhyItRefusesAnImageIoFileBeforeDecoding() throws Exception {
        Path page = dir.resolve("page.png");
        ImageFiles.write(SampleImages.blank(50, 40), page);
        assertThatThrownBy(() -> ImageFiles.read(page, new RleLimits(49, 100, 10_000))).isInstanceOf(IOException.class)
                .hasMessageContaining("page.png: image size 50x40 is over the limit (see RleLimits)");
        // Within the largest limits, but 2.5 GB of raster: more than one Java array holds.
        Path huge = dir.resolve("huge.png");
        Files.write(huge, ForgedImages.png(50_000, 50_000, 0, 8));
        assertThatThrownBy(() -> ImageFiles.read(huge, RleLimitsTest.LARGEST)).isInstanceOf(IOException.class)
                .hasMessageContaining("huge.png: a 50000x50000 PNG image at 8 bits a pixel is larger than ImageIO can "
                        + "hold in one array");
        Path empty = dir.resolve("empty.gif");
        Files.write(empty, ForgedImages.truncatedGif(0, 5));
        assertThatThrownBy(() -> ImageFiles.read(empty)).isInstanceOf(IOException.class)
                .hasMessageContaining("empty.gif: damaged GIF image: size 0x5");
    }

    @Test
    void recognisesPbmByItsFirstTwoBytes() throws Exception {
        Path plain = dir.resolve("plain");
        Files.writeString(plain, "P1 3 1 101");
        assertThat(ImageFiles.read(plain)).isEqualTo(ReferenceRle.image("101"));
        Path magicOnly = dir.resolve("magic-only");
        Files.writeString(magicOnly, "P4");
        assertThatThrownBy(() -> ImageFiles.read(magicOnly)).isInstanceOf(PbmFormatException.class)
                .hasMessageContaining("file ends before the width");
    }
}
