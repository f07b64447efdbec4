package edu.ute.concurrency.rle;

/**
 * The largest image a decoder or image reader agrees to allocate, checked against a header
 * <em>before</em> any pixel memory is allocated, so that a forged or corrupt header cannot make it
 * allocate gigabytes.
 *
 * <p>The {@linkplain #DEFAULT default} admits a 600-dpi A3 page (7016 × 9921 pixels, 8.7 MB packed) in
 * either orientation. Raise it for larger work:
 * <pre>{@code
 * RleDecoder decoder = Rle.decoder(new RleLimits(100_000, 100_000, 1L << 31));
 * }</pre>
 *
 * <p>Readers check the sizes a header states against these limits, with overflow-checked arithmetic,
 * before anything proportional to them is allocated. The library's own readers ({@link RleFile},
 * {@link Pbm}, {@link CourseRleFile}, the streaming {@link RleRowReader}) then allocate only as the
 * input delivers the bytes that need it. ImageIO decodes a whole image at once, so {@link ImageFiles} bounds its raster instead: at most
 * {@code maxPixels} bytes, one byte for each pixel the limits admit, so a 32-bit colour image is
 * refused at a quarter of the pixels of a 1-bit one. The largest limits the constructor accepts are
 * {@code new RleLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, PackedBitImage.MAX_WORDS * 64)}: every
 * reader stays strict under them too.
 *
 * <p><b>Thread safety.</b> Immutable; share it freely.
 *
 * @param maxWidth  largest accepted width in pixels
 * @param maxHeight largest accepted height in pixels
 * @param maxPixels largest accepted width × height; at most {@code PackedBitImage.MAX_WORDS * 64}
 */
public record RleLimits(int maxWidth, int maxHeight, long maxPixels) {
    /** A 600-dpi A3 page in either orientation: at most 9921 pixels a side, 69,605,736 pixels. */
    public static final RleLimits DEFAULT = new RleLimits(9921, 9921, 7016L * 9921);

    /**
     * Creates limits.
     *
     * @param maxWidth  largest accepted width in pixels, at least 0
     * @param maxHeight largest accepted height in pixels, at least 0
     * @param maxPixels largest accepted width × height, 0 to {@code PackedBitImage.MAX_WORDS * 64}
     * @throws IllegalArgumentException if a limit is negative or {@code maxPixels} is more than one
     *         {@link PackedBitImage} can hold
     */
    public RleLimits {
        if (maxWidth < 0 || maxHeight < 0 || maxPixels < 0) {
            throw new IllegalArgumentException("negative limit in " + maxWidth + ", " + maxHeight + ", " + maxPixels);
        }
        if (maxPixels > PackedBitImage.MAX_WORDS * 64) {
            throw new IllegalArgumentException("maxPixels " + maxPixels + " exceeds what one PackedBitImage can hold");
        }
    }

    /**
     * Checks that a {@code width} × {@code height} image is within these limits and fits one
     * {@link PackedBitImage}. Readers call it with the sizes a header states, before they allocate
     * anything proportional to them.
     *
     * @param width  the image's width in pixels
     * @param height the image's height in pixels
     * @param offset byte offset of the header field, for the exception; -1 when there is none
     * @throws RleFormatException naming the dimension and the limit it exceeds
     * @throws IllegalArgumentException if {@code width} or {@code height} is negative: sizes read from
     *         a file are never negative, so a negative one is a mistake of the caller
     */
    public void check(long width, long height, long offset) throws RleFormatException {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("negative image size " + width + "x" + height);
        }
        // Each side is at most 2^31 - 1 once past the first two tests, so neither product overflows.
        if (width > maxWidth || height > maxHeight || width * height > maxPixels
                || ((width + 63) >>> 6) * height > PackedBitImage.MAX_WORDS) {
            throw new RleFormatException("image size " + width + "x" + height + " is over the limit of "
                    + maxWidth + "x" + maxHeight + " and " + maxPixels + " pixels (see RleLimits)", offset);
        }
    }
}
