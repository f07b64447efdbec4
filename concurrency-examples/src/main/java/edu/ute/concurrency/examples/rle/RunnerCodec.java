package edu.ute.concurrency.examples.rle;

import edu.ute.concurrency.rle.PackedBitImage;
import edu.ute.concurrency.rle.Rle;
import edu.ute.concurrency.rle.RleEncoder;
import edu.ute.concurrency.rle.RleFile;
import edu.ute.concurrency.rle.RleFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/**
 * The RLE codec on the threads of this JVM, with its independent pieces of work run by a
 * {@link TaskRunner}: all the codec is here, once, and each runner only says how tasks run.
 * <ul>
 *   <li>{@link #encode}: the image's {@code .rle} row blocks (64 rows each) in one contiguous range per
 *       thread, each range a task that reads its own rows of the shared image, then the blocks
 *       assembled in order with {@code RleFile.assemble};</li>
 *   <li>{@link #decode}: the file's block index gives each task its blocks, decoded into one shared
 *       image (rows never share a 64-bit word, so tasks never write the same memory);</li>
 *   <li>{@link #encodeEach}, {@link #decodeEach}: one task per image, each done whole with rle-core.</li>
 * </ul>
 *
 * <pre>{@code
 * try (RunnerCodec codec = new RunnerCodec(new ForkJoinRunner(4))) {
 *     byte[] file = codec.encode(page);                     // the bytes of RleFile.encode(page)
 * }                                                         // closes the runner
 * }</pre>
 *
 * <p>One range per thread, not one task per block: each task is a hand-off, and a whole page is only a
 * millisecond or two of work, so fewer, larger tasks share it best (docs/measurements.md); the rows of
 * a page cost about the same, so equal ranges stay balanced.
 *
 * <p><b>Thread safety.</b> As its runner; the codec itself keeps no state between calls.
 */
public final class RunnerCodec implements ConcurrentCodec {
    private final TaskRunner runner;

    /** A codec whose work {@code runner} runs; {@link #close()} closes the runner. */
    public RunnerCodec(TaskRunner runner) {
        this.runner = runner;
    }

    @Override
    public byte[] encode(PackedBitImage image) throws InterruptedException {
        int blockRows = RleFile.DEFAULT_BLOCK_ROWS;
        int height = image.height();
        RleEncoder encoder = Rle.encoder();
        List<Callable<List<byte[]>>> tasks = new ArrayList<>();
        for (int[] range : blockRanges(RleFile.blockCount(height, blockRows))) {
            tasks.add(() -> {
                // Each task reads only its own rows of the shared image: no copy, no lock.
                List<byte[]> blocks = new ArrayList<>(range[1] - range[0]);
                for (int block = range[0]; block < range[1]; block++) {
                    blocks.add(encoder.encodeRows(image, block * blockRows, Math.min((block + 1) * blockRows, height)));
                }
                return blocks;
            });
        }
        List<byte[]> encoded = new ArrayList<>();
        try {
            for (List<byte[]> blocks : runAll(tasks)) {
                encoded.addAll(blocks);
            }
        } catch (ExecutionException e) {
            throw TaskRunner.unchecked(e);
        }
        return RleFile.assemble(image.width(), height, blockRows, encoded);
    }

    @Override
    public PackedBitImage decode(byte[] rleFile) throws InterruptedException, RleFormatException {
        return decode(RleFile.parse(rleFile));
    }

    /** Decodes a file already parsed (and checked), its blocks concurrently into one image. */
    public PackedBitImage decode(RleFile file) throws InterruptedException, RleFormatException {
        PackedBitImage image = file.newImage();
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int[] range : blockRanges(file.blockCount())) {
            tasks.add(() -> {
                for (int block = range[0]; block < range[1]; block++) {
                    file.decodeBlock(block, image);
                }
                return null;
            });
        }
        try {
            runAll(tasks);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RleFormatException corrupt) {
                throw corrupt;
            }
            throw TaskRunner.unchecked(e);
        }
        // runAll returns only after every task has ended and the runner has waited for it (join,
        // Future.get, a latch): a happens-before edge, so the rows the tasks wrote are visible here.
        return image;
    }

    /** Splits {@code blocks} blocks into contiguous ranges [from, to), one per thread of the runner. */
    private List<int[]> blockRanges(int blocks) {
        int tasks = Math.min(blocks, runner.threads());
        List<int[]> ranges = new ArrayList<>(tasks);
        for (int t = 0; t < tasks; t++) {
            ranges.add(new int[] {(int) ((long) t * blocks / tasks), (int) ((long) (t + 1) * blocks / tasks)});
        }
        return ranges;
    }

    /** The runner's {@code runAll}, after the two checks every runner may rely on (see {@link TaskRunner}). */
    @Override
    public <T> List<T> runAll(List<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before the tasks started");
        }
        if (tasks.isEmpty()) {
            return List.of();
        }
        return runner.runAll(tasks);
    }

    /** {@code RleFile.encode(image)} on the calling thread. */
    @Override
    public byte[] encodeWhole(PackedBitImage image) {
        return RleFile.encode(image);
    }

    /** {@code RleFile.parse(rleFile).decode()} on the calling thread. */
    @Override
    public PackedBitImage decodeWhole(byte[] rleFile) throws RleFormatException {
        return RleFile.parse(rleFile).decode();
    }

    @Override
    public void close() {
        runner.close();
    }

    @Override
    public String toString() {
        return runner.getClass().getSimpleName() + " (" + runner.threads() + " threads)";
    }
}
