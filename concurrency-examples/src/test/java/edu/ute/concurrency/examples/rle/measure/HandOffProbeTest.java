package edu.ute.concurrency.examples.rle.measure;

import static org.assertj.core.api.Assertions.assertThat;

import edu.ute.concurrency.examples.rle.RleStrategy;
import edu.ute.concurrency.examples.support.LiveThreads;
import edu.ute.concurrency.rle.SampleImages;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The probe's bookkeeping, checked where the answer does not depend on timing. */
class HandOffProbeTest {
    @Test
    void recordsEveryCallOfEveryStrategyAndSeesSequentialRunBothHalvesOnOneThread() throws Exception {
        Set<Thread> before = LiveThreads.now();
        List<HandOffProbe.Result> results = HandOffProbe.probe(List.of(RleStrategy.SEQUENTIAL, RleStrategy.AUTO), SampleImages.textPage(40, 3), 2);

        assertThat(results).extracting(HandOffProbe.Result::strategy).containsExactly("sequential", "auto");
        assertThat(results).allSatisfy(r -> assertThat(r.calls()).isEqualTo(2 * HandOffProbe.CALLS_PER_ROUND));
        HandOffProbe.Result sequential = results.get(0);
        assertThat(sequential.oneThreadDidBoth()).as("the calling thread runs both halves").isEqualTo(sequential.calls());
        assertThat(results.get(1).oneThreadDidBoth()).isBetween(0, results.get(1).calls());
        assertThat(results).allSatisfy(r -> assertThat(r.p90SpanMicros()).isGreaterThanOrEqualTo(r.medianSpanMicros()));
        assertThat(LiveThreads.startedSince(before)).as("every strategy closed").isEmpty();
    }
}
