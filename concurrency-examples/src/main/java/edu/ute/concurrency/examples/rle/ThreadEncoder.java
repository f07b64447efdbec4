package edu.ute.concurrency.examples.rle;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Raw {@link Thread}s, the way the course's first threading program does it: start N - 1 threads, let
 * each (and the calling thread, the N-th worker) take the next task from a shared counter (a queue of
 * task numbers that never blocks: {@link SharedTaskList}), wait for all of them with {@link Thread#join()}.
 *
 * <pre>{@code
 * byte[] file = new ThreadEncoder(4).encode(page);      // row blocks over 4 threads
 * }</pre>
 *
 * <p>What a pool would do for us is written out here: starting the threads, stopping them when the
 * caller is interrupted, and joining every thread even then, so that none outlives the call. The
 * shared counter, the results and the first failure live in {@link SharedTaskList}. Results need no
 * lock: each slot is written by one thread, and {@code join()} makes those writes visible to the caller
 * (the thread's end <em>happens-before</em> {@code join()} returns).
 *
 * <p><b>Thread safety:</b> stateless; each call starts and joins its own threads. The calling
 * thread's interrupt status is honoured: the workers are interrupted and joined, then
 * {@link InterruptedException} is thrown.
 */
public final class ThreadEncoder extends RleStrategy {
    private static final AtomicInteger THREAD_NUMBERS = new AtomicInteger();

    public ThreadEncoder(int threads) {
        super(threads);
    }

    @Override
    public String name() {
        return "threads";
    }

    @Override
    protected <T> List<T> runTasks(List<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        SharedTaskList<T> shared = new SharedTaskList<>(tasks);
        // The calling thread is one of the workers: it would otherwise sit in join(), and starting a
        // thread costs CPU time (measured: 1.22x sequential's CPU on a 600-dpi page with 2 new threads).
        Thread[] workers = new Thread[Math.min(threads(), tasks.size()) - 1];
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
