package edu.ute.concurrency.examples.tour;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class Tour05_StructuredConcurrencyTest {
    private static final PageBatch BATCH = PageBatch.textPages(8, 50);

    @Test
    void allSubtasksSucceedingGiveTheSequentialBytes() throws InterruptedException {
        Tour05_StructuredConcurrency.FanOutReport report = Tour05_StructuredConcurrency.scanAndEncode(BATCH, page -> { });
        assertThat(report.failure()).isNull();
        assertThat(Tour05_StructuredConcurrency.sameBytes(report.encoded(), BATCH.encodeSequentially())).isTrue();
        assertThat(report.completed()).isEqualTo(8);
        assertThat(report.cancelled()).isZero();
        assertThat(report.runningAfterBlock()).isZero();
    }

    @Test
    void theFirstFailureCancelsSiblingsThatWouldOtherwiseBlockForever() throws InterruptedException {
        CountDownLatch siblingsScanning = new CountDownLatch(BATCH.size() - 1);
        CountDownLatch never = new CountDownLatch(1);
        Tour05_StructuredConcurrency.FanOutReport report = Tour05_StructuredConcurrency.scanAndEncode(BATCH, page -> {
            if (page == 3) {
                // Fail only once every sibling is blocked: then each of them must be cancelled, or the
                // fan-out never returns (the @Timeout would fail the test).
                siblingsScanning.await();
                throw new Tour05_StructuredConcurrency.ScannerJamException(page);
            }
            siblingsScanning.countDown();
            never.await();
        });
        assertThat(report.failure()).isInstanceOf(Tour05_StructuredConcurrency.ScannerJamException.class)
                .hasMessage("scanner jammed on page 3");
        assertThat(report.encoded()).isNull();
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.cancelled()).isEqualTo(BATCH.size() - 1);
        assertThat(report.completed()).isZero();
        assertThat(report.runningAfterBlock()).isZero();
    }

    @Test
    void encodingChecksForCancellationBetweenRowBlocks() {
        Thread.currentThread().interrupt();
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Tour05_StructuredConcurrency.encodeCancellably(BATCH.page(0)))
                    .isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }
    }
}
