package edu.ute.concurrency.rle;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Reads and writes PBM (portable bitmap) images: the plain {@code P1} and raw {@code P4} variants of
 * the netpbm format, where 1 = black.
 *
 * <pre>{@code
 * PackedBitImage page;
 * try (InputStream in = Files.newInputStream(Path.of("page.pbm"))) {
 *     page = Pbm.read(in);
 * }
 * try (OutputStream out = Files.newOutputStream(Path.of("copy.pbm"))) {
 *     Pbm.write(page, out, Pbm.Variant.P4);
 * }
 * }</pre>
 * The reader accepts comments ({@code #} to the end of the line) and any whitespace in the header,
 * ignores the padding bits at the end of each P4 row, and refuses sizes over its {@link RleLimits}.
 * It allocates the raster as the rows arrive, not from the header, so a file that ends early costs
 * memory for what it holds, not for what its header claims. Only the first image of a multi-image
 * file is read.
 *
 * <p><b>Thread safety.</b> Stateless; the methods may be called from any thread.
 */
public final class Pbm {
    /** The two PBM encodings. */
    public enum Variant {
        /** Plain: one ASCII {@code 0} or {@code 1} per pixel. */
        P1,
        /** Raw: 8 pixels per byte, most significant bit first, rows padded to a whole byte. */
        P4
    }

    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private Pbm() {
    }

    /**
     * Reads a PBM image with the {@link RleLimits#DEFAULT default} limits. Does not close {@code in}.
     *
     * @param in the stream, positioned at the {@code P}
     * @return a new image
     * @throws PbmFormatException as {@link #read(InputStream, RleLimits)}
     * @throws IOException if reading {@code in} fails
     * @throws NullPointerException if {@code in} is null
     */
    public static PackedBitImage read(InputStream in) throws IOException {
        return read(in, RleLimits.DEFAULT);
    }

    /**
     * Reads a PBM image, refusing sizes over {@code limits}. Does not close {@code in}. The stream is
     * read through a buffer, so bytes past the image may have been consumed from it.
     *
     * @param in     the stream, positioned at the {@code P}
     * @param limits the largest image to accept
     * @return a new image
     * @throws PbmFormatException with line and byte offset, if the file is malformed, truncated or over
     *         the limits
     * @throws IOException if reading {@code in} fails
     * @throws NullPointerException if {@code in} or {@code limits} is null
     */
    public static PackedBitImage read(InputStream in, RleLimits limits) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(limits, "limits");
        Scanner s = new Scanner(in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 65536));
        int m1 = s.next();
        int m2 = s.next();
        if (m1 != 'P' || (m2 != '1' && m2 != '4')) {
            throw new PbmFormatException("not a PBM file: expected magic P1 or P4", 1, 0);
        }
        int width = s.headerNumber("width", limits.maxWidth());
        int height = s.headerNumber("height", limits.maxHeight());
        try {
            limits.check(width, height, s.offset);
        } catch (RleFormatException e) {
            throw new PbmFormatException("image size " + width + "x" + height + " is over the limit", s.line, s.offset);
        }
        Raster raster = new Raster(width, height);
        if (m2 == '4') {
            // Exactly one whitespace character separates the header from a raw raster, whose bytes
            // may themselves look like whitespace or '#'.
            int sep = s.next();
            if (!isWhitespace(sep)) {
                throw new PbmFormatException(sep < 0 ? "file ends before the raster"
                        : "expected one whitespace character after the height, found " + describe(sep), s.line, s.offset - 1);
            }
            readRaw(s, raster);
        } else {
            readPlain(s, raster); // skips whitespace and comments itself, the header's end included
        }
        return raster.image();
    }

    /** Bytes of a P4 row handled at a time: a whole number of words, so each word is one big-endian load. */
    private static final int CHUNK = 8192;

    private static void readRaw(Scanner s, Raster r) throws IOException {
        int rowBytes = (r.width + 7) >>> 3;
        byte[] chunk = new byte[Math.min(CHUNK, r.wordsPerRow * 8)];
        for (int y = 0; y < r.height && rowBytes > 0; y++) {
            int base = y * r.wordsPerRow;
            for (int done = 0; done < rowBytes; ) {
                int n = Math.min(chunk.length, rowBytes - done);
                int got = s.in.readNBytes(chunk, 0, n);
                if (got < n) {
                    throw new PbmFormatException("raster ends in row " + y + " of " + r.height + " (" + (done + got)
                            + " of " + rowBytes + " bytes)", s.line, s.offset + done + got);
                }
                // A short last chunk leaves bytes of the previous one in chunk[n, 8 * words): they land
                // past the row's width, in the padding that clearPadding clears below.
                int words = (n + 7) >>> 3;
                int first = base + (done >>> 3);
                long[] w = r.room(first + words);
                for (int k = 0; k < words; k++) {
                    // PBM's first pixel is the byte's top bit; ours is the word's bottom bit.
                    w[first + k] = Long.reverse((long) LONG_BE.get(chunk, k * 8));
                }
                done += n;
            }
            s.offset += rowBytes;
            r.clearPadding(base);
        }
    }

    private static void readPlain(Scanner s, Raster r) throws IOException {
        for (int y = 0; y < r.height && r.width > 0; y++) {
            int base = y * r.wordsPerRow;
            long[] w = r.words;
            for (int x = 0; x < r.width; x++) {
                int c = s.skipSpaceAndComments();
                if (c == '1') {
                    if (base + (x >>> 6) >= w.length) {
                        w = r.room(base + (x >>> 6) + 1);
                    }
                    w[base + (x >>> 6)] |= 1L << x;
                } else if (c != '0') {
                    throw new PbmFormatException(c < 0 ? "raster ends at pixel (" + x + ", " + y + ")"
                            : "expected 0 or 1 for pixel (" + x + ", " + y + "), found " + describe(c), s.line, s.offset - 1);
                }
            }
        }
    }

    /**
     * The words of an image being read, grown as its rows arrive rather than allocated from the header:
     * the array doubles, capped at the image's size, so it holds at most twice the words of the pixels
     * read so far (or a first 64 KiB), and exactly the image once the input is complete.
     */
    private static final class Raster {
        /** First allocation, in words: 64 KiB, small beside any file that fills it. */
        private static final int INITIAL = 8192;

        final int width;
        final int height;
        final int wordsPerRow;
        final int total;
        long[] words = new long[0];

        Raster(int width, int height) {
            this.width = width;
            this.height = height;
            this.wordsPerRow = PackedBitImage.wordsFor(width);
            this.total = (int) ((long) wordsPerRow * height); // RleLimits.check keeps it within one array
        }

        /** The array, grown if needed to hold at least {@code needed} words (never more than the image). */
        long[] room(int needed) {
            if (needed > words.length) {
                long grown = Math.max(needed, Math.max(INITIAL, 2L * words.length));
                words = java.util.Arrays.copyOf(words, (int) Math.min(grown, total));
            }
            return words;
        }

        /** Clears the bits past the width in the row starting at word {@code base}; the width is not 0. */
        void clearPadding(int base) {
            words[base + wordsPerRow - 1] &= -1L >>> -width; // all ones when the width is a multiple of 64
        }

        /** The finished image; rows never written (all white in P1) are the zeros the array grew with. */
        PackedBitImage image() {
            return new PackedBitImage(width, height, room(total));
        }
    }

    /**
     * Writes {@code image} as PBM to {@code out} (which is not closed). P1 lines hold at most 64
     * pixels, within the 70 characters the format asks for.
     *
     * @param image   the image to write; only read
     * @param out     where the file goes
     * @param variant {@link Variant#P4} for the compact raw raster, {@link Variant#P1} for text
     * @throws IOException if writing to {@code out} fails
     * @throws NullPointerException if an argument is null
     */
    public static void write(PackedBitImage image, OutputStream out, Variant variant) throws IOException {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(variant, "variant");
        byte[] header = ((variant == Variant.P4 ? "P4\n" : "P1\n") + image.width() + " " + image.height() + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        out.write(header);
        int wpr = image.wordsPerRow();
        long[] row = new long[wpr];
        if (variant == Variant.P4) {
            int rowBytes = (image.width() + 7) >>> 3;
            byte[] buf = new byte[wpr * 8];
            for (int y = 0; y < image.height(); y++) {
                packRow(image, y, row, buf);
                out.write(buf, 0, rowBytes);
            }
        } else {
            // Plain PBM lines should stay under 70 characters.
            byte[] line = new byte[Math.min(image.width(), 64) + 1];
            for (int y = 0; y < image.height(); y++) {
                image.copyRow(y, row);
                for (int x0 = 0; x0 < image.width(); x0 += 64) {
                    int n = Math.min(64, image.width() - x0);
                    long word = row[x0 >>> 6];
                    for (int i = 0; i < n; i++) {
                        line[i] = (byte) ('0' + (int) (word >>> i & 1L));
                    }
                    line[n] = '\n';
                    out.write(line, 0, n + 1);
                }
            }
        }
    }

    /**
     * Writes row {@code y} into {@code buf} as P4 bytes: 8 pixels a byte, first pixel in the top bit.
     * {@code row} (wordsPerRow longs) and {@code buf} (8 bytes per word) are the caller's scratch; the
     * first {@code ceil(width / 8)} bytes of {@code buf} are the row. ImageIO's binary rasters use the
     * same layout.
     */
    static void packRow(PackedBitImage image, int y, long[] row, byte[] buf) {
        image.copyRow(y, row);
        for (int k = 0; k < row.length; k++) {
            // Our first pixel is the word's bottom bit; PBM's is the byte's top bit.
            LONG_BE.set(buf, k * 8, Long.reverse(row[k]));
        }
    }

    private static boolean isWhitespace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f';
    }

    private static String describe(int c) {
        return c >= 0x20 && c < 0x7F ? "'" + (char) c + "'" : String.format("byte 0x%02X", c);
    }

    /** Byte reader that tracks line and offset for error messages. */
    private static final class Scanner {
        final InputStream in;
        long offset;
        long line = 1;

        Scanner(InputStream in) {
            this.in = in;
        }

        int next() throws IOException {
            int c = in.read();
            if (c >= 0) {
                offset++;
                if (c == '\n') {
                    line++;
                }
            }
            return c;
        }

        /** Next character that is not whitespace or inside a comment; -1 at the end. */
        int skipSpaceAndComments() throws IOException {
            int c = next();
            while (true) {
                if (c == '#') {
                    while (c >= 0 && c != '\n' && c != '\r') {
                        c = next();
                    }
                } else if (isWhitespace(c)) {
                    c = next();
                } else {
                    return c;
                }
            }
        }

        int headerNumber(String what, int max) throws IOException {
            int c = skipSpaceAndComments();
            if (c < '0' || c > '9') {
                throw new PbmFormatException(c < 0 ? "file ends before the " + what
                        : "expected the " + what + " (a decimal number), found " + describe(c), line, offset - 1);
            }
            long value = 0;
            while (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                if (value > max) {
                    throw new PbmFormatException(what + " is over the limit of " + max + " (see RleLimits)", line, offset - 1);
                }
                in.mark(1);
                c = in.read();
                if (c >= '0' && c <= '9') {
                    offset++;
                }
            }
            in.reset(); // leave the character after the number (the separator) unread
            return (int) value;
        }
    }
}
