package edu.ute.concurrency.rle;

import java.util.SplittableRandom;

/**
 * Deterministic images for examples, tests and benchmarks, so that every program in the project runs
 * on a fresh clone with nothing to download: a page that looks like scanned text, random noise, a
 * checkerboard (the codec's worst case: every run is one pixel), a blank page and a small icon.
 * The same arguments always give the same pixels.
 *
 * <pre>{@code
 * PackedBitImage page = SampleImages.textPage(300, 1);     // A4 at 300 dpi: 2480 x 3508, about 9.5 % black
 * PackedBitImage noise = SampleImages.noise(2480, 3508, 0.5, 7);
 * }</pre>
 *
 * <p><b>Thread safety.</b> Stateless; each call builds a new image.
 */
public final class SampleImages {
    private SampleImages() {
    }

    /**
     * Computes the width of an A4 page (210 mm) at a resolution.
     *
     * @param dpi dots per inch
     * @return the width in pixels, rounded: 2480 at 300 dpi
     */
    public static int a4Width(int dpi) {
        return (int) Math.round(210 / 25.4 * dpi);
    }

    /**
     * Computes the height of an A4 page (297 mm) at a resolution.
     *
     * @param dpi dots per inch
     * @return the height in pixels, rounded: 3508 at 300 dpi
     */
    public static int a4Height(int dpi) {
        return (int) Math.round(297 / 25.4 * dpi);
    }

    /**
     * An A4 page at {@code dpi} that looks like a scanned page of text: 0.8-inch margins, paragraphs of
     * lines of words drawn from a 5×7 stroke font scaled to about 10 pt, ragged line ends and a few
     * specks of scanner dust; about 9.5 % of the pixels are black.
     *
     * @param dpi  resolution, 20..2400
     * @param seed chooses the words and the dust; the same seed gives the same page
     * @return a new page of {@link #a4Width a4Width(dpi)} × {@link #a4Height a4Height(dpi)} pixels
     * @throws IllegalArgumentException if {@code dpi} is outside 20..2400
     */
    public static PackedBitImage textPage(int dpi, long seed) {
        if (dpi < 20 || dpi > 2400) {
            throw new IllegalArgumentException("dpi " + dpi + " outside 20..2400");
        }
        int width = a4Width(dpi);
        int height = a4Height(dpi);
        PackedBitImage page = new PackedBitImage(width, height);
        SplittableRandom random = new SplittableRandom(seed);
        int cell = Math.max(1, Math.round(dpi / 75f));  // one font cell: 4 px at 300 dpi
        int glyphWidth = 5 * cell;
        int advance = glyphWidth + cell;
        int lineHeight = 11 * cell;
        int margin = dpi * 4 / 5;
        int right = width - margin;
        int y = margin;
        while (y + 7 * cell < height - margin) {
            boolean lastLineOfParagraph = random.nextInt(12) == 0;
            int lineEnd = lastLineOfParagraph ? margin + random.nextInt(Math.max(1, right - margin)) : right;
            int x = margin;
            while (true) {
                int letters = 2 + random.nextInt(8);
                if (x + letters * advance > lineEnd) {
                    break;
                }
                for (int i = 0; i < letters; i++) {
                    drawGlyph(page, GLYPHS[random.nextInt(GLYPHS.length)], x, y, cell);
                    x += advance;
                }
                x += advance; // the space between words
            }
            y += lastLineOfParagraph ? 2 * lineHeight : lineHeight;
        }
        int specks = width * height / 40_000;
        for (int i = 0; i < specks; i++) {
            int sx = random.nextInt(width - 2);
            int sy = random.nextInt(height - 2);
            page.fill(sy, sx, sx + 1 + random.nextInt(2), true);
        }
        return page;
    }

