package edu.ute.concurrency.rle;

/**
 * Entry point of the codec: run-length encoding of 1-bit images, byte-compatible with the course's
 * Python version.
 *
 * <h2>The byte format</h2>
 * Each image row is cut into groups of {@value #GROUP_BITS} pixels (the last group of a row may be
 * shorter). Each run of equal pixels inside a group becomes one byte: the top bit is the pixel's value
 * (1 = black, as in PBM) and the low 7 bits are the run length, 1..127. Runs never cross a group or a
 * row boundary, so a row of width {@code w} always starts a new byte and takes between
 * {@code ceil(w / 127)} and {@code w} bytes. For example (x = 0 first):
 * <pre>
 * 0011100000  (width 10)          → 02 83 05
 * 300 white pixels                → 7F 7F 2E
 * 130 black pixels                → FF 83
 * 126 white then 2 black (128)    → 7E 81 81
 * </pre>
 * The payload has no header; {@link RleFile} wraps it in a file format with the size, a block index
 * and checksums.
 *
 * <h2>Usage</h2>
 * <pre>{@code
 * PackedBitImage page = ImageFiles.read(Path.of("page.pbm"));
 * byte[] payload = Rle.encoder().encode(page);
 * PackedBitImage back = Rle.decoder().decode(payload, page.width(), page.height());
 *
 * byte[] file = RleFile.encode(page);                     // header + block index + CRC32C
 * PackedBitImage again = RleFile.parse(file).decode();
 * }</pre>
 * Row ranges encode on their own ({@link RleEncoder#encodeRows}), and concatenating the ranges in
 * order gives the whole payload: that is the hook every concurrent strategy uses.
 *
 * <p><b>Thread safety.</b> The encoder and decoder objects are immutable and may be shared by any
 * number of threads.
 */
public final class Rle {
    /** Pixels per group: the largest run one byte can hold. */
    public static final int GROUP_BITS = 127;

    private static final RleEncoder ENCODER = new RleEncoder();
    private static final RleDecoder DEFAULT_DECODER = new RleDecoder(RleLimits.DEFAULT);

    private Rle() {
    }

    /**
     * Returns the encoder. There is one: it holds no state, so every caller may share it.
     *
     * @return the encoder, immutable and thread-safe
     */
    public static RleEncoder encoder() {
        return ENCODER;
    }

    /**
     * Returns a decoder that accepts images up to {@link RleLimits#DEFAULT}.
     *
     * @return the shared default decoder, immutable and thread-safe
     */
    public static RleDecoder decoder() {
        return DEFAULT_DECODER;
    }

    /**
     * Returns a decoder that accepts images up to {@code limits}: raise them for images larger than a
     * 600-dpi A3 page, lower them where the input comes from strangers and memory is tight.
     *
     * @param limits the largest image the decoder agrees to allocate
     * @return a decoder enforcing {@code limits}, immutable and thread-safe
     * @throws NullPointerException if {@code limits} is null
     */
    public static RleDecoder decoder(RleLimits limits) {
        return new RleDecoder(limits);
    }

    /**
     * Number of groups in a row of {@code width} pixels: {@code ceil(width / 127)}, which is also the
     * fewest bytes such a row can encode to.
     *
     * @param width a row's width in pixels
     * @return the number of groups of up to {@value #GROUP_BITS} pixels in the row; 0 for width 0
     * @throws IllegalArgumentException if {@code width} is negative
     */
    public static int groupsPerRow(int width) {
        if (width < 0) {
            throw new IllegalArgumentException("negative width " + width);
        }
        // In long: width + 126 overflows int for widths within 126 of 2^31.
        return (int) (((long) width + GROUP_BITS - 1) / GROUP_BITS);
    }
}
