package edu.ute.concurrency.examples.tour.structured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FailFastFanOutTest {

    @Test
    void returnsResultsInTaskOrderWhateverTheCompletionOrder() throws Exception {
        CountDownLatch secondDone = new CountDownLatch(1);
        List<Callable<String>> tasks = List.of(
                () -> {
                    secondDone.await(); // completes last
                    return "first";
                },
                () -> {
                    secondDone.countDown();
                    return "second";
                });
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            assertThat(FailFastFanOut.invokeAll(executor, tasks)).containsExactly("first", "second");
        }
    }

    @Test
    void reportsTheFirstFailureInCompletionOrderNotListOrder() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch firstWaiting = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        List<Callable<String>> tasks = List.of(
                () -> {
                    try {
                        firstWaiting.countDown();
                        never.await(); // the first in the list never finishes on its own
                    } catch (InterruptedException e) {
                        interrupted.set(true);
                        throw e;
                    }
                    return "unreachable";
                },
                () -> {
                    firstWaiting.await(); // so that the first is surely running when cancelled
                    throw new IllegalStateException("second fails");
                });
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            assertThatThrownBy(() -> FailFastFanOut.invokeAll(executor, tasks))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(IllegalStateException.class)
                    .hasRootCauseMessage("second fails");
        }
        assertThat(interrupted).isTrue();
    }

    @Test
    void anEmptyListGivesAnEmptyResult() throws Exception {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            assertThat(FailFastFanOut.invokeAll(executor, List.<Callable<String>>of())).isEmpty();
        }
    }
}
