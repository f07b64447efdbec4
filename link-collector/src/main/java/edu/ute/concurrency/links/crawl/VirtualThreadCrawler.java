package edu.ute.concurrency.links.crawl;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One virtual thread per fetch (Java 21): plain blocking code, as in the sequential crawler, but
 * every admitted URL gets its own cheap thread. Threads are no longer the scarce resource, the
 * server is: a {@link Semaphore} of {@code concurrency} permits bounds the requests in flight, not
 * the threads.
 *
 * <p>Each fetching thread starts the threads for the URLs its page admitted. A {@link Phaser}
 * counts the fetches not yet finished (register before starting one, arrive when it ends), and the
 * calling thread waits for it to reach zero, with the crawl's deadline.
 *
 * <p>Stateless and thread-safe (each call has its own executor).
 */
public final class VirtualThreadCrawler implements Crawler {

    @Override
    public CrawlResult crawl(CrawlSettings settings, CrawlProgress.Listener progress) throws InterruptedException {
        try (CrawlRun run = CrawlRun.open(settings, progress)) {
            ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
            Semaphore permits = new Semaphore(settings.concurrency());
            Phaser pending = new Phaser(1);   // the calling thread's own registration
            try {
                spawn(run, threads, permits, pending, run.state().start());
                int phase = pending.arriveAndDeregister();
                pending.awaitAdvanceInterruptibly(phase, Math.max(run.nanosLeft(), 0), TimeUnit.NANOSECONDS);
                return run.result(null);
            } catch (TimeoutException e) {
                return run.result("deadline");   // finally{} interrupts the fetches still running
            } finally {
                threads.shutdownNow();
                boolean interrupted = Thread.interrupted();
                try {
                    threads.awaitTermination(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static void spawn(CrawlRun run, ExecutorService threads, Semaphore permits, Phaser pending,
                              List<CrawlTask> tasks) {
        for (CrawlTask task : tasks) {
            pending.register();
            try {
                threads.execute(() -> fetchAndSpawn(run, threads, permits, pending, task));
            } catch (RejectedExecutionException e) {
                pending.arriveAndDeregister();   // crawl stopped: this task never runs
            }
        }
    }

    private static void fetchAndSpawn(CrawlRun run, ExecutorService threads, Semaphore permits, Phaser pending,
                                      CrawlTask task) {
        try {
            FetchOutcome outcome;
            permits.acquire();
            try {
                run.state().started(task);
                outcome = run.fetcher().fetch(task);
            } finally {
                permits.release();
            }
            spawn(run, threads, permits, pending, run.state().complete(task, outcome));
        } catch (InterruptedException e) {
            // The crawl is being stopped: end this virtual thread, the interrupt has done its job.
            run.state().abandoned(task);
        } finally {
            pending.arriveAndDeregister();
        }
    }
}
