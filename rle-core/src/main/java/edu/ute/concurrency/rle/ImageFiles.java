package edu.ute.concurrency.rle;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.MultiPixelPackedSampleModel;
import java.awt.image.SampleModel;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.event.IIOReadProgressListener;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads and writes whole image files by path: PBM ({@code P1}/{@code P4}), {@code .rle} files, and
 * through ImageIO PNG, GIF and BMP (thresholded to 1 bit: a pixel is black when its luminance is below
 * half, transparent pixels are white). Every write goes to a temporary file in the target directory
 * that is then moved into place, so a failure never leaves a truncated file behind.
 *
 * <p>ImageIO decodes into a raster of its own, 1 to 64 bits a pixel depending on the file, before the
 * image becomes 1 bit. So the reader asks ImageIO for the size and the pixel type first, and refuses
 * before decoding when the pixels are over the {@link RleLimits}, or when that raster would take more
 * than {@link RleLimits#maxPixels()} bytes (one byte for each pixel the limits admit). A decode that
 * ImageIO only warns about (a JPEG cut short, a PNG chunk out of place), or a GIF whose data ends
 * before its last row (ImageIO's GIF reader fills the rest with colour 0 without a word), is refused
 * as damaged.
 *
 * <pre>{@code
 * PackedBitImage page = ImageFiles.read(Path.of("scan.png"));   // format found from the content
 * ImageFiles.write(page, Path.of("scan.rle"));                   // format chosen by the extension
 * ImageFiles.write(page, Path.of("check.png"));
 * }</pre>
 *
 * <p><b>Thread safety.</b> Stateless; the methods may be called from any thread.
 */
public final class ImageFiles {
    private ImageFiles() {
    }

    /**
     * Reads an image with the {@link RleLimits#DEFAULT default} limits.
     *
     * @param path the file to read
     * @return a new image
     * @throws IOException as {@link #read(Path, RleLimits)}
     * @throws NullPointerException if {@code path} is null
     */
    public static PackedBitImage read(Path path) throws IOException {
        return read(path, RleLimits.DEFAULT);
    }

    /**
     * Reads an image, recognising the format from the first bytes: {@code P1}/{@code P4} for PBM,
     * {@code URLE} for an {@code .rle} file, anything ImageIO knows otherwise.
     *
     * @param path   the file to read
     * @param limits the largest image to accept; for ImageIO's formats also the bytes its raster may
     *               take (see the class documentation)
     * @return a new image
     * @throws PbmFormatException  for a malformed PBM file
     * @throws RleFormatException  for a corrupt {@code .rle} file
     * @throws IOException         naming the file when it is in no format this reads, is over the limits,
     *                             or is damaged (ImageIO's errors and warnings alike), and when
     *                             it cannot be opened or read
     * @throws NullPointerException if {@code path} or {@code limits} is null
     */
    public static PackedBitImage read(Path path, RleLimits limits) throws IOException {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(limits, "limits");
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 65536)) {
            in.mark(4);
            byte[] magic = in.readNBytes(4);
            in.reset();
            if (magic.length >= 2 && magic[0] == 'P' && (magic[1] == '1' || magic[1] == '4')) {
                return Pbm.read(in, limits);
            }
            if (magic.length == 4 && (magic[0] << 24 | (magic[1] & 0xFF) << 16 | (magic[2] & 0xFF) << 8 | magic[3] & 0xFF)
                    == RleFile.MAGIC) {
                return RleFile.read(in, limits).decode();
            }
            return readWithImageIo(in, path, limits);
        }
    }

    private static PackedBitImage readWithImageIo(InputStream in, Path path, RleLimits limits) throws IOException {
        try (ImageInputStream iis = ImageIO.createImageInputStream(in)) {
            Iterator<ImageReader> readers = iis == null ? Collections.emptyIterator() : ImageIO.getImageReaders(iis);
            if (!readers.hasNext()) {
                throw new IOException(path + ": not an image this program reads (PBM, .rle, PNG, GIF, BMP, JPEG)");
            }
            ImageReader reader = readers.next();
            String format = reader.getFormatName().toUpperCase(Locale.ROOT);
            DamageListener damage = new DamageListener();
            String refusal;
            BufferedImage decoded = null;
            try {
                reader.setInput(iis, true, true);
                reader.addIIOReadWarningListener(damage);
                reader.addIIOReadProgressListener(damage);
                refusal = checkBeforeDecoding(reader, format, limits);
                if (refusal == null) {
                    decoded = reader.read(0);
                    refusal = damage.verdict(format);
                }
            } catch (IOException e) {
                throw new IOException(path + ": cannot decode this " + format + " image: " + e.getMessage(), e);
            } catch (RuntimeException e) {
                // ImageIO's decoders throw unchecked exceptions on some corrupt files.
                throw new IOException(path + ": corrupt " + format + " image: " + e, e);
            } finally {
                reader.dispose();
            }
            if (refusal != null) {
                throw new IOException(path + ": " + refusal);
            }
            return fromBufferedImage(decoded);
        }
    }

    /**
     * Reads the size and the pixel type of image 0, without decoding it, and returns why it must not be
     * decoded (an impossible size, over {@code limits}, a raster over their bytes), or null.
     */
    private static String checkBeforeDecoding(ImageReader reader, String format, RleLimits limits) throws IOException {
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width < 1 || height < 1) {
            return "damaged " + format + " image: size " + width + "x" + height;
        }
        try {
            limits.check(width, height, -1);
        } catch (RleFormatException e) {
            return "image size " + width + "x" + height + " is over the limit (see RleLimits)";
        }
        // read(0) decodes into the first of these types.
        Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
        if (types == null || !types.hasNext()) {
            return format + " image with a pixel type ImageIO cannot decode";
        }
        SampleModel model = types.next().getSampleModel();
        int elementBits = DataBuffer.getDataTypeSize(model.getDataType());
        long bitsPerPixel = model instanceof MultiPixelPackedSampleModel packed ? packed.getPixelBitStride()
                : (long) elementBits * model.getNumDataElements();
        // Sides below 2^31 and at most a few hundred bits a pixel: exact in long, and checked anyway.
        long rowBytes = Math.ceilDiv(Math.multiplyExact(width, bitsPerPixel), 8);
        long rasterBytes = Math.multiplyExact(rowBytes, height);
        if (rasterBytes > limits.maxPixels()) {
            return "a " + width + "x" + height + " " + format + " image at " + bitsPerPixel + " bits a pixel takes "
                    + rasterBytes + " bytes to decode, over the limit of " + limits.maxPixels()
                    + " (one byte a pixel of RleLimits.maxPixels)";
        }
        if (rasterBytes / Math.max(1, elementBits / 8) > Integer.MAX_VALUE - 8) {
            return "a " + width + "x" + height + " " + format + " image at " + bitsPerPixel
                    + " bits a pixel is larger than ImageIO can hold in one array";
        }
        return null;
    }

    /**
     * Collects what an ImageIO reader reports besides its result: the first warning (and asks the reader
     * to stop, since the image is refused anyway) and the last progress figure.
     */
    private static final class DamageListener implements IIOReadWarningListener, IIOReadProgressListener {
        private String warning;
        private float progress = -1;

        /** Why the image just decoded is damaged, or null if nothing says it is. */
        String verdict(String format) {
            if (warning != null) {
                return "damaged " + format + " image: " + warning;
            }
            // The GIF reader alone returns normally when its data runs out; its progress, reported once
            // a row, then stops short of 100 %.
            if (format.equals("GIF") && progress < 100f) {
                return "damaged GIF image: its data ends before its last row";
            }
            return null;
        }

        @Override
        public void warningOccurred(ImageReader source, String message) {
            if (warning == null) {
                warning = message;
                source.abort();
            }
        }

        @Override
        public void imageProgress(ImageReader source, float percentageDone) {
            progress = percentageDone;
        }

        @Override
        public void sequenceStarted(ImageReader source, int minIndex) {
        }

        @Override
        public void sequenceComplete(ImageReader source) {
        }

        @Override
        public void imageStarted(ImageReader source, int imageIndex) {
        }

        @Override
        public void imageComplete(ImageReader source) {
        }

        @Override
        public void thumbnailStarted(ImageReader source, int imageIndex, int thumbnailIndex) {
        }

        @Override
        public void thumbnailProgress(ImageReader source, float percentageDone) {
        }

        @Override
        public void thumbnailComplete(ImageReader source) {
        }

        @Override
        public void readAborted(ImageReader source) {
        }
    }

    /**
     * Converts any {@link BufferedImage} to 1 bit: black where the luminance (ITU-R BT.601 weights) is
     * below half and alpha is at least half, so transparent pixels are white.
     *
     * @param source the image to convert; only read
     * @return a new image of the same size
     * @throws NullPointerException if {@code source} is null
     */
    public static PackedBitImage fromBufferedImage(BufferedImage source) {
        int width = source.getWidth();
        int height = source.getHeight();
        PackedBitImage image = new PackedBitImage(width, height);
        int[] argb = new int[width];
        long[] row = new long[image.wordsPerRow()];
        for (int y = 0; y < height; y++) {
            source.getRGB(0, y, width, 1, argb, 0, width);
            java.util.Arrays.fill(row, 0L);
            for (int x = 0; x < width; x++) {
                int p = argb[x];
                int luma = (299 * (p >>> 16 & 0xFF) + 587 * (p >>> 8 & 0xFF) + 114 * (p & 0xFF)) / 1000;
                if (luma < 128 && (p >>> 24) >= 128) {
                    row[x >>> 6] |= 1L << x;
                }
            }
            image.setRow(y, row);
        }
        return image;
    }

    /**
     * Converts to a {@link BufferedImage#TYPE_BYTE_BINARY} image whose palette maps index 1 to black,
     * so its raster bytes are exactly PBM P4 rows.
     *
     * @param image the image to convert; only read
     * @return a new image of the same size, sharing nothing with {@code image}
     * @throws NullPointerException if {@code image} is null
     * @throws IllegalArgumentException if the image has no pixels (a side is 0), which
     *         {@link BufferedImage} cannot represent
     */
    public static BufferedImage toBufferedImage(PackedBitImage image) {
        // ImageIO's default binary palette has index 0 = black; PBM and we have 1 = black.
        if (image.width() == 0 || image.height() == 0) {
            throw new IllegalArgumentException("a " + image.width() + "x" + image.height() + " image has no pixels to draw");
        }
        byte[] lut = {(byte) 0xFF, 0};
        IndexColorModel palette = new IndexColorModel(1, 2, lut, lut, lut);
        BufferedImage out = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_BYTE_BINARY, palette);
        byte[] raster = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        int rowBytes = (image.width() + 7) >>> 3;
        int wpr = image.wordsPerRow();
        long[] row = new long[wpr];
        byte[] buf = new byte[wpr * 8];
        for (int y = 0; y < image.height(); y++) {
            Pbm.packRow(image, y, row, buf);
            System.arraycopy(buf, 0, raster, y * rowBytes, rowBytes);
        }
        return out;
    }

    /**
     * Writes {@code image} in the format named by the file's extension: {@code .rle}, {@code .pbm}
     * (P4), or {@code .png}; atomically (temporary file, then move). The file gets the permissions of
     * the one it replaces, or {@code rw-r--r--} where the file system has POSIX permissions.
     *
     * @param image the image to write; only read
     * @param path  the file to write; its extension, in any case, chooses the format
     * @throws IOException if the file cannot be written; {@code path} is then left as it was
     * @throws NullPointerException if {@code image} or {@code path} is null
     * @throws IllegalArgumentException if the extension is none of those, or the image has no pixels
     *         and the format is PNG; before anything is written
     */
    public static void write(PackedBitImage image, Path path) throws IOException {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        byte[] bytes;
        if (name.endsWith(".rle")) {
            bytes = RleFile.encode(image);
        } else if (name.endsWith(".pbm")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Pbm.write(image, out, Pbm.Variant.P4);
            bytes = out.toByteArray();
        } else if (name.endsWith(".png")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            writePng(image, out);
            bytes = out.toByteArray();
        } else {
            throw new IllegalArgumentException(path + ": unknown output format (use .rle, .pbm or .png)");
        }
        writeAtomically(path, bytes);
    }

    /**
     * Writes {@code image} as a 1-bit PNG to {@code out} (not closed).
     *
     * @param image the image to write; only read
     * @param out   where the PNG goes
     * @throws IOException if writing to {@code out} fails
     * @throws NullPointerException if {@code image} or {@code out} is null
     * @throws IllegalArgumentException if the image has no pixels: PNG has no empty images
     */
    public static void writePng(PackedBitImage image, OutputStream out) throws IOException {
        Objects.requireNonNull(out, "out"); // ImageIO would throw IllegalArgumentException for it
        if (!ImageIO.write(toBufferedImage(image), "png", out)) {
            throw new IOException("this JDK has no PNG writer");
        }
    }

    /**
     * Writes {@code bytes} to a temporary file next to {@code target}, then moves it over
     * {@code target} (atomically where the file system can). On failure the temporary file is removed
     * and {@code target} is untouched. Readers of {@code target} see the old file or the new one,
     * never a part of either; two threads writing one target at once each publish a whole file, and
     * the last move wins.
     *
     * @param target the file to write
     * @param bytes  its new content
     * @throws IOException if the temporary file cannot be written or moved into place
     * @throws NullPointerException if {@code target} or {@code bytes} is null
     */
    public static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Objects.requireNonNull(bytes, "bytes"); // before a temporary file exists
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            Files.write(tmp, bytes);
            publishPermissions(tmp, target);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Temporary files are created owner-only; the file we publish gets the permissions of the file it
     * replaces, or {@code rw-r--r--} like any file a program writes, where the file system has them.
     */
    private static void publishPermissions(Path tmp, Path target) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
        if (view != null) {
            view.setPermissions(Files.exists(target) ? Files.getPosixFilePermissions(target)
                    : PosixFilePermissions.fromString("rw-r--r--"));
        }
    }
}
