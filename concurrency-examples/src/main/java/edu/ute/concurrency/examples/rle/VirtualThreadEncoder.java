package edu.ute.concurrency.examples.rle;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * One virtual thread per task (per row block, or per image), from
 * {@link Executors#newVirtualThreadPerTaskExecutor()}. Virtual threads are cheap to create, so there is
 * no pool to size; they run on a few carrier threads (one per core by default).
 *
 * <pre>{@code
 * List<byte[]> files = new VirtualThreadEncoder(2).encodeEach(pages);   // one virtual thread per page
 * }</pre>
 *
 * <p>Virtual threads help when tasks <em>wait</em> (files, network); RLE encoding only computes, so
 * they bring nothing of their own here. They still do as well as the pools in {@code rle compare}
 * (on one page, often a little better): their carrier threads <em>are</em> a pool, the JDK's
 * fork/join scheduler with one thread per core. A
 * {@link Semaphore} of {@code threads} permits still bounds how many tasks run at once: with one thread
 * per image of a batch, an unbounded version would read every image of the directory into memory
 * at the same time. Failures and interrupts behave as in {@link ExecutorEncoder}.
 *
 * <p><b>Thread safety:</b> stateless; each call creates and closes its own executor.
 */
public final class VirtualThreadEncoder extends RleStrategy {
    public VirtualThreadEncoder(int threads) {
        super(threads);
    }

    @Override
    public String name() {
        return "virtual";
    }

    @Override
    protected <T> List<T> runTasks(List<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        Semaphore running = new Semaphore(threads());
        try (ExecutorService perTask = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("rle-virtual-", 1).factory())) {
            List<Callable<T>> bounded = new ArrayList<>(tasks.size());
            for (Callable<T> task : tasks) {
                bounded.add(() -> {
                    running.acquire();
                    try {
                        return task.call();
                    } finally {
                        running.release();
                    }
                });
            }
            List<Future<T>> futures = perTask.invokeAll(bounded);
            List<T> results = new ArrayList<>(futures.size());
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }
}
