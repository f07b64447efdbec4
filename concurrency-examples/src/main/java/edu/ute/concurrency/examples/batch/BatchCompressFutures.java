package edu.ute.concurrency.examples.batch;

import edu.ute.concurrency.examples.support.ErrorText;
import edu.ute.concurrency.examples.support.OutputGate;
import edu.ute.concurrency.rle.ImageFiles;
import edu.ute.concurrency.rle.RleFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Exercise 2, version 2 of 3: the same directory compression as {@link BatchCompressThreads}, rewritten
 * with an {@link ExecutorService} and {@link CompletableFuture}s: one future per file, each turned
 * into "ok" or an error message by {@code handle}, all awaited with {@code allOf(...).join()}.
 *
 * <p>What went away: the queue, the poison pills, the hand-made error list and the joins. The pool
 * owns its threads; try-with-resources shuts it down and waits for it.
 *
 * <p>HOW TO RUN (no arguments: 60 generated pages under target/batch-demo):
 * <pre>
 * mvn -q -pl concurrency-examples -am compile exec:exec \
 *     -Dexec.mainClass=edu.ute.concurrency.examples.batch.BatchCompressFutures [-Dexec.appArgs="IN_DIR OUT_DIR"]
 * </pre>
 * Expected output: "futures: 60 files, 0 failed, ... ms with a pool of 2 threads; output in
 * target/batch-demo/out-futures".
 */
public final class BatchCompressFutures {
    private BatchCompressFutures() {
    }

    public static void main(String[] args) {
        BatchFolders folders = BatchFolders.fromArguments(args, "futures"); // a mistake ends the program here, in one line
        int threads = Runtime.getRuntime().availableProcessors();
        long start = System.nanoTime();

        List<Path> files = folders.files();
        List<String> errors;
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            // One future per file: the work, then what to report, success or failure.
            List<CompletableFuture<String>> results = files.stream()
                    .map(file -> CompletableFuture.runAsync(() -> compress(file, folders.outputFor(file)), pool)
                            .handle((ok, failure) -> failure == null ? null
                                    : file + ": " + ErrorText.reason(file, failure.getCause() != null ? failure.getCause() : failure)))
                    .toList();
            CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).join();
            errors = results.stream().map(CompletableFuture::join).filter(e -> e != null).toList();
        } // close(): shutdown() and wait for the pool's threads

        errors.forEach(e -> System.err.println("failed: " + e));
        System.out.printf("futures: %d files, %d failed, %d ms with a pool of %d threads; output in %s%n",
                files.size(), errors.size(), (System.nanoTime() - start) / 1_000_000, threads, folders.output());
        System.exit(errors.isEmpty() ? 0 : 1);
    }

    private static void compress(Path file, Path output) {
        try {
            byte[] rle = RleFile.encode(ImageFiles.read(file));
            OutputGate.write(() -> ImageFiles.writeAtomically(output, rle));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a lambda for runAsync cannot throw checked exceptions
        }
    }
}
