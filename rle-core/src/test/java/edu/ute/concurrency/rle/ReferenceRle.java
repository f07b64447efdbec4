package edu.ute.concurrency.rle;

import java.io.ByteArrayOutputStream;

/**
 * A deliberately plain, pixel-at-a-time port of the course's Python encoder ({@code compress_row} /
 * {@code compress_chunk}): the oracle the fast word-at-a-time encoder is checked against.
 */
final class ReferenceRle {
    private ReferenceRle() {
    }

    static byte[] encode(PackedBitImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int y = 0; y < image.height(); y++) {
            for (int start = 0; start < image.width(); start += 127) {
                int end = Math.min(start + 127, image.width());
                int count = 1;
                boolean last = image.get(start, y);
                for (int x = start + 1; x < end; x++) {
                    boolean bit = image.get(x, y);
                    if (bit != last) {
                        out.write(count | (last ? 128 : 0));
                        count = 0;
                        last = bit;
                    }
                    count++;
                }
                out.write(count | (last ? 128 : 0));
            }
        }
        return out.toByteArray();
    }

    /** Parses a picture like {@code "0011100000"} (one string per row, '1' = black). */
    static PackedBitImage image(String... rows) {
        int width = rows.length == 0 ? 0 : rows[0].length();
        PackedBitImage image = new PackedBitImage(width, rows.length);
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < width; x++) {
                image.set(x, y, rows[y].charAt(x) == '1');
            }
        }
        return image;
    }

    /** A random image whose runs have a random typical length, so short and long runs both occur. */
    static PackedBitImage random(java.util.SplittableRandom random, int width, int height) {
        PackedBitImage image = new PackedBitImage(width, height);
        double switchProbability = switch (random.nextInt(4)) {
            case 0 -> 0.5;
            case 1 -> 0.1;
            case 2 -> 0.01;
            default -> 0.002;
        };
        boolean black = random.nextBoolean();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (random.nextDouble() < switchProbability) {
                    black = !black;
                }
                if (black) {
                    image.set(x, y, true);
                }
            }
        }
        return image;
    }

    static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(String.format("%02X", b & 0xFF));
        }
        return sb.toString();
    }
}
