package edu.ute.concurrency.examples.rle;

import edu.ute.concurrency.rle.PackedBitImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/**
 * The RLE codec made concurrent one way: what {@code rle --strategy NAME} chooses
 * ({@link RleStrategy#create}). Whatever the way, the answer is the sequential codec's, byte for byte;
 * only how the work is spread over threads (or processes) differs. Two granularities:
 * <ul>
 *   <li>one image, its {@code .rle} row blocks shared out: {@link #encode}, {@link #decode};</li>
 *   <li>a batch, one task per image, each image done whole inside its task: {@link #encodeEach},
 *       {@link #decodeEach}; or, for a caller with tasks of its own (read a file, encode it, write it),
 *       {@link #runAll} with {@link #encodeWhole}/{@link #decodeWhole} inside each task.</li>
 * </ul>
 * Three kinds: {@link RunnerCodec} (the threads of this JVM, through any {@link TaskRunner}),
 * {@link ProcessPerImageCodec} (a child JVM per image) and {@link AutoCodec} (sequential or parallel by
 * the size of the work).
 *
 * <pre>{@code
 * try (ConcurrentCodec codec = RleStrategy.EXECUTOR.create(4)) {
 *     byte[] file = codec.encode(page);                  // identical to RleFile.encode(page)
 *     PackedBitImage back = codec.decode(file);
 *     List<byte[]> files = codec.encodeEach(pages);      // one task per page
 * }                                                      // close(): the codec's threads end here
 * }</pre>
 *
 * <p><b>Thread safety.</b> Every codec may be used from several threads at once. After
 * {@link #close()} no thread of the codec is left running.
 */
public interface ConcurrentCodec extends AutoCloseable {

    /** Encodes {@code image} into a complete {@code .rle} file, its row blocks concurrently. */
    byte[] encode(PackedBitImage image) throws InterruptedException;

    /**
     * Decodes an {@code .rle} file (checking it as {@code RleFile.parse} does), its blocks concurrently
     * into one image; a corrupt file is an {@code RleFormatException} naming the problem.
     */
    PackedBitImage decode(byte[] rleFile) throws InterruptedException, IOException;

    /**
     * Runs independent tasks the way this codec runs the images of a batch, and returns their results
     * in task order; a failure is the cause of the {@link ExecutionException}. See {@link TaskRunner}
     * for failures, interrupts and memory effects.
     */
    <T> List<T> runAll(List<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException;

    /** Encodes one image as one unit of work, from inside a task of {@link #runAll}. */
    byte[] encodeWhole(PackedBitImage image) throws IOException, InterruptedException;

    /** Decodes one {@code .rle} file as one unit of work, from inside a task of {@link #runAll}. */
    PackedBitImage decodeWhole(byte[] rleFile) throws IOException, InterruptedException;

    /** Encodes every image into an {@code .rle} file, one task per image. */
    default List<byte[]> encodeEach(List<PackedBitImage> images) throws InterruptedException {
        List<Callable<byte[]>> tasks = new ArrayList<>(images.size());
        for (PackedBitImage image : images) {
            tasks.add(() -> encodeWhole(image));
        }
        try {
            return runAll(tasks);
        } catch (ExecutionException e) {
            throw TaskRunner.unchecked(e);
        }
    }

    /** Decodes every {@code .rle} file (parsing and checking it too), one task per file. */
    default List<PackedBitImage> decodeEach(List<byte[]> rleFiles) throws InterruptedException, IOException {
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
            throw TaskRunner.unchecked(e);
        }
    }

    /** Ends the codec's threads (and child processes), if it keeps any; calling it again does nothing. */
    @Override
    void close();
}
