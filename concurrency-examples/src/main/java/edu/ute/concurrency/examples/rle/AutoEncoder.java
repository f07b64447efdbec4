package edu.ute.concurrency.examples.rle;

import edu.ute.concurrency.rle.PackedBitImage;
import edu.ute.concurrency.rle.RleFile;
import edu.ute.concurrency.rle.RleFormatException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/**
 * Sequential for small work, parallel for large work. Handing work to another thread costs a few
 * tens of microseconds (starting the pool's threads, waking them, collecting results); below
 * {@link #PARALLEL_THRESHOLD_PIXELS} that costs more than the encoding it would share, so this strategy
 * stays on the calling thread. Above it, it uses {@link WorkSharingEncoder}: a pool of one thread per
 * spare core, with the calling thread working beside it instead of waiting, threads that poll briefly
 * before they park, and a caller that never waits for a helper still waking up. On this 2-core virtual
 * machine that kept both cores busy on a single page in every measured run, where handing every task
 * to a pool ({@link ExecutorEncoder}) often left the second core idle (see docs/rle-tool.md).
 *
 * <pre>{@code
 * byte[] icon = new AutoEncoder(2).encode(SampleImages.icon());          // sequential: 4 096 pixels
 * byte[] page = new AutoEncoder(2).encode(SampleImages.textPage(600, 1)); // a thread pool over row blocks
 * }</pre>
 *
 * <p>The threshold is measured, not guessed: {@code rle calibrate} encodes A4-wide strips of text page
 * of growing height both ways and prints where the parallel strategy starts to win; see
 * {@code docs/rle-tool.md} for the run that gave this value.
 *
 * <p><b>Thread safety:</b> as {@link WorkSharingEncoder}, whose pool it keeps until {@link #close()}.
 */
public final class AutoEncoder extends RleStrategy {
    /**
     * Work of at least this many pixels is run in parallel. Measured with {@code rle calibrate} on the
     * course machine (2 vCPUs under KVM, JDK 25, quiet), whose rule is: parallel at least 10 % faster
     * than sequential on pages encoded back to back, and at most 10 % slower on a page encoded after a
     * pause, at that size and every larger one. Four runs put that point at 952,320, 952,320, 1,269,760
     * and 1,904,640 pixels; this is the largest, rounded up (an A4 page at 150 dpi is 2.2 million
     * pixels, at 300 dpi 8.7 million). On another machine re-run {@code rle calibrate} and put the number
     * it prints here (docs/rle-tool.md).
     */
    public static final long PARALLEL_THRESHOLD_PIXELS = 2_000_000;

    private final RleStrategy sequential = new SequentialEncoder();
    private final WorkSharingEncoder parallel;
    private final long thresholdPixels;

    public AutoEncoder(int threads) {
        this(threads, PARALLEL_THRESHOLD_PIXELS);
    }

    /** With a threshold of its own, for {@code rle calibrate} and tests. */
    public AutoEncoder(int threads, long thresholdPixels) {
        super(threads);
        this.parallel = new WorkSharingEncoder(threads);
        this.thresholdPixels = thresholdPixels;
    }

    @Override
    public String name() {
        return "auto";
    }

    /** The strategy this one hands {@code pixels} pixels of work to. */
    public RleStrategy choose(long pixels, int units) {
        return units < 2 || threads() < 2 || pixels < thresholdPixels ? sequential : parallel;
    }

    @Override
    public byte[] encode(PackedBitImage image) throws InterruptedException {
        return choose(image.pixelCount(), RleFile.blockCount(image.height(), RleFile.DEFAULT_BLOCK_ROWS)).encode(image);
    }

    @Override
    public PackedBitImage decode(RleFile file) throws InterruptedException, RleFormatException {
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
    public List<PackedBitImage> decodeEach(List<byte[]> rleFiles) throws InterruptedException, java.io.IOException {
        long bytes = 0;
        for (byte[] file : rleFiles) {
            bytes += file.length;
        }
        // The pixel count is in each header; the compressed size is a cheap lower bound of the work.
        return choose(bytes, rleFiles.size()).decodeEach(rleFiles);
    }

    @Override
    public void close() {
        parallel.close();
    }

    /** Tasks of unknown size: in parallel when there are at least two. */
    @Override
    protected <T> List<T> runTasks(List<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        return choose(Long.MAX_VALUE, tasks.size()).runAll(tasks);
    }
}
