package edu.ute.concurrency.examples.rle;

import edu.ute.concurrency.rle.PackedBitImage;
import edu.ute.concurrency.rle.Rle;
import edu.ute.concurrency.rle.RleEncoder;
import edu.ute.concurrency.rle.RleFile;
import edu.ute.concurrency.rle.RleFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/**
 * One way of running the RLE codec concurrently. Every strategy answers the same three questions with
 * the same result, byte for byte, as the sequential codec; only <em>how</em> the work is spread over
 * threads (or processes) differs:
 * <ul>
 *   <li>{@link #encode(PackedBitImage)}: one image, split into the {@code .rle} file's row blocks
 *       (64 rows each), runs of consecutive blocks encoded concurrently (one range per thread), then
 *       assembled in order ("per row block");</li>
 *   <li>{@link #decode(RleFile)}: one file, its blocks decoded concurrently into one shared image (rows
 *       never share a 64-bit word, so threads writing different blocks never touch the same memory);</li>
 *   <li>{@link #encodeEach(List)} and {@link #runAll(List)}: many images, one task per image, each
 *       image encoded sequentially inside its task ("per image").</li>
 * </ul>
 * A subclass only says how a list of independent tasks is run: {@link #runTasks(List)}. Reading that
 * one method of each subclass side by side is the point of this package.
 *
 * <pre>{@code
 * try (RleStrategy executor = RleStrategy.named("executor", 4)) {
 *     byte[] file = executor.encode(page);                      // identical to RleFile.encode(page)
 *     PackedBitImage back = executor.decode(RleFile.parse(file));
 *     List<byte[]> files = executor.encodeEach(pages);          // one task per page
 * }                                                             // close(): the pool's threads end here
 * }</pre>
 *
 * <p>Strategies built on a pool ({@code executor}, {@code forkjoin}, {@code parallel-stream}, {@code auto})
 * create it once and keep it until {@link #close()}, as a real program would: starting threads costs
 * tens of microseconds each, as much as encoding a few row blocks. The others start their threads (or
 * processes) in each call and end them before it returns: that cost is part of what they show.
 *
 * <p><b>Thread safety.</b> One instance may be used from several threads at once; calls share only the
 * pool. After {@link #close()} no thread of the strategy is left running.
 *
 * <p><b>Memory consistency.</b> Actions of the calling thread before {@link #runAll} <i>happen-before</i>
 * every task it runs, and every task's actions happen-before {@code runAll} returns (each strategy gets
 * this from its primitive: {@code Thread.start}/{@code join}, {@code Future.get}, {@code ForkJoinTask.get},
 * a child's exit). That is why the tasks may read the image, and the caller the blocks they wrote,
 * without locks.
 */
public abstract class RleStrategy implements AutoCloseable {
    /** Every strategy name {@link #named} accepts, in the order {@code rle compare} shows them. */
    public static final List<String> NAMES = List.of(
            "sequential", "threads", "executor", "forkjoin", "parallel-stream", "virtual", "process", "auto");

    private final int threads;

    protected RleStrategy(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        this.threads = threads;
    }

    /** The strategy called {@code name} (one of {@link #NAMES}) using at most {@code threads} threads. */
    public static RleStrategy named(String name, int threads) {
        return switch (name) {
            case "sequential" -> new SequentialEncoder();
            case "threads" -> new ThreadEncoder(threads);
            case "executor" -> new ExecutorEncoder(threads);
            case "forkjoin" -> new ForkJoinEncoder(threads);
            case "parallel-stream" -> new ParallelStreamEncoder(threads);
            case "virtual" -> new VirtualThreadEncoder(threads);
            case "process" -> new ProcessPerImageEncoder(threads);
            case "auto" -> new AutoEncoder(threads);
            default -> throw new IllegalArgumentException("unknown strategy '" + name + "' (one of " + String.join(", ", NAMES) + ")");
        };
    }

    /** The name used on the command line and in {@code rle compare}'s table. */
    public abstract String name();

    /** The most threads (or child processes) this strategy runs at once. */
    public int threads() {
        return threads;
    }

