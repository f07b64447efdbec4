package edu.ute.concurrency.examples.tour.workers;

import static org.assertj.core.api.Assertions.assertThat;

import edu.ute.concurrency.examples.support.LiveThreads;
import edu.ute.concurrency.examples.tour.PageBatch;
import edu.ute.concurrency.examples.tour.Tour01_WorkerProcessPool;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Starts real worker JVMs. Each test is bounded by a timeout so that a protocol bug hangs nothing, and
 * checks that no worker process or pool thread outlives the pool.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WorkerProcessPoolTest {
    private static final Duration TASK_TIMEOUT = Duration.ofSeconds(30);
    private static final PageBatch BATCH = PageBatch.textPages(6, 50);
    private static final List<byte[]> EXPECTED = BATCH.encodeSequentially();

    @Test
    void encodesEveryPageLikeTheInProcessEncoder() throws Exception {
        List<Long> pids;
        try (WorkerProcessPool pool = WorkerProcessPool.start(2, TASK_TIMEOUT)) {
            pids = pool.workerPids();
            List<TaskOutcome> outcomes = pool.encodeAll(Tour01_WorkerProcessPool.tasks(BATCH, -1, -1));
            assertThat(Tour01_WorkerProcessPool.sameBytes(outcomes, EXPECTED)).isTrue();
            assertThat(outcomes).extracting(TaskOutcome::taskId).containsExactly(0, 1, 2, 3, 4, 5);
            assertThat(outcomes).allSatisfy(o -> assertThat(o.attempts()).isEqualTo(1));
            assertThat(pids).hasSize(2).doesNotHaveDuplicates().doesNotContain(ProcessHandle.current().pid());
            assertThat(pool.workerDeaths()).isZero();
        }
        assertAllEnded(pids);
    }

    @Test
    void retriesOnAFreshWorkerWhenTheWorkerDiesMidTask() throws Exception {
        try (WorkerProcessPool pool = WorkerProcessPool.start(2, TASK_TIMEOUT)) {
            List<TaskOutcome> outcomes = pool.encodeAll(Tour01_WorkerProcessPool.tasks(BATCH, 2, -1));
            assertThat(Tour01_WorkerProcessPool.sameBytes(outcomes, EXPECTED)).isTrue();
            TaskOutcome retried = outcomes.get(2);
            assertThat(retried.attempts()).isEqualTo(2);
            assertThat(retried.workerPids()).doesNotHaveDuplicates();
            assertThat(isAlive(retried.workerPids().get(0))).as("the crashed worker").isFalse();
            assertThat(pool.workerDeaths()).isEqualTo(1);
            assertThat(pool.workersStarted()).isEqualTo(3);
        }
    }

    @Test
    void reportsATaskWhoseWorkerDiesOnEveryAttempt() throws Exception {
        try (WorkerProcessPool pool = WorkerProcessPool.start(2, TASK_TIMEOUT)) {
            List<TaskOutcome> outcomes = pool.encodeAll(Tour01_WorkerProcessPool.tasks(BATCH, -1, 4));
            assertThat(outcomes.get(4)).isInstanceOfSatisfying(TaskOutcome.Failed.class, f -> {
                assertThat(f.attempts()).isEqualTo(WorkerProcessPool.MAX_ATTEMPTS);
                assertThat(f.reason()).contains("gave up after 2 attempts")
                        .contains("exited with status " + WorkerProcessMain.CRASH_EXIT_STATUS);
            });
            for (int i : new int[] {0, 1, 2, 3, 5}) {
                assertThat(outcomes.get(i)).isInstanceOfSatisfying(TaskOutcome.Encoded.class,
                        e -> assertThat(e.payload()).isEqualTo(EXPECTED.get(e.taskId())));
            }
            // The pool replaced both dead workers and still works.
            assertThat(pool.workerDeaths()).isEqualTo(2);
            assertThat(Tour01_WorkerProcessPool.sameBytes(pool.encodeAll(Tour01_WorkerProcessPool.tasks(BATCH, -1, -1)), EXPECTED)).isTrue();
        }
    }

    @Test
    void recoversFromAWorkerKilledFromOutside() throws Exception {
        try (WorkerProcessPool pool = WorkerProcessPool.start(1, TASK_TIMEOUT)) {
            long victim = pool.workerPids().get(0);
            ProcessHandle handle = ProcessHandle.of(victim).orElseThrow();
            handle.destroyForcibly();
            handle.onExit().get(30, TimeUnit.SECONDS);

            List<TaskOutcome> outcomes = pool.encodeAll(Tour01_WorkerProcessPool.tasks(BATCH, -1, -1));
            assertThat(Tour01_WorkerProcessPool.sameBytes(outcomes, EXPECTED)).isTrue();
            assertThat(outcomes.get(0).workerPids()).hasSize(2).startsWith(victim);
            assertThat(pool.workerDeaths()).isEqualTo(1);
        }
    }

    @Test
    void closeEndsEveryWorkerAndPoolThread() throws Exception {
        List<Long> pids;
        WorkerProcessPool pool = WorkerProcessPool.start(2, TASK_TIMEOUT);
        pids = pool.workerPids();
        pool.encodeAll(Tour01_WorkerProcessPool.tasks(BATCH, -1, -1));
        pool.close();
        pool.close(); // idempotent
        assertAllEnded(pids);
        assertThat(LiveThreads.awaitNone(() -> Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("worker-pool-watchdog") && t.isAlive()).toList())).isEmpty();
    }

    private static void assertAllEnded(List<Long> pids) {
        assertThat(pids).allSatisfy(pid -> assertThat(isAlive(pid)).as("worker %d alive", pid).isFalse());
    }

    private static boolean isAlive(long pid) {
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        return h.isPresent() && h.get().isAlive();
    }
}
