package edu.ute.concurrency.examples.rle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Raw {@link Thread}s, the way the course's first threading program does it: start N - 1 threads, let
 * each (and the calling thread, the N-th worker) take the next task from a shared counter (a queue of
 * task numbers that never blocks), wait for all of them with {@link Thread#join()}.
 *
 * <pre>{@code
 * byte[] file = new ThreadEncoder(4).encode(page);      // row blocks over 4 threads
 * }</pre>
 *
 * <p>Everything a pool would do is written out here, which is why this is the longest strategy: the
 * results array, the first failure, stopping the other threads when a task fails or the caller is
 * interrupted, and joining every thread even then. Results need no lock: each slot is written by one
 * thread, and {@code join()} makes those writes visible to the caller (the thread's end
 * <em>happens-before</em> {@code join()} returns).
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
        int n = tasks.size();
        Object[] results = new Object[n];
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Runnable work = () -> {
            // Stop taking tasks once one has failed or this thread was interrupted.
            while (failure.get() == null && !Thread.currentThread().isInterrupted()) {
                int i = next.getAndIncrement();
                if (i >= n) {
                    return;
                }
                try {
                    results[i] = tasks.get(i).call();
                } catch (InterruptedException e) {
                    // Keep the interrupt status: on the calling thread it decides what runTasks throws.
                    Thread.currentThread().interrupt();
                    failure.compareAndSet(null, e);
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            }
        };
        // The calling thread is one of the workers: it would otherwise sit in join(), and starting a
        // thread costs CPU time (measured: 1.22x sequential's CPU on a 600-dpi page with 2 new threads).
        Thread[] workers = new Thread[Math.min(threads(), n) - 1];
        for (int t = 0; t < workers.length; t++) {
            workers[t] = new Thread(work, "rle-thread-" + THREAD_NUMBERS.incrementAndGet());
            workers[t].start();
        }
        work.run();
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
            for (Thread worker : workers) {
                worker.interrupt();
            }
            joinUninterruptibly(workers);
            throw e;
        }
        if (failure.get() != null) {
            throw new ExecutionException(failure.get());
        }
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) new ArrayList<>(Arrays.asList(results));
        return list;
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
