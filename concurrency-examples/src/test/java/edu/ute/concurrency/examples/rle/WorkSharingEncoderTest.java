package edu.ute.concurrency.examples.rle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs {@link WorkSharingEncoder} through {@link RleStrategyContractTest}, and checks that the caller works too. */
class WorkSharingEncoderTest extends RleStrategyContractTest {
    @Override
    RleStrategy create(int threads) {
        return new WorkSharingEncoder(threads);
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
        try (RleStrategy sharing = create(threads)) {
            assertThat(sharing.runAll(tasks)).containsExactly(true, true, true);
        }
        assertThat(ranOn).hasSize(threads).contains(Thread.currentThread());
    }
}