    /**
     * Runs every task, possibly at the same time, and returns their results in the order of the
     * tasks. If a task fails, its exception is thrown as the cause of an {@link ExecutionException},
     * (whether the other tasks still run first depends on the strategy: see each class). If the calling
     * thread is interrupted, the tasks not yet started are abandoned, running ones are asked to stop, and
     * {@link InterruptedException} is thrown.
     */
    public final <T> List<T> runAll(List<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before " + name() + " started");
        }
        if (tasks.isEmpty()) {
            return List.of();
        }
        return runTasks(tasks);
    }

    /** {@link #runAll} for a non-empty list of tasks: the one method each strategy writes its own way. */
    protected abstract <T> List<T> runTasks(List<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException;

    /**
     * Tasks per thread when one image is split by row blocks: one contiguous range of blocks per thread.
     * Each extra task costs a hand-off, and a whole 600-dpi page is only ~1.6 ms of work. Measured
     * here with {@code rle compare --workloads text-600dpi,noise-300dpi} (2 cores, JDK 25): executor
     * 1.62× at 4 tasks per thread, 1.78× at 2, 1.87× at 1; the rows of a text page cost about the same,
     * so equal row ranges stay balanced. (110 one-block tasks cost more than the encoding they shared.)
     */
    static final int TASKS_PER_THREAD = 1;

    /** Encodes {@code image} into a complete {@code .rle} file, its row blocks concurrently. */
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
        for (List<byte[]> blocks : runUnchecked(tasks)) {
            encoded.addAll(blocks);
        }
        return RleFile.assemble(image.width(), height, blockRows, encoded);
    }

    /** Decodes {@code file}, its blocks concurrently into one image. */
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
            throw unwrap(e);
        }
        // runAll returns only after every task has ended and it has joined them (Thread.join,
        // Future.get, ForkJoinTask.get...): each of those is a happens-before edge, so the rows written by
        // the workers are visible here without any further synchronisation.
        return image;
    }

    /** Splits {@code blocks} blocks into contiguous ranges [from, to), {@link #TASKS_PER_THREAD} per thread. */
    List<int[]> blockRanges(int blocks) {
        int tasks = (int) Math.min(blocks, (long) threads() * TASKS_PER_THREAD);
        List<int[]> ranges = new ArrayList<>(tasks);
        for (int t = 0; t < tasks; t++) {
            ranges.add(new int[] {(int) ((long) t * blocks / tasks), (int) ((long) (t + 1) * blocks / tasks)});
        }
        return ranges;
    }

    /** Encodes every image into an {@code .rle} file, one task per image. */
    public List<byte[]> encodeEach(List<PackedBitImage> images) throws InterruptedException {
        List<Callable<byte[]>> tasks = new ArrayList<>(images.size());
        for (PackedBitImage image : images) {
            tasks.add(() -> encodeWhole(image));
        }
        return runUnchecked(tasks);
    }

    /** Decodes every {@code .rle} file (parsing and checking it too), one task per file. */
    public List<PackedBitImage> decodeEach(List<byte[]> rleFiles) throws InterruptedException, IOException {
        List<Callable<PackedBitImage>> tasks = new ArrayList<>(rleFiles.size());
        for (byte[] file : rleFiles) {
            tasks.add(() -> decodeWhole(file));
        }
        try {
            return runAll(tasks);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw unwrap(e);
        }
    }

    /**
     * Encodes one image as one unit of work, on the calling thread. {@link ProcessPerImageEncoder}
     * overrides this to send the image to a child JVM instead.
     */
    public byte[] encodeWhole(PackedBitImage image) throws IOException, InterruptedException {
        return RleFile.encode(image);
    }

    /** Decodes one file as one unit of work, on the calling thread (or in a child JVM, see above). */
    public PackedBitImage decodeWhole(byte[] rleFile) throws IOException, InterruptedException {
        return RleFile.parse(rleFile).decode();
    }

    private <T> List<T> runUnchecked(List<? extends Callable<T>> tasks) throws InterruptedException {
        try {
            return runAll(tasks);
        } catch (ExecutionException e) {
            throw unwrap(e);
        }
    }

    /** Turns a task's failure back into an unchecked exception with the original as its cause. */
    static RuntimeException unwrap(ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        if (cause instanceof IOException io) {
            return new UncheckedIOException(io.getMessage(), io);
        }
        return new IllegalStateException(String.valueOf(cause), cause);
    }

    /**
     * Shuts down this strategy's threads, if it keeps any, and waits for them to end (tasks already
     * running finish first). Calling it again does nothing.
     */
    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return name() + " (" + threads + " threads)";
    }
}
