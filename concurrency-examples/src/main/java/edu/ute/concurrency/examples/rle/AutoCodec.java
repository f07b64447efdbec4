package edu.ute.concurrency.examples.rle;

import edu.ute.concurrency.rle.PackedBitImage;
import edu.ute.concurrency.rle.RleFile;
import edu.ute.concurrency.rle.RleFormatException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/**
 * Sequential for small work, parallel for large work: a chooser between two codecs. Handing work to
 * another thread costs tens of microseconds (waking it, collecting its result); below
 * {@link #PARALLEL_THRESHOLD_PIXELS} that costs more than the encoding it would share, so the work stays
 * on the calling thread ({@link SequentialRunner}). Above it, it goes to {@link WorkSharingRunner}, the
 * pool built to keep both cores busy on a single page, where handing every task to a pool
 * ({@link ExecutorRunner}) often leaves the second core idle.
 *
 * <pre>{@code
 * try (AutoCodec auto = new AutoCodec(2)) {
 *     byte[] icon = auto.encode(SampleImages.icon());            // sequential: 4,096 pixels
 *     byte[] page = auto.encode(SampleImages.textPage(600, 1));  // shared over the threads
 * }
 * }</pre>
 *
 * <p>A single block (an image under 64 rows) or a single image of a batch always stays sequential:
 * there is nothing to share. <b>Thread safety:</b> as {@link WorkSharingRunner}, whose pool it keeps
 * until {@link #close()}.
 */
public final class AutoCodec implements ConcurrentCodec {
    /**
     * Work of at least this many pixels is run in parallel: a little under an A4 page at 150 dpi (2.2
     * million pixels). The value comes from {@code rle calibrate}, which looks for the size from which
     * parallel is clearly faster on pages encoded back to back and not slower on a page encoded after a
     * pause; on another machine, run it and put the number it prints here (docs/rle-tool.md; the runs
     * behind this value are in docs/measurements.md).
     */
    public static final long PARALLEL_THRESHOLD_PIXELS = 2_000_000;

    final RunnerCodec sequential = new RunnerCodec(new SequentialRunner());
    final RunnerCodec parallel;
    private final int threads;
    private final long thresholdPixels;

    public AutoCodec(int threads) {
        this(threads, PARALLEL_THRESHOLD_PIXELS);
    }

    /** With a threshold of its own, for {@code rle calibrate} and tests. */
    public AutoCodec(int threads, long thresholdPixels) {
        this.parallel = new RunnerCodec(new WorkSharingRunner(threads));
        this.threads = threads;
        this.thresholdPixels = thresholdPixels;
    }

    /** The codec that {@code pixels} pixels of work in {@code units} independent pieces go to. */
    RunnerCodec choose(long pixels, int units) {
        return units < 2 || threads < 2 || pixels < thresholdPixels ? sequential : parallel;
    }

    @Override
    public byte[] encode(PackedBitImage image) throws InterruptedException {
        return choose(image.pixelCount(), RleFile.blockCount(image.height(), RleFile.DEFAULT_BLOCK_ROWS)).encode(image);
    }

    @Override
    public PackedBitImage decode(byte[] rleFile) throws InterruptedException, RleFormatException {
        RleFile file = RleFile.parse(rleFile); // once: the header gives the size to choose by
        return choose((long) file.width() * file.height(), file.blockCount()).decode(file);
    }

    @Override
    public List<byte[]> encodeEach(List<PackedBitImage> images) throws InterruptedException {
        long pixels = 0;
        for (PackedBitImage image : images) {
            pixels += image.pixelCount();
        }
        return choose(pixels, images.size()).encodeEach(images);
    }

    @Override
    public List<PackedBitImage> decodeEach(List<byte[]> rleFiles) throws InterruptedException, IOException {
        long bytes = 0;
        for (byte[] file : rleFiles) {
            bytes += file.length;
        }
        // The pixel count is in each header; the compressed size is a cheap lower bound of the work.
        return choose(bytes, rleFiles.size()).decodeEach(rleFiles);
    }

    /** Tasks of unknown size: in parallel when there are at least two. */
    @Override
    public <T> List<T> runAll(List<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        return choose(Long.MAX_VALUE, tasks.size()).runAll(tasks);
    }

    @Override
    public byte[] encodeWhole(PackedBitImage image) {
        return sequential.encodeWhole(image);
    }

    @Override
    public PackedBitImage decodeWhole(byte[] rleFile) throws RleFormatException {
        return sequential.decodeWhole(rleFile);
    }

    @Override
    public void close() {
        parallel.close();
    }
}
