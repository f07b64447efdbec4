package edu.ute.concurrency.links.crawl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * N raw {@link Thread}s taking URLs from one shared work queue: the counterpart of the course's
 * {@code threading.Thread} version, written with nothing but {@code synchronized}, {@code wait} and
 * {@code notifyAll}.
 *
 * <p>The hard part is knowing when to stop. "The queue is empty" is not enough: a worker that is
 * still fetching may add twenty URLs a moment later. The rule used here: a worker quits when the
 * queue is empty <em>and</em> no worker is busy fetching; until then an idle worker {@code wait()}s
 * (no busy-waiting, no sleep polling) and every worker that finishes a page {@code notifyAll()}s.
 * The last busy worker to find nothing new therefore wakes everyone up to quit.
 *
 * <p>The calling thread only starts the workers and joins them with the crawl's deadline; on the
 * deadline or an interrupt it stops the queue and interrupts the workers, which abort their request.
 * Stateless and thread-safe (each call has its own queue and threads).
 */
public final class RawThreadCrawler implements Crawler {

    /** The work queue and the termination rule, guarded by this object's monitor. */
    private static final class WorkQueue {
        private final Deque<CrawlTask> tasks = new ArrayDeque<>();
        private final CrawlState state;
        private int busy;
        private boolean stopped;

        WorkQueue(CrawlState state, Collection<CrawlTask> first) {
            this.state = state;
            tasks.addAll(first);
        }

        /** The next task, or null when the crawl is over (or stopped). Waits while others may add work. */
        synchronized CrawlTask take() throws InterruptedException {
            while (tasks.isEmpty() && busy > 0 && !stopped) {
                wait();
            }
            if (stopped || tasks.isEmpty()) {
                notifyAll();   // queue empty and nobody busy: tell the other idle workers to quit too
                return null;
            }
            busy++;
            CrawlTask task = tasks.removeFirst();
            state.started(task);
            return task;
        }

        /** A worker finished a task and found {@code next}. */
        synchronized void done(List<CrawlTask> next) {
            tasks.addAll(next);
            busy--;
            notifyAll();
        }

        synchronized void stop() {
            stopped = true;
            notifyAll();
        }
    }

    @Override
    public CrawlResult crawl(CrawlSettings settings, CrawlProgress.Listener progress) throws InterruptedException {
        try (CrawlRun run = CrawlRun.open(settings, progress)) {
            WorkQueue queue = new WorkQueue(run.state(), run.state().start());
            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < settings.concurrency(); i++) {
                Thread worker = new Thread(() -> work(run, queue), "links-worker-" + i);
                workers.add(worker);
                worker.start();
            }
            try {
                for (Thread worker : workers) {
                    TimeUnit.NANOSECONDS.timedJoin(worker, Math.max(run.nanosLeft(), 1));
                    if (worker.isAlive()) {
                        stop(queue, workers);
                        return run.result("deadline");
                    }
                }
            } catch (InterruptedException e) {
                stop(queue, workers);
                throw e;
            }
            return run.result(null);
        }
    }

    private static void work(CrawlRun run, WorkQueue queue) {
        try {
            CrawlTask task;
            while ((task = queue.take()) != null) {
                List<CrawlTask> next = List.of();
                try {
                    FetchOutcome outcome = run.fetcher().fetch(task);
                    next = run.state().complete(task, outcome);
                } catch (InterruptedException e) {
                    run.state().abandoned(task);
                    return;   // the crawl is being stopped; the thread ends, which is what interrupt asks
                } finally {
                    queue.done(next);   // even on a bug, or the other workers would wait forever
                }
            }
        } catch (InterruptedException e) {
            // Interrupted while waiting for work: the crawl is being stopped. Ending the thread is the
            // response to the interrupt, so there is no flag left to restore.
        }
    }

    /** Stops the queue, interrupts every worker and waits for them to end. */
    private static void stop(WorkQueue queue, List<Thread> workers) {
        queue.stop();
        workers.forEach(Thread::interrupt);
        boolean interrupted = Thread.interrupted();
        for (Thread worker : workers) {
            while (worker.isAlive()) {
                try {
                    worker.join();
                } catch (InterruptedException e) {
                    interrupted = true;   // keep waiting: leaving threads behind is worse
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