    private static void drawGlyph(PackedBitImage page, int glyph, int x, int y, int cell) {
        for (int row = 0; row < 7; row++) {
            int bits = glyph >>> (row * 5) & 0x1F;
            for (int col = 0; col < 5; ) {
                if ((bits >>> col & 1) == 0) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < 5 && (bits >>> col & 1) != 0) {
                    col++;
                }
                for (int dy = 0; dy < cell; dy++) {
                    page.fill(y + row * cell + dy, x + start * cell, x + col * cell, true);
                }
            }
        }
    }

    /**
     * Makes uniform random noise, each pixel black with probability {@code density}: at 0.5 the
     * no code can compress it.
     *
     * @param width   width in pixels
     * @param height  height in pixels
     * @param density probability of black, 0..1
     * @param seed    the same seed gives the same pixels
     * @return a new image
     * @throws IllegalArgumentException if {@code density} is outside 0..1 or not a number, or a side is
     *         negative
     */
    public static PackedBitImage noise(int width, int height, double density, long seed) {
        if (!(density >= 0 && density <= 1)) {
            throw new IllegalArgumentException("density " + density + " outside 0..1");
        }
        PackedBitImage image = new PackedBitImage(width, height);
        SplittableRandom random = new SplittableRandom(seed);
        long[] row = new long[image.wordsPerRow()];
        for (int y = 0; y < height; y++) {
            for (int k = 0; k < row.length; k++) {
                if (density == 0.5) {
                    row[k] = random.nextLong(); // 64 fair coins at once
                } else {
                    long w = 0;
                    for (int b = 0; b < 64; b++) {
                        if (random.nextDouble() < density) {
                            w |= 1L << b;
                        }
                    }
                    row[k] = w;
                }
            }
            image.setRow(y, row);
        }
        return image;
    }

    /**
     * Makes a checkerboard of single pixels, pixel (0, 0) black: every run is one pixel long, so the
     * encoding takes one byte per pixel, the most any image takes.
     *
     * @param width  width in pixels
     * @param height height in pixels
     * @return a new image
     * @throws IllegalArgumentException if a side is negative
     */
    public static PackedBitImage checkerboard(int width, int height) {
        PackedBitImage image = new PackedBitImage(width, height);
        long[] even = new long[image.wordsPerRow()];
        long[] odd = new long[image.wordsPerRow()];
        java.util.Arrays.fill(even, 0x5555_5555_5555_5555L);
        java.util.Arrays.fill(odd, 0xAAAA_AAAA_AAAA_AAAAL);
        for (int y = 0; y < height; y++) {
            image.setRow(y, (y & 1) == 0 ? even : odd);
        }
        return image;
    }

    /**
     * Makes an all-white page: the best case, one byte per 127 pixels.
     *
     * @param width  width in pixels
     * @param height height in pixels
     * @return a new image
     * @throws IllegalArgumentException if a side is negative
     */
    public static PackedBitImage blank(int width, int height) {
        return new PackedBitImage(width, height);
    }

    /**
     * Makes a 64×64 icon, a ring with a bar through it: an image too small to be worth splitting
     * between threads.
     *
     * @return a new image
     */
    public static PackedBitImage icon() {
        PackedBitImage icon = new PackedBitImage(64, 64);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                double d = Math.hypot(x - 31.5, y - 31.5);
                if ((d > 20 && d < 28) || (y >= 29 && y < 35 && x >= 8 && x < 56)) {
                    icon.set(x, y, true);
                }
            }
        }
        return icon;
    }

    /**
     * A tiny 5×7 font: each glyph's row r is bits [5r, 5r + 5), least significant bit on the left.
     * Shapes of common lower-case letters, enough for a page to look like text.
     */
    private static final int[] GLYPHS = {
        glyph("     ", "     ", " ### ", "    #", " ####", "#   #", " ####"), // a
        glyph("#    ", "#    ", "#### ", "#   #", "#   #", "#   #", "#### "), // b
        glyph("     ", "     ", " ####", "#    ", "#    ", "#    ", " ####"), // c
        glyph("    #", "    #", " ####", "#   #", "#   #", "#   #", " ####"), // d
        glyph("     ", "     ", " ### ", "#   #", "#####", "#    ", " ### "), // e
        glyph("  ## ", " #   ", "#### ", " #   ", " #   ", " #   ", " #   "), // f
        glyph("#    ", "#    ", "#### ", "#   #", "#   #", "#   #", "#   #"), // h
        glyph("  #  ", "     ", " ##  ", "  #  ", "  #  ", "  #  ", " ### "), // i
        glyph(" ##  ", "  #  ", "  #  ", "  #  ", "  #  ", "  #  ", " ### "), // l
        glyph("     ", "     ", "## # ", "# # #", "# # #", "# # #", "# # #"), // m
        glyph("     ", "     ", "#### ", "#   #", "#   #", "#   #", "#   #"), // n
        glyph("     ", "     ", " ### ", "#   #", "#   #", "#   #", " ### "), // o
        glyph("     ", "     ", "# ## ", "##  #", "#    ", "#    ", "#    "), // r
        glyph("     ", "     ", " ####", "#    ", " ### ", "    #", "#### "), // s
        glyph(" #   ", " #   ", "#### ", " #   ", " #   ", " #  #", "  ## "), // t
        glyph("     ", "     ", "#   #", "#   #", "#   #", "#  ##", " ## #"), // u
        glyph("     ", "     ", "#   #", "#   #", "#   #", " # # ", "  #  "), // v
        glyph("     ", "     ", "#   #", "#   #", "# # #", "# # #", " # # "), // w
        glyph("     ", "     ", "#   #", "#   #", " ####", "    #", " ### "), // y
    };

    private static int glyph(String... rows) {
        int bits = 0;
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < 5; c++) {
                if (rows[r].charAt(c) == '#') {
                    bits |= 1 << (r * 5 + c);
                }
            }
        }
        return bits;
    }
}
