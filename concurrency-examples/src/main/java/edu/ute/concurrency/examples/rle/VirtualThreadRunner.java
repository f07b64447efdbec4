package edu.ute.concurrency.examples.rle;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * One virtual thread per task (per row range, or per image), from a thread-per-task executor.
 * Virtual threads are cheap to create, so there is no pool to size; they run on a few carrier threads
 * (one per core by default).
 *
 * <pre>{@code
 * List<byte[]> files = new RunnerCodec(new VirtualThreadRunner(2)).encodeEach(pages);   // a virtual thread per page
 * }</pre>
 *
 * <p>Virtual threads help when tasks <em>wait</em> (files, network); RLE encoding only computes, so
 * they bring nothing of their own here. They still do about as well as the pools in
 * {@code rle compare}: their carriers <em>are</em> a pool, the JDK's fork/join scheduler with one
 * thread per core. A {@link Semaphore} of {@code threads} permits bounds how many tasks run at once:
 * with one thread per image of a batch, an unbounded version would read every image of the directory
 * into memory at the same time. Failures and interrupts behave as in {@link ExecutorRunner}, whose
 * {@code invokeAll} this is on another executor.
 *
 * <p><b>Thread safety:</b> stateless; each call creates and closes its own executor.
 */
public record VirtualThreadRunner(int threads) implements TaskRunner {
    public VirtualThreadRunner {
        TaskRunner.requirePositive(threads);
    }

    @Override
    public <T> List<T> runAll(List<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        Semaphore running = new Semaphore(threads);
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
        try (ExecutorService perTask = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("rle-virtual-", 1).factory())) {
            return ExecutorRunner.invokeAll(perTask, bounded);
        }
    }
}
