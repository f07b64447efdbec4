package edu.ute.concurrency.examples.tour;

import edu.ute.concurrency.rle.PackedBitImage;
import edu.ute.concurrency.rle.Rle;
import edu.ute.concurrency.rle.SampleImages;
import java.util.ArrayList;
import java.util.List;

/**
 * The tour's common workload: a batch of generated text pages to RLE-encode, the way the course's
 * Python examples encode a folder of scanned pages. Page {@code i} is
 * {@code SampleImages.textPage(dpi, i)}, so a batch is the same on every machine and every run.
 *
 * <pre>{@code
 * PageBatch batch = PageBatch.textPages(20, 150);         // 20 A4 pages at 150 dpi, 1240 x 1754
 * List<byte[]> expected = batch.encodeSequentially();     // the reference every example compares with
 * }</pre>
 *
 * <p><b>Thread safety.</b> Immutable list of images that nobody writes to after construction: any
 * number of threads may read (encode) the pages at once.
 */
public record PageBatch(int dpi, List<PackedBitImage> pages) {

    /** The batch the examples use unless told otherwise: 20 pages at 150 dpi. */
    public static PageBatch standard() {
        return textPages(20, 150);
    }

    /** {@code count} text pages at {@code dpi}; page {@code i} uses seed {@code i}. */
    public static PageBatch textPages(int count, int dpi) {
        if (count < 0) {
            throw new IllegalArgumentException("negative page count " + count);
        }
        List<PackedBitImage> pages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            pages.add(SampleImages.textPage(dpi, i));
        }
        return new PageBatch(dpi, pages);
    }

    public PageBatch {
        pages = List.copyOf(pages);
    }

    public int size() {
        return pages.size();
    }

    public PackedBitImage page(int i) {
        return pages.get(i);
    }

    /** Total pixels in the batch. */
    public long pixelCount() {
        return pages.stream().mapToLong(PackedBitImage::pixelCount).sum();
    }

    /** Encodes every page on the calling thread with rle-core's encoder: the reference result. */
    public List<byte[]> encodeSequentially() {
        List<byte[]> encoded = new ArrayList<>(pages.size());
        for (PackedBitImage page : pages) {
            encoded.add(Rle.encoder().encode(page));
        }
        return encoded;
    }

    /** Sum of the lengths of {@code encoded}. */
    public static long totalBytes(List<byte[]> encoded) {
        return encoded.stream().mapToLong(b -> b.length).sum();
    }
}
