package edu.ute.concurrency.examples.concepts;

import edu.ute.concurrency.rle.PackedBitImage;
import edu.ute.concurrency.rle.RleFile;
import edu.ute.concurrency.rle.SampleImages;

/**
 * Concept 1: a {@link Thread} subclass that overrides {@code run()}, used to overlap <em>waiting</em>.
 * Four pages are "fetched" from a slow source (each fetch waits 300 ms, standing in for a network or
 * a slow disk) and then compressed. One after the other that takes 4 × 300 ms; with one thread per
 * page the four waits overlap and it takes about 300 ms, whatever the number of cores: waiting threads
 * use no CPU. This is the case where Python's threads help too, despite the GIL.
 *
 * <p>What to notice: {@code start()} (not {@code run()}) starts the thread; {@code join()} waits for it
 * and makes what it wrote (its {@code compressedBytes} field) visible to the main thread.
 *
 * <p>HOW TO RUN:
 * <pre>
 * mvn -q -pl concurrency-examples -am compile exec:exec -Dexec.mainClass=edu.ute.concurrency.examples.concepts.Concept01ThreadSubclass
 * </pre>
 * Expected output (times vary a little):
 * <pre>
 * one after the other: 4 pages, 1234 ms
 * one thread per page: 4 pages, 311 ms  (page-0 34,754 bytes, page-1 32,360 bytes, ...)
 * </pre>
 */
public final class Concept01ThreadSubclass {
    /** Fetches one page (waiting, like a download) and compresses it. */
    static final class PageFetcher extends Thread {
        private final int page;
        private int compressedBytes; // written by this thread, read by main after join()

        PageFetcher(int page) {
            super("page-" + page);
            this.page = page;
        }

        @Override
        public void run() {
            compressedBytes = fetchAndCompress(page);
        }
    }

    static int fetchAndCompress(int page) {
        try {
            Thread.sleep(300); // the wait: a slow server or disk would keep us here without using the CPU
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // someone wants us to stop: keep the flag, give up
            return -1;
        }
        PackedBitImage image = SampleImages.textPage(50, page);
        return RleFile.encode(image).length;
    }

    public static void main(String[] args) throws InterruptedException {
        long start = System.nanoTime();
        for (int page = 0; page < 4; page++) {
            fetchAndCompress(page);
        }
        System.out.printf("one after the other: 4 pages, %d ms%n", (System.nanoTime() - start) / 1_000_000);

        start = System.nanoTime();
        PageFetcher[] fetchers = new PageFetcher[4];
        for (int page = 0; page < 4; page++) {
            fetchers[page] = new PageFetcher(page);
            fetchers[page].start();
        }
        StringBuilder sizes = new StringBuilder();
        for (PageFetcher fetcher : fetchers) {
            fetcher.join();
            sizes.append(String.format("%s %,d bytes, ", fetcher.getName(), fetcher.compressedBytes));
        }
        System.out.printf("one thread per page: 4 pages, %d ms  (%s)%n", (System.nanoTime() - start) / 1_000_000,
                sizes.substring(0, sizes.length() - 2));
    }
}
