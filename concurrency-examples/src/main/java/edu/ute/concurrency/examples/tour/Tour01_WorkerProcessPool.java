package edu.ute.concurrency.examples.tour;

import edu.ute.concurrency.examples.support.CommandLine;
import edu.ute.concurrency.examples.tour.workers.CrashDrill;
import edu.ute.concurrency.examples.tour.workers.EncodeTask;
import edu.ute.concurrency.examples.tour.workers.TaskOutcome;
import edu.ute.concurrency.examples.tour.workers.WorkerProcessPool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Tour 01 — execnet / Parallel Python: send work to other interpreters.
 *
 * <p>execnet opens "gateways" to other Python interpreters (local or over SSH) and sends them code and
 * data over a channel; Parallel Python runs a job server with worker processes. The JDK's pieces for
 * the same on one machine are {@link ProcessBuilder} (start a JVM), its stdin/stdout pipes (the
 * channel), and {@code DataOutputStream}/{@code DataInputStream} for a small length-prefixed protocol.
 * {@link WorkerProcessPool} puts them together: N worker JVMs, one task in flight each, a worker that
 * dies mid-task detected (its stdout ends) and its task retried once on a fresh JVM, then reported.
 *
 * <p>This program encodes the standard batch (20 text pages at 150 dpi) in this JVM, then on 1 and 2
 * worker JVMs, and checks the bytes are the same; then it runs a crash drill: one task kills its
 * worker on the first attempt only (retried, succeeds), another on every attempt (reported).
 *
 * <p>What to take away: a worker JVM costs a start-up (tens to hundreds of ms) and every page is
 * serialized, piped and rebuilt on the way in, so on one machine threads win for this workload — the table shows it. Processes
 * are for isolation (a crashing native library, a memory-hungry task) rather than for speed. And when
 * one machine is not enough, do not extend this into a cluster: use an existing distributed engine
 * (Apache Spark, Apache Flink, a batch scheduler running the RLE CLI per shard) with rle-core as a
 * plain library inside its tasks.
 *
 * <h2>HOW TO RUN</h2>
 * <pre>
 * mvn -q -pl concurrency-examples -am compile exec:exec \
 *     -Dexec.mainClass=edu.ute.concurrency.examples.tour.Tour01_WorkerProcessPool
 * </pre>
 * Expected output: a table with rows "this JVM, 1 thread", "1 worker JVM", "2 worker JVMs" (JVM start
 * and batch times, "same bytes: yes"), then the crash drill: task 3 "encoded" after 2 attempts on two
 * different pids, task 5 "failed" with "exited with status 3".
 */
public final class Tour01_WorkerProcessPool {
    private static final String USAGE = """
            usage: Tour01_WorkerProcessPool [--pages N] [--dpi N] [--workers N]
              --pages N     text pages in the batch (default 20)
              --dpi N       their resolution, 20 to 2400 (default 150)
              --workers N   the most worker JVMs to try (default 2)
            """;

    private Tour01_WorkerProcessPool() {
    }

    public static void main(String[] args) {
        CommandLine.run("Tour01_WorkerProcessPool", USAGE, args, Tour01_WorkerProcessPool::run);
    }

    private static int run(CommandLine args) throws Exception {
        int pages = 20;
        int dpi = 150;
        int maxWorkers = 2;
        while (args.hasNext()) {
            switch (args.next()) {
                case "--pages" -> pages = args.positiveInt();
                case "--dpi" -> dpi = args.intBetween(20, 2400);
                case "--workers" -> maxWorkers = args.positiveInt();
                default -> throw args.unknown();
            }
        }
        PageBatch batch = PageBatch.textPages(pages, dpi);

        long start = System.nanoTime();
        List<byte[]> expected = batch.encodeSequentially();
        long inProcess = System.nanoTime() - start;

        System.out.printf(Locale.ROOT, "%d pages at %d dpi, %,d encoded bytes; %d cores, JVM %s%n%n", batch.size(), batch.dpi(),
                PageBatch.totalBytes(expected), Runtime.getRuntime().availableProcessors(), Runtime.version());
        ResultTable speed = new ResultTable("where", "JVM start ms", "batch ms", "same bytes");
        speed.row("this JVM, 1 thread", "-", ResultTable.millis(inProcess), "yes");
        boolean ok = true;
        for (int workers = 1; workers <= maxWorkers; workers++) {
            long t0 = System.nanoTime();
            try (WorkerProcessPool pool = WorkerProcessPool.start(workers, Duration.ofSeconds(60))) {
                long t1 = System.nanoTime();
                List<TaskOutcome> outcomes = pool.encodeAll(tasks(batch, -1, -1));
                long t2 = System.nanoTime();
                boolean same = sameBytes(outcomes, expected);
                ok &= same;
                speed.row(workers + " worker JVM" + (workers > 1 ? "s" : ""), ResultTable.millis(t1 - t0),
                        ResultTable.millis(t2 - t1), same ? "yes" : "NO");
            }
        }
        speed.print(System.out);

        System.out.println("\nCrash drill: task 3 kills its worker on the first attempt, task 5 on every attempt");
        ResultTable drill = new ResultTable("task", "outcome", "attempts", "worker pids", "detail");
        try (WorkerProcessPool pool = WorkerProcessPool.start(maxWorkers, Duration.ofSeconds(60))) {
            List<TaskOutcome> outcomes = pool.encodeAll(tasks(batch, 3, 5));
            for (TaskOutcome o : outcomes) {
                boolean drilled = o.taskId() == 3 || o.taskId() == 5;
                if (o instanceof TaskOutcome.Encoded e) {
                    boolean same = Arrays.equals(e.payload(), expected.get(e.taskId()));
                    ok &= same;
                    if (drilled) {
                        drill.row(o.taskId(), "encoded", o.attempts(), o.workerPids(), same ? "same bytes" : "WRONG BYTES");
                    }
                } else if (o instanceof TaskOutcome.Failed f) {
                    ok &= f.taskId() == 5;
                    drill.row(o.taskId(), "failed", o.attempts(), o.workerPids(), f.reason());
                }
            }
            drill.print(System.out);
            System.out.printf("%nworker JVMs started: %d, died: %d; all other tasks encoded with the same bytes: %s%n",
                    pool.workersStarted(), pool.workerDeaths(), ok ? "yes" : "NO");
        }
        return ok ? 0 : 1;
    }

    /** One task per page; page {@code firstAttemptCrash} and {@code everyAttemptCrash} carry crash drills. */
    public static List<EncodeTask> tasks(PageBatch batch, int firstAttemptCrash, int everyAttemptCrash) {
        List<EncodeTask> tasks = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            CrashDrill drill = i == firstAttemptCrash ? CrashDrill.FIRST_ATTEMPT
                    : i == everyAttemptCrash ? CrashDrill.EVERY_ATTEMPT : CrashDrill.NONE;
            tasks.add(new EncodeTask(i, batch.page(i), drill));
        }
        return tasks;
    }

    /** Whether every outcome is encoded, with the bytes {@code expected} holds for its task. */
    public static boolean sameBytes(List<TaskOutcome> outcomes, List<byte[]> expected) {
        for (TaskOutcome o : outcomes) {
            if (!(o instanceof TaskOutcome.Encoded e) || !Arrays.equals(e.payload(), expected.get(e.taskId()))) {
                return false;
            }
        }
        return outcomes.size() == expected.size();
    }
}
