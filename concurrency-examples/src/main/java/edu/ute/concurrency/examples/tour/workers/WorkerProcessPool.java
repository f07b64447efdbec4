package edu.ute.concurrency.examples.tour.workers;

import edu.ute.concurrency.examples.support.ChildJvm;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A fixed-size pool of worker JVMs that RLE-encode images sent to them over stdin/stdout: the JDK's
 * counterpart of execnet's gateways and Parallel Python's job server, on one machine.
 *
 * <p>Each worker is a separate JVM ({@link WorkerProcessMain}) started with {@link ProcessBuilder},
 * speaking the length-prefixed {@link WorkerProtocol}. Inside this JVM one driver thread per worker
 * sends it one task at a time and waits for the reply, so at most {@code workers} tasks are in flight
 * and at most {@code workers} JVMs exist at once (bounded in both). A worker that dies mid-task —
 * its stdout ends before the reply — is replaced by a fresh JVM and the task is retried once; a
 * second death, or a task that runs past the timeout (its worker is then killed), is reported as
 * {@link TaskOutcome.Failed} naming the worker's pid and exit status. A task that throws inside the
 * worker is reported at once and not retried: it would throw again.
 *
 * <pre>{@code
 * try (WorkerProcessPool pool = WorkerProcessPool.start(2, Duration.ofSeconds(60))) {
 *     List<TaskOutcome> outcomes = pool.encodeAll(List.of(new EncodeTask(0, page0), new EncodeTask(1, page1)));
 * }   // close(): stdin of each worker closed, each JVM has exited (or been killed) when this returns
 * }</pre>
 *
 * <p>Why processes at all, when threads share memory? In Python, processes are how CPU-bound work
 * escapes the GIL; in Java, threads already run in parallel, so this is the tool for other reasons:
 * isolating code that may crash or leak (a native library, a huge input), or a different JVM
 * configuration per worker. Past one machine, do not grow this into a home-made cluster: use an
 * existing distributed engine (Apache Spark, Apache Flink, or a batch scheduler such as a Kubernetes
 * Job running the RLE CLI per shard) with rle-core as a plain library inside its tasks — they already
 * solve scheduling, retries, data locality and failure detection across hosts.
 *
 * <p><b>Thread safety.</b> Thread-safe: {@link #encodeAll} runs one batch at a time (concurrent calls
 * wait their turn), {@link #close} may be called from any thread and more than once.
 */
public final class WorkerProcessPool implements AutoCloseable {
    /** A task is tried at most this often: the first attempt and one retry after a worker died. */
    public static final int MAX_ATTEMPTS = 2;

    // Small heap and the serial collector: a worker encodes one page at a time on one thread, and on a
    // 2-core machine N workers with parallel GC threads each would fight over the cores.
    // DisplayVMOutputToStderr keeps JVM warnings off stdout, which carries the protocol.
    private static final List<String> WORKER_JVM_ARGS = List.of(
            "-Xmx256m", "-XX:+UseSerialGC", "-XX:+IgnoreUnrecognizedVMOptions", "-XX:+DisplayVMOutputToStderr");
    private static final Duration EXIT_GRACE = Duration.ofSeconds(5);

    // Slot i belongs to driver thread i during a batch; close() reads it from any thread.
    private final AtomicReferenceArray<WorkerProcess> slots;
    private final Duration taskTimeout;
    private final ScheduledExecutorService watchdog;
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger deaths = new AtomicInteger();
    private final Object batchLock = new Object();
    private volatile boolean closed;

    private WorkerProcessPool(int workers, Duration taskTimeout) {
        this.slots = new AtomicReferenceArray<>(workers);
        this.taskTimeout = taskTimeout;
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "worker-pool-watchdog");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts {@code workers} worker JVMs and waits until each has said HELLO.
     *
     * @param taskTimeout longest a worker may take for one task before it is killed
     * @throws IOException if a worker JVM cannot be started (the ones already started are stopped)
     */
    public static WorkerProcessPool start(int workers, Duration taskTimeout) throws IOException {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, not " + workers);
        }
        if (taskTimeout.isNegative() || taskTimeout.isZero()) {
            throw new IllegalArgumentException("task timeout must be positive, not " + taskTimeout);
        }
        WorkerProcessPool pool = new WorkerProcessPool(workers, taskTimeout);
        try {
            for (int i = 0; i < workers; i++) {
                pool.slots.set(i, pool.startWorker());
            }
        } catch (IOException | RuntimeException e) {
            pool.close();
            throw e;
        }
        return pool;
    }

    /** Number of workers (JVMs alive at once when all are running). */
    public int size() {
        return slots.length();
    }

    /** Worker JVMs started so far, replacements included. */
    public int workersStarted() {
        return started.get();
    }

    /** Workers that died or were killed while running a task. */
    public int workerDeaths() {
        return deaths.get();
    }

    /** The pids of the live workers, in slot order. */
    public List<Long> workerPids() {
        synchronized (batchLock) {
            List<Long> pids = new ArrayList<>();
            for (int i = 0; i < slots.length(); i++) {
                WorkerProcess w = slots.get(i);
                if (w != null) {
                    pids.add(w.pid);
                }
            }
            return pids;
        }
    }

    /**
     * Encodes every task on the workers and returns the outcomes in task order. Blocks until every
     * task has an outcome.
     *
     * @throws IOException if a replacement worker cannot be started
     * @throws InterruptedException if interrupted while waiting; the pool is then closed, because its
     *         workers are in the middle of tasks nobody will read
     */
    public List<TaskOutcome> encodeAll(List<EncodeTask> tasks) throws IOException, InterruptedException {
        synchronized (batchLock) {
            if (closed) {
                throw new IllegalStateException("pool is closed");
            }
            ConcurrentLinkedQueue<Attempt> queue = new ConcurrentLinkedQueue<>();
            for (int i = 0; i < tasks.size(); i++) {
                queue.add(new Attempt(i, Objects.requireNonNull(tasks.get(i), "task " + i), List.of()));
            }
            AtomicReferenceArray<TaskOutcome> outcomes = new AtomicReferenceArray<>(tasks.size());
            // One driver thread per worker. Platform threads: each spends its life blocked on a pipe,
            // and there are only `workers` of them.
            try (ExecutorService drivers = Executors.newFixedThreadPool(slots.length())) {
                List<Future<Void>> running = new ArrayList<>();
                for (int slot = 0; slot < slots.length(); slot++) {
                    int s = slot;
                    running.add(drivers.submit(() -> drive(s, queue, outcomes)));
                }
                try {
                    for (Future<Void> f : running) {
                        f.get();
                    }
                } catch (InterruptedException e) {
                    // Workers may be mid-task with replies nobody will read: stop everything.
                    drivers.shutdownNow();
                    close();
                    throw e;
                } catch (ExecutionException e) {
                    drivers.shutdownNow();
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    throw new IllegalStateException("worker driver failed", e.getCause());
                }
            }
            List<TaskOutcome> result = new ArrayList<>(tasks.size());
            for (int i = 0; i < tasks.size(); i++) {
                result.add(outcomes.get(i));
            }
            return result;
        }
    }

    /** One attempt at a task: its index in the batch and the pids of the workers that already tried. */
    private record Attempt(int index, EncodeTask task, List<Long> triedOn) {
        int number() {
            return triedOn.size() + 1;
        }
    }

    /** The loop of one driver thread: take attempts until none is left, on the worker of slot {@code s}. */
    private Void drive(int s, ConcurrentLinkedQueue<Attempt> queue, AtomicReferenceArray<TaskOutcome> outcomes)
            throws IOException, InterruptedException {
        Attempt attempt;
        while ((attempt = queue.poll()) != null) {
            if (Thread.interrupted()) {
                throw new InterruptedException("driver of worker slot " + s + " interrupted");
            }
            WorkerProcess worker = slots.get(s);
            if (worker == null) {
                worker = startWorker();
                slots.set(s, worker);
                if (closed) {
                    // close() ran while this worker was starting and did not see it: stop it here.
                    worker.stop();
                    throw new IOException("pool closed during the batch");
                }
            }
            List<Long> tried = new ArrayList<>(attempt.triedOn());
            tried.add(worker.pid);
            EncodeTask task = attempt.task();
            try {
                WorkerProtocol.Result r = worker.run(task, attempt.number());
                outcomes.set(attempt.index(), r.error() == null
                        ? new TaskOutcome.Encoded(task.id(), r.payload(), tried)
                        : new TaskOutcome.Failed(task.id(), "task threw in worker " + worker.pid + ": " + r.error(), tried));
            } catch (IOException died) {
                // EOF or a broken pipe: the worker is gone (or was killed by the watchdog).
                deaths.incrementAndGet();
                slots.set(s, null);
                String how = worker.describeDeath(died);
                if (attempt.number() < MAX_ATTEMPTS) {
                    // Re-queued before this driver polls again, so even if every other driver has
                    // already found the queue empty and left, this one picks the retry up.
                    queue.add(new Attempt(attempt.index(), task, tried));
                } else {
                    outcomes.set(attempt.index(), new TaskOutcome.Failed(task.id(),
                            "gave up after " + attempt.number() + " attempts; last worker " + how, tried));
                }
            }
        }
        return null;
    }

    private WorkerProcess startWorker() throws IOException {
        if (closed) {
            throw new IOException("pool is closed");
        }
        Process process = new ProcessBuilder(ChildJvm.command(WorkerProcessMain.class, WORKER_JVM_ARGS))
                // The worker's stderr (JVM errors, stray prints) goes to ours, so nothing is lost and
                // nobody has to drain a pipe.
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        started.incrementAndGet();
        WorkerProcess worker = new WorkerProcess(process);
        try {
            worker.awaitHello();
        } catch (IOException e) {
            worker.stop();
            throw new IOException("worker JVM did not start: " + worker.describeDeath(e), e);
        }
        return worker;
    }

    /**
     * Stops every worker: closes its stdin (the protocol's "stop"), waits up to 5 s for it to exit,
     * then kills it. Every worker JVM has ended when this returns.
     */
    @Override
    public void close() {
        closed = true;
        watchdog.shutdownNow(); // pending alarms are moot: every worker is stopped below
        watchdog.close();
        // Not under batchLock: close() must be able to stop a batch that is stuck.
        for (int i = 0; i < slots.length(); i++) {
            WorkerProcess w = slots.get(i);
            if (w != null) {
                w.stop();
            }
        }
    }

    /** One worker JVM and the streams to talk to it; used by one driver thread at a time. */
    private final class WorkerProcess {
        final Process process;
        final DataOutputStream toWorker;
        final DataInputStream fromWorker;
        long pid;
        volatile boolean timedOut;

        WorkerProcess(Process process) {
            this.process = process;
            this.pid = process.pid();
            this.toWorker = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
            this.fromWorker = new DataInputStream(new BufferedInputStream(process.getInputStream()));
        }

        void awaitHello() throws IOException {
            // Bounded like a task: a JVM that hangs at start-up is killed by the watchdog.
            ScheduledFuture<?> alarm = arm();
            try {
                byte[] hello = WorkerProtocol.readFrame(fromWorker);
                if (hello == null) {
                    throw new IOException("worker exited before saying HELLO");
                }
                pid = WorkerProtocol.parseHello(hello);
            } finally {
                alarm.cancel(false);
            }
        }

        /** Sends one task and waits for its reply; an IOException means the worker is dead. */
        WorkerProtocol.Result run(EncodeTask task, int attempt) throws IOException {
            ScheduledFuture<?> alarm = arm();
            try {
                WorkerProtocol.writeFrame(toWorker, WorkerProtocol.task(task.id(), attempt, task.crashDrill(), task.image()));
                byte[] reply = WorkerProtocol.readFrame(fromWorker);
                if (reply == null) {
                    throw new IOException("end of stream");
                }
                WorkerProtocol.Result result = WorkerProtocol.parseResult(reply);
                if (result.taskId() != task.id()) {
                    throw new IOException("reply for task " + result.taskId() + " while waiting for task " + task.id());
                }
                return result;
            } finally {
                alarm.cancel(false);
            }
        }

        /** Schedules killing this worker when the task timeout passes. */
        private ScheduledFuture<?> arm() {
            return watchdog.schedule(() -> {
                timedOut = true;
                process.destroyForcibly();
            }, taskTimeout.toNanos(), TimeUnit.NANOSECONDS);
        }

        /** "pid 1234 exited with status 3" (or timed out), after making sure the process has ended. */
        String describeDeath(IOException cause) {
            stop();
            String status = process.isAlive() ? "still running" : "exited with status " + process.exitValue();
            return "pid " + pid + (timedOut ? " timed out after " + taskTimeout.toMillis() + " ms and was killed, " : " ")
                    + status + " (" + cause.getMessage() + ")";
        }

        /** Closes stdin, waits a grace period for a clean exit, then kills; restores the interrupt flag. */
        void stop() {
            try {
                toWorker.close();
            } catch (IOException e) {
                // Already dead: the pipe is broken. Nothing to close.
            }
            try {
                if (!process.waitFor(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            try {
                fromWorker.close();
            } catch (IOException e) {
                // Closing a pipe of an ended process: nothing left to release.
            }
        }
    }
}
