package edu.ute.concurrency.rle;

import java.util.Arrays;
import java.util.Objects;

/**
 * A 1-bit (black and white) image stored as packed 64-bit words, one bit per pixel, 1 = black.
 *
 * <p>Each row starts on a fresh word: row {@code y} occupies words
 * {@code [y * wordsPerRow(), (y + 1) * wordsPerRow())}, and pixel {@code x} of that row is bit
 * {@code x % 64} (least significant bit first) of word {@code x / 64}. The bits past the width in a
 * row's last word are always zero, so two images with the same pixels have the same words. Width and
 * height may be 0.
 *
 * <pre>{@code
 * PackedBitImage page = new PackedBitImage(2480, 3508);   // all white
 * page.fill(100, 200, 400, true);                          // a black line on row 100, x in [200, 400)
 * boolean black = page.get(250, 100);                       // true
 * byte[] rle = Rle.encoder().encode(page);
 * }</pre>
 *
 * <p><b>Thread safety.</b> Not synchronized. Any number of threads may read an image that no thread is
 * changing (the concurrent encoders do exactly that). Threads may also write <em>different rows</em>
 * at the same time, because no two rows share a word (the concurrent decoders rely on this); the
 * writes become visible to a reader through the usual happens-before edge, such as
 * {@code Thread.join} or {@code Future.get}.
 */
public final class PackedBitImage {
    private final int width;
    private final int height;
    private final int wordsPerRow;
    private final long[] words;

