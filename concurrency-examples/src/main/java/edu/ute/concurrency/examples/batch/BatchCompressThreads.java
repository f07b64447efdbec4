package edu.ute.concurrency.examples.batch;

import edu.ute.concurrency.examples.support.ErrorText;
import edu.ute.concurrency.examples.support.OutputGate;
import edu.ute.concurrency.rle.ImageFiles;
import edu.ute.concurrency.rle.RleFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Exercise 2, version 1 of 3: compress a directory with raw threads and a shared queue, the way the
 * course's first threading program does. Compare with {@link BatchCompressFutures} (the same with an
 * executor and futures) and {@link BatchCompressProcessPool} (a pool of worker processes).
 *
 * <p>Everything is by hand: the queue of file names, a "poison pill" per worker so that each knows
 * when to stop, a synchronised list for the errors, and {@code join()} to wait for the end.
 *
 * <p>HOW TO RUN (no arguments: 60 generated pages under target/batch-demo):
 * <pre>
 * mvn -q -pl concurrency-examples -am compile exec:exec \
 *     -Dexec.mainClass=edu.ute.concurrency.examples.batch.BatchCompressThreads [-Dexec.appArgs="IN_DIR OUT_DIR"]
 * </pre>
 * Expected output: "threads: 60 files, 0 failed, ... ms with 2 worker threads; output in
 * target/batch-demo/out-threads".
 */
public final class BatchCompressThreads {
    /** A file name that is not a file: tells a worker that the queue is finished. */
    private static final Path POISON_PILL = Path.of("");

    private BatchCompressThreads() {
    }

    public static void main(String[] args) throws InterruptedException {
        BatchFolders folders = BatchFolders.fromArguments(args, "threads"); // a mistake ends the program here, in one line
        int workers = Runtime.getRuntime().availableProcessors();
        long start = System.nanoTime();

        // 1. A bounded queue: the producer blocks when the workers fall behind, memory stays small.
        BlockingQueue<Path> queue = new LinkedBlockingQueue<>(100);
        List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());

        // 2. Workers take file names until they meet a poison pill.
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Thread thread = new Thread(() -> {
                try {
                    for (Path file = queue.take(); file != POISON_PILL; file = queue.take()) {
                        try {
                            byte[] rle = RleFile.encode(ImageFiles.read(file));
                            Path output = folders.outputFor(file);
                            OutputGate.write(() -> ImageFiles.writeAtomically(output, rle)); // Ctrl-C waits for it
                        } catch (IOException | RuntimeException e) {
                            errors.add(file + ": " + ErrorText.reason(file, e)); // keep going with the other files
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // asked to stop: leave the loop, end the thread
                }
            }, "compress-worker-" + w);
            thread.start();
            threads.add(thread);
        }

        // 3. The main thread produces: every file, then one pill per worker.
        List<Path> files = folders.files();
        try {
            for (Path file : files) {
                queue.put(file);
            }
        } finally {
            for (int w = 0; w < workers; w++) {
                queue.put(POISON_PILL); // even if producing failed: otherwise the workers wait forever
            }
        }

        // 4. Wait for every worker; join() also makes their writes to `errors` visible here.
        for (Thread thread : threads) {
            thread.join();
        }
        errors.forEach(e -> System.err.println("failed: " + e));
        System.out.printf("threads: %d files, %d failed, %d ms with %d worker threads; output in %s%n",
                files.size(), errors.size(), (System.nanoTime() - start) / 1_000_000, workers, folders.output());
        System.exit(errors.isEmpty() ? 0 : 1);
    }
}
