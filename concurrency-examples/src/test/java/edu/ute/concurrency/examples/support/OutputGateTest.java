package edu.ute.concurrency.examples.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The gate's contract, on a gate of the test's own (the JVM's gate closes only when the JVM stops).
 * Every wait here has a bound, so that a broken gate fails the test instead of hanging the build; the
 * bounds are far longer than the test and measure nothing.
 */
class OutputGateTest {
    private static final long BOUND_SECONDS = 60;

    @Test
    @Timeout(BOUND_SECONDS)
    void closingWaitsForTheWriteInProgressThenRefusesNewOnes() throws Exception {
        OutputGate gate = new OutputGate(TimeUnit.MINUTES.toMillis(10));
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch finishWrite = new CountDownLatch(1);
        AtomicBoolean written = new AtomicBoolean();
        Thread writer = Thread.ofPlatform().start(() -> {
            try {
                gate.pass(() -> {
                    writing.countDown();
                    try {
                        if (finishWrite.await(BOUND_SECONDS, TimeUnit.SECONDS)) {
                            written.set(true);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            } catch (IOException e) {
                // leaves written false: the assertion below reports it
            }
        });
        assertThat(writing.await(BOUND_SECONDS, TimeUnit.SECONDS)).as("the write started").isTrue();

        AtomicReference<Boolean> closedInTime = new AtomicReference<>();
        Thread closer = Thread.ofPlatform().start(() -> closedInTime.set(gate.close()));
        while (closer.getState() != Thread.State.TIMED_WAITING) { // parked in tryLock: the write holds it back
            assertThat(closer.isAlive()).as("close() returned while a write was in progress").isTrue();
            Thread.onSpinWait();   // a close() that never waits is caught by the test's @Timeout
        }
        finishWrite.countDown();
        closer.join(TimeUnit.SECONDS.toMillis(BOUND_SECONDS));
        writer.join(TimeUnit.SECONDS.toMillis(BOUND_SECONDS));
        assertThat(written).isTrue();
        assertThat(closedInTime.get()).as("close() saw every write finish").isTrue();

        // A write after close() must fail at once: the closed gate's lock is never given back, so one that
        // waited for it would wait until the JVM halts. A daemon thread, so that a failure here ends too.
        AtomicBoolean ranAfterClose = new AtomicBoolean();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread late = Thread.ofPlatform().daemon(true).start(() -> {
            try {
                gate.pass(() -> ranAfterClose.set(true));
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        late.join(TimeUnit.SECONDS.toMillis(BOUND_SECONDS));
        assertThat(late.isAlive()).as("a write after close() waited instead of failing").isFalse();
        assertThat(thrown.get()).isInstanceOf(IOException.class).hasMessageContaining("stopping");
        assertThat(ranAfterClose).isFalse();
    }

    @Test
    void writesRunSideBySide() throws Exception {
        OutputGate gate = new OutputGate(1000);
        CountDownLatch both = new CountDownLatch(2);
        AtomicBoolean[] sawTheOther = {new AtomicBoolean(), new AtomicBoolean()};
        Thread[] writers = new Thread[2];
        for (int i = 0; i < 2; i++) {
            AtomicBoolean saw = sawTheOther[i];
            writers[i] = Thread.ofPlatform().start(() -> {
                try {
                    gate.pass(() -> {
                        both.countDown();
                        try {
                            saw.set(both.await(BOUND_SECONDS, TimeUnit.SECONDS)); // true only if the other write is inside too
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                } catch (IOException e) {
                    // leaves saw false
                }
            });
        }
        for (Thread writer : writers) {
            writer.join(TimeUnit.SECONDS.toMillis(BOUND_SECONDS));
        }
        assertThat(sawTheOther[0]).isTrue();
        assertThat(sawTheOther[1]).isTrue();
    }
}
