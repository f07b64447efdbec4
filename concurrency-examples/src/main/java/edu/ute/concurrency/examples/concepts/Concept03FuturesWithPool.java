package edu.ute.concurrency.examples.concepts;

import edu.ute.concurrency.rle.RleFile;
import edu.ute.concurrency.rle.SampleImages;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Concept 3: futures with a pool, the counterpart of Python's {@code concurrent.futures}. A fixed pool
 * of threads (one per core) compresses pages; {@code submit} returns a {@link Future} at once, and
 * {@code get()} waits for its result or throws the task's exception. Then the same with
 * {@link CompletableFuture}, whose results can be chained without waiting.
 *
 * <p>What to notice: the pool is created once and closed by try-with-resources ({@code close()} waits
 * for the tasks); a failing task does not kill the pool, its exception comes out of {@code get()}
 * wrapped in an {@link ExecutionException}.
 *
 * <p>HOW TO RUN:
 * <pre>
 * mvn -q -pl concurrency-examples -am compile exec:exec -Dexec.mainClass=edu.ute.concurrency.examples.concepts.Concept03FuturesWithPool
 * </pre>
 * Expected output:
 * <pre>
 * page 0: 166,624 bytes (on pool-1-thread-1)
 * page 1: 166,358 bytes (on pool-1-thread-2)
 * ...
 * page 5: failed: java.lang.IllegalArgumentException: dpi 5 outside 20..2400
 * ...
 * total of the pages that worked: 1,139,420 bytes, via CompletableFuture: 1,139,420 bytes
 * </pre>
 */
public final class Concept03FuturesWithPool {
    private Concept03FuturesWithPool() {
    }

    record Compressed(int page, int bytes, String thread) {
    }

    static Compressed compress(int page) {
        int dpi = page == 5 ? 5 : 150; // page 5 asks for an impossible resolution: its task fails
        return new Compressed(page, RleFile.encode(SampleImages.textPage(dpi, page)).length, Thread.currentThread().getName());
    }

    public static void main(String[] args) throws InterruptedException {
        int threads = Runtime.getRuntime().availableProcessors();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            // 1. Submit everything first (the pages are compressed meanwhile), then collect in order.
            List<Future<Compressed>> futures = new ArrayList<>();
            for (int page = 0; page < 8; page++) {
                int p = page;
                futures.add(pool.submit(() -> compress(p)));
            }
            long total = 0;
            for (int page = 0; page < futures.size(); page++) {
                try {
                    Compressed c = futures.get(page).get(); // waits for this page only
                    total += c.bytes();
                    System.out.printf("page %d: %,d bytes (on %s)%n", c.page(), c.bytes(), c.thread());
                } catch (ExecutionException e) {
                    System.out.printf("page %d: failed: %s%n", page, e.getCause());
                }
            }

            // 2. The same with CompletableFuture: describe the pipeline, join once at the end.
            List<CompletableFuture<Integer>> sizes = new ArrayList<>();
            for (int page = 0; page < 8; page++) {
                int p = page;
                sizes.add(CompletableFuture.supplyAsync(() -> compress(p), pool) // run on our pool, not the common one
                        .thenApply(Compressed::bytes)
                        .exceptionally(failure -> 0));                             // a failed page counts 0 bytes
            }
            long viaCompletable = sizes.stream().mapToLong(CompletableFuture::join).sum();
            System.out.printf("total of the pages that worked: %,d bytes, via CompletableFuture: %,d bytes%n", total, viaCompletable);
        }
    }
}
