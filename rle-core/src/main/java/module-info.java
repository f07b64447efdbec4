/**
 * The rle-core codec: run-length encoding of 1-bit images, the {@code .rle} file format, and PBM/PNG I/O.
 * Only {@code edu.ute.concurrency.rle} is exported.
 */
module edu.ute.concurrency.rle {
    // ImageIO, for reading PNG/GIF/BMP and writing PNG; transitive because ImageFiles takes and
    // returns BufferedImage. Nothing else outside java.base.
    requires transitive java.desktop;

    exports edu.ute.concurrency.rle;
}
