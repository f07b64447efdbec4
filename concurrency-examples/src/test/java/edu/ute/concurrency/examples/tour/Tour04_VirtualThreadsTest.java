package edu.ute.concurrency.examples.tour;

import static org.assertj.core.api.Assertions.assertThat;

import edu.ute.concurrency.examples.tour.virtualthreads.BlockingTaskBatch;
import edu.ute.concurrency.examples.tour.virtualthreads.PinningProbe;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Tour04_VirtualThreadsTest {

    @Test
    void thousandsOfVirtualThreadsBlockAtOnceOnAFewPlatformThreads() throws Exception {
        int tasks = 5_000;
        // Each task waits until every task is waiting: the batch can only finish if all 5,000 were
        // blocked at the same time. A pool of fewer threads would never finish (the @Timeout catches it).
        CountDownLatch allWaiting = new CountDownLatch(tasks);
        // JVM-wide, like the peak the batch reports.
        int platformBefore = java.lang.management.ManagementFactory.getThreadMXBean().getThreadCount();
        BlockingTaskBatch.Result r;
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            r = BlockingTaskBatch.run(executor, tasks, () -> {
                allWaiting.countDown();
                if (!allWaiting.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("not every task got to block at once");
                }
            });
        }
        assertThat(r.peakBlocked()).isEqualTo(tasks);
        // The carriers and the JVM's own threads, nowhere near 5,000.
        assertThat(r.peakPlatformThreads()).isLessThan(platformBefore + 4 * PinningProbe.carriers() + 32);
    }

    @Test
    void aBoundedPoolBlocksNoMoreTasksAtOnceThanItHasThreads() throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
            BlockingTaskBatch.Result r = BlockingTaskBatch.run(pool, 30, () -> Thread.onSpinWait());
            assertThat(r.peakBlocked()).isBetween(1, 3);
        }
    }

    @Test
    void eachModeMeasuredInAFreshJvmReportsItsTasks() throws Exception {
        Tour04_VirtualThreads.ModeResult r = Tour04_VirtualThreads.measureInFreshJvm("virtual", 300, 50);
        assertThat(r.mode()).isEqualTo("virtual");
        assertThat(r.tasks()).isEqualTo(300);
        // A 50 ms sleep is long beside starting 300 virtual threads: they all overlap.
        assertThat(r.peakBlocked()).isEqualTo(300);
        if (r.peakRssKib() >= 0) { // Linux: both read from /proc/self/status of the child JVM
            assertThat(r.baselineRssKib()).isPositive();
            assertThat(r.peakRssKib()).isGreaterThanOrEqualTo(r.baselineRssKib());
        }
    }

    @Test
    void resultLinesRoundTrip() {
        Tour04_VirtualThreads.ModeResult r = new Tour04_VirtualThreads.ModeResult("platform", 10, 123, 9, 15, 100, 200);
        assertThat(Tour04_VirtualThreads.ModeResult.parse(r.toLine())).isEqualTo(r);
    }

    @Test
    void pinningAppearsWhereTheRunningJdkStillPins() throws Exception {
        List<PinningProbe.Case> cases = PinningProbe.runAll();
        assertThat(cases).extracting(PinningProbe.Case::name).containsExactly(
                "sleep inside synchronized", "sleep holding a ReentrantLock", "sleep inside a class initializer");
        long synchronizedPins = cases.get(0).pinnedEvents();
        long lockPins = cases.get(1).pinnedEvents();
        long classInitPins = cases.get(2).pinnedEvents();
        if (synchronizedPins < 0) {
            return; // no JFR in this runtime: nothing to count
        }
        assertThat(lockPins).as("ReentrantLock never pins").isZero();
        assertThat(classInitPins).as("a class initializer pins on every JDK so far").isPositive();
        if (Runtime.version().feature() >= 24) {
            assertThat(synchronizedPins).as("JEP 491: monitors no longer pin").isZero();
        } else {
            assertThat(synchronizedPins).as("JDK 21-23 pin inside synchronized").isPositive();
        }
    }
}
