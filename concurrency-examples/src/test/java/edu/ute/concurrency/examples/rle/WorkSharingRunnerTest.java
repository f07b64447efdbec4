package edu.ute.concurrency.examples.rle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * What only {@link WorkSharingRunner} does: the caller works too, and it never waits for a helper that
 * has not started. ({@link RleStrategyContractTest} runs the contract on it.)
 */
class WorkSharingRunnerTest {
    private static TaskRunner create(int threads) {
        return new WorkSharingRunner(threads);
    }

    @Test
    void theCallingThreadAndOneHelperPerSpareCoreRunTheTasks() throws Exception {
        int threads = 3;
        // Every task waits until `threads` tasks are running at once: that can only happen if the
        // caller and both helpers each took one. A strategy with fewer workers would time out here.
        CountDownLatch allRunning = new CountDownLatch(threads);
        Set<Thread> ranOn = ConcurrentHashMap.newKeySet();
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            tasks.add(() -> {
                ranOn.add(Thread.currentThread());
                allRunning.countDown();
                return allRunning.await(30, TimeUnit.SECONDS);
            });
        }
        try (TaskRunner sharing = create(threads)) {
            assertThat(sharing.runAll(tasks)).containsExactly(true, true, true);
        }
        assertThat(ranOn).hasSize(threads).contains(Thread.currentThread());
    }

    @Test
    void doesNotWaitForAHelperThatHasNotStartedNorQueueMoreThanOnePerThread() throws Exception {
        try (TaskRunner sharing = create(2)) { // one helper thread
            // Call A keeps both its caller and the only helper thread busy until released.
            CountDownLatch bothRunning = new CountDownLatch(2);
            CountDownLatch release = new CountDownLatch(1);
            List<Callable<Integer>> blocking = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                blocking.add(() -> {
                    bothRunning.countDown();
                    release.await();
                    return 1;
                });
            }
            Thread callerA = Thread.ofPlatform().start(() -> {
                try {
                    sharing.runAll(blocking);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(bothRunning.await(30, TimeUnit.SECONDS)).isTrue();
            // B's helpers are queued behind A's task, or not queued at all: B's caller runs every task
            // itself and must return without waiting for a helper to start (a version that waited would
            // hang here until A is released).
            AtomicReference<Object> resultB = new AtomicReference<>();
            Thread callerB = Thread.ofPlatform().start(() -> {
                try {
                    // Five calls in a row: the first queues a helper, the queue (one place per helper
                    // thread) is then full, and the next four go on without one.
                    for (int call = 0; call < 5; call++) {
                        resultB.set(sharing.runAll(List.<Callable<Integer>>of(() -> 1, () -> 2, () -> 3)));
                    }
                } catch (Exception e) {
                    resultB.set(e);
                }
            });
            try {
                callerB.join(TimeUnit.SECONDS.toMillis(30));
                assertThat(callerB.isAlive()).as("B waited for a helper that had not started").isFalse();
                assertThat(resultB.get()).isEqualTo(List.of(1, 2, 3));
            } finally {
                release.countDown();
                callerA.join();
                callerB.join();
            }
        }
    }
}