    /**
     * Creates an all-white image. It takes {@code wordsFor(width) * height} longs at once: to build one
     * from untrusted sizes, check them with {@link RleLimits#check} first, as the readers do.
     *
     * @param width  width in pixels, 0 or more
     * @param height height in pixels, 0 or more
     * @throws IllegalArgumentException if a dimension is negative or the image needs more than
     *         {@link #MAX_WORDS} words
     */
    public PackedBitImage(int width, int height) {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("negative image size " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.wordsPerRow = wordsFor(width);
        long total = (long) wordsPerRow * height;
        if (total > MAX_WORDS) {
            throw new IllegalArgumentException("image " + width + "x" + height + " is too large for one array");
        }
        this.words = new long[(int) total];
    }

    /**
     * Adopts {@code words} as the pixels of a {@code width} × {@code height} image, without copying: for
     * readers in this package that grow the array as rows arrive. The caller guarantees the length is
     * {@code wordsFor(width) * height} and the padding bits are clear.
     */
    PackedBitImage(int width, int height, long[] words) {
        this.width = width;
        this.height = height;
        this.wordsPerRow = wordsFor(width);
        if ((long) wordsPerRow * height != words.length) {
            throw new IllegalArgumentException(words.length + " words cannot be a " + width + "x" + height + " image");
        }
        this.words = words;
    }

    /** The largest number of 64-bit words one image may hold (the largest Java array). */
    public static final long MAX_WORDS = Integer.MAX_VALUE - 8;

    /**
     * Computes the number of words that hold a row of {@code width} pixels: the length of the row
     * arrays {@link #copyRow}, {@link #setRow}, {@link RleRowReader} and {@link RleRowWriter} use.
     *
     * @param width row width in pixels
     * @return {@code ceil(width / 64)}
     * @throws IllegalArgumentException if {@code width} is negative
     */
    public static int wordsFor(int width) {
        if (width < 0) {
            throw new IllegalArgumentException("negative width " + width);
        }
        return (width + 63) >>> 6; // unsigned shift: right even where width + 63 passes 2^31
    }

    /**
     * Returns the width.
     *
     * @return the width in pixels
     */
    public int width() {
        return width;
    }

    /**
     * Returns the height.
     *
     * @return the height in pixels (the number of rows)
     */
    public int height() {
        return height;
    }

    /**
     * Returns the number of pixels.
     *
     * @return {@code width() * height()}, as a {@code long} because it can exceed {@code int}
     */
    public long pixelCount() {
        return (long) width * height;
    }

    /**
     * Returns the number of 64-bit words per row.
     *
     * @return {@code ceil(width() / 64)}, the same as {@link #wordsFor wordsFor(width())}
     */
    public int wordsPerRow() {
        return wordsPerRow;
    }

    /**
     * Reads one pixel.
     *
     * @param x column, 0 to {@code width() - 1}
     * @param y row, 0 to {@code height() - 1}
     * @return true if pixel (x, y) is black, false if white
     * @throws IndexOutOfBoundsException if (x, y) is outside the image
     */
    public boolean get(int x, int y) {
        checkPixel(x, y);
        return (words[y * wordsPerRow + (x >>> 6)] >>> x & 1L) != 0;
    }

    /**
     * Sets one pixel. For runs of pixels, {@link #fill} is a word at a time.
     *
     * @param x     column, 0 to {@code width() - 1}
     * @param y     row, 0 to {@code height() - 1}
     * @param black true for black, false for white
     * @throws IndexOutOfBoundsException if (x, y) is outside the image
     */
    public void set(int x, int y, boolean black) {
        checkPixel(x, y);
        int i = y * wordsPerRow + (x >>> 6);
        if (black) {
            words[i] |= 1L << x;
        } else {
            words[i] &= ~(1L << x);
        }
    }

    /**
     * Sets pixels {@code [fromX, toX)} of row {@code y} to one colour, a word at a time.
     *
     * @param y     the row
     * @param fromX first column to set
     * @param toX   column after the last one to set; {@code fromX == toX} sets nothing
     * @param black true for black, false for white
     * @throws IndexOutOfBoundsException if {@code y} is not a row, or {@code [fromX, toX)} not a range
     *         of columns
     */
    public void fill(int y, int fromX, int toX, boolean black) {
        Objects.checkIndex(y, height);
        Objects.checkFromToIndex(fromX, toX, width);
        if (fromX == toX) {
            return;
        }
        int base = y * wordsPerRow;
        int first = fromX >>> 6;
        int last = (toX - 1) >>> 6;
        long firstMask = -1L << fromX;
        long lastMask = -1L >>> -toX;
        if (first == last) {
            apply(base + first, firstMask & lastMask, black);
        } else {
            apply(base + first, firstMask, black);
            Arrays.fill(words, base + first + 1, base + last, black ? -1L : 0L);
            apply(base + last, lastMask, black);
        }
    }

    private void apply(int i, long mask, boolean black) {
        words[i] = black ? words[i] | mask : words[i] & ~mask;
    }

    /**
     * Sets every pixel of rows {@code [fromRow, toRow)} to white.
     *
     * @param fromRow first row to clear
     * @param toRow   row after the last one to clear
     * @throws IndexOutOfBoundsException if {@code [fromRow, toRow)} is not a range of rows
     */
    public void clearRows(int fromRow, int toRow) {
        Objects.checkFromToIndex(fromRow, toRow, height);
        Arrays.fill(words, fromRow * wordsPerRow, toRow * wordsPerRow, 0L);
    }

    /**
     * Copies row {@code y} into {@code dst[0, wordsPerRow())}, in the layout described in the class
     * documentation. The bits past the width in the last word are zero.
     *
     * @param y   the row
     * @param dst where to copy it; words past {@code wordsPerRow()} are left alone
     * @throws NullPointerException if {@code dst} is null
     * @throws IndexOutOfBoundsException if {@code y} is not a row
     * @throws IllegalArgumentException if {@code dst} is shorter than {@link #wordsPerRow()}
     */
    public void copyRow(int y, long[] dst) {
        Objects.checkIndex(y, height);
        checkRowArray(dst, "dst");
        System.arraycopy(words, y * wordsPerRow, dst, 0, wordsPerRow);
    }

    /**
     * Replaces row {@code y} with {@code src[0, wordsPerRow())}; bits of the last word past the width
     * are ignored.
     *
     * @param y   the row
     * @param src the new pixels, in the layout described in the class documentation
     * @throws NullPointerException if {@code src} is null
     * @throws IndexOutOfBoundsException if {@code y} is not a row
     * @throws IllegalArgumentException if {@code src} is shorter than {@link #wordsPerRow()}
     */
    public void setRow(int y, long[] src) {
        Objects.checkIndex(y, height);
        checkRowArray(src, "src");
        int base = y * wordsPerRow;
        System.arraycopy(src, 0, words, base, wordsPerRow);
        maskPadding(base);
    }

    /**
     * Reads 64 pixels at once: pixels {@code [64 * wordIndex, 64 * wordIndex + 64)} of row {@code y}.
     *
     * @param y         the row
     * @param wordIndex which word of the row, 0 to {@code wordsPerRow() - 1}
     * @return the word; pixel {@code 64 * wordIndex + i} is bit {@code i}, and bits past the width are 0
     * @throws IndexOutOfBoundsException if {@code y} is not a row or {@code wordIndex} not a word of it
     */
    public long word(int y, int wordIndex) {
        Objects.checkIndex(y, height);
        Objects.checkIndex(wordIndex, wordsPerRow);
        return words[y * wordsPerRow + wordIndex];
    }

    /**
     * Counts the black pixels, a word at a time.
     *
     * @return the number of black pixels
     */
    public long blackPixelCount() {
        long n = 0;
        for (long w : words) {
            n += Long.bitCount(w);
        }
        return n;
    }

    /**
     * Copies the image.
     *
     * @return a new image with the same size and pixels, sharing nothing with this one
     */
    public PackedBitImage copy() {
        PackedBitImage c = new PackedBitImage(width, height);
        System.arraycopy(words, 0, c.words, 0, words.length);
        return c;
    }

    /** The backing array, shared with the codec in this package (never handed to users). */
    long[] words() {
        return words;
    }

    /** Clears the bits past the width in the row whose first word is {@code base}. */
    void maskPadding(int base) {
        if ((width & 63) != 0) {
            words[base + wordsPerRow - 1] &= -1L >>> -width;
        }
    }

    private void checkRowArray(long[] row, String name) {
        Objects.requireNonNull(row, name);
        if (row.length < wordsPerRow) {
            throw new IllegalArgumentException(name + " has " + row.length + " words, width " + width + " needs "
                    + wordsPerRow);
        }
    }

    private void checkPixel(int x, int y) {
        if (x < 0 || x >= width || y < 0 || y >= height) {
            throw new IndexOutOfBoundsException("pixel (" + x + ", " + y + ") outside " + width + "x" + height);
        }
    }

    /**
     * Compares size and pixels.
     *
     * @param o the object to compare with
     * @return true if {@code o} is a {@code PackedBitImage} of the same width and height and the same
     *         pixels
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof PackedBitImage other
                && width == other.width
                && height == other.height
                && Arrays.equals(words, other.words);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(words);
    }

    @Override
    public String toString() {
        return "PackedBitImage[" + width + "x" + height + ", " + blackPixelCount() + " black]";
    }
}
