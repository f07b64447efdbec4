package edu.ute.concurrency.examples.tour.optimistic;

import static org.assertj.core.api.Assertions.assertThat;

import edu.ute.concurrency.examples.tour.Tour03_OptimisticConcurrency;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link EncodingTally} keeps: exact totals after concurrent writers, and readers
 * that never see a half-applied record. Proven by comparing with the sequential result, not by timing.
 */
abstract class EncodingTallyContractTest {

    abstract EncodingTally newTally();

    @Test
    void startsAtZero() {
        assertThat(newTally().totals()).isEqualTo(EncodingTally.Totals.ZERO);
    }

    @Test
    void addsRecordsSequentially() {
        EncodingTally tally = newTally();
        tally.record(100, 40);
        tally.record(50, 10);
        assertThat(tally.totals()).isEqualTo(new EncodingTally.Totals(2, 150, 50));
        assertThat(tally.totals().compressionRatio()).isEqualTo(3.0);
    }

    @Test
    void concurrentWritersLoseNoRecord() throws InterruptedException {
        Tour03_OptimisticConcurrency.Result r = Tour03_OptimisticConcurrency.hammer(newTally(), 2, 200_000, 0, 8, 3);
        assertThat(r.writes()).isEqualTo(400_000);
        assertThat(r.finalTotals()).isEqualTo(new EncodingTally.Totals(400_000, 3_200_000, 1_200_000));
        assertThat(r.totalsRight()).isTrue();
    }

    @Test
    void readersNeverSeeATornSnapshot() throws InterruptedException {
        for (int readPercent : new int[] {50, 90}) {
            Tour03_OptimisticConcurrency.Result r = Tour03_OptimisticConcurrency.hammer(newTally(), 2, 200_000, readPercent, 8, 3);
            assertThat(r.tornSnapshots()).as("torn snapshots at %d %% reads", readPercent).isZero();
            assertThat(r.totalsRight()).isTrue();
        }
    }
}

class SynchronizedEncodingTallyTest extends EncodingTallyContractTest {
    @Override
    EncodingTally newTally() {
        return new SynchronizedEncodingTally();
    }
}

class CasEncodingTallyTest extends EncodingTallyContractTest {
    @Override
    EncodingTally newTally() {
        return new CasEncodingTally();
    }
}

class StampedEncodingTallyTest extends EncodingTallyContractTest {
    @Override
    EncodingTally newTally() {
        return new StampedEncodingTally();
    }
}
