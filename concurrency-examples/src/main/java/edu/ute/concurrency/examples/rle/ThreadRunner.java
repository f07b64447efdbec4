package edu.ute.concurrency.examples.rle;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Raw {@link Thread}s, the way the course's first threading program does it: start N - 1 threads, let
 * each (and the calling thread, the N-th worker) take the next task from a shared counter
 * ({@link SharedTaskList}), wait for all of them with {@link Thread#join()}.
 *
 * <pre>{@code
 * byte[] file = new RunnerCodec(new ThreadRunner(4)).encode(page);   // row blocks over 4 threads
 * }</pre>
 *
 * <p>What a pool would do for us is written out here: starting the threads, stopping them when the
 * caller is interrupted, and joining every thread even then, so that none outlives the call. This is
 * the one place in the package that waits for threads by hand; every pool is stopped with its own
 * {@code close()}. Results need no lock: each is written by one thread, and {@code join()} makes it
 * visible to the caller (a thread's end <em>happens-before</em> {@code join()} returns).
 *
 * <p>After a task fails no new task starts, and the first failure is thrown. <b>Thread safety:</b>
 * stateless; each call starts and joins its own threads. If the caller is interrupted, the workers are
 * interrupted and joined, then {@link InterruptedException} is thrown.
 */
public record ThreadRunner(int threads) implements TaskRunner {
    private static final AtomicInteger THREAD_NUMBERS = new AtomicInteger();

    public ThreadRunner {
        TaskRunner.requirePositive(threads);
    }

    @Override
    public <T> List<T> runAll(List<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        SharedTaskList<T> shared = new SharedTaskList<>(tasks);
        // The calling thread is one of the workers: it would otherwise sit in join(), and every thread
        // started costs CPU time of its own.
        Thread[] workers = new Thread[Math.min(threads, tasks.size()) - 1];
        for (int t = 0; t < workers.length; t++) {
            workers[t] = new Thread(shared::work, "rle-thread-" + THREAD_NUMBERS.incrementAndGet());
            workers[t].start();
        }
        shared.work();
        try {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while encoding");
            }
            for (Thread worker : workers) {
                worker.join();
            }
        } catch (InterruptedException e) {
            // The caller is being cancelled: ask the workers to stop, and still wait for them, so that
            // no thread outlives this call.
            shared.stop();
            for (Thread worker : workers) {
                worker.interrupt();
            }
            joinUninterruptibly(workers);
            throw e;
        }
        return shared.results();
    }

    private static void joinUninterruptibly(Thread[] workers) {
        boolean interrupted = false;
        for (Thread worker : workers) {
            while (worker.isAlive()) {
                try {
                    worker.join();
                } catch (InterruptedException again) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
