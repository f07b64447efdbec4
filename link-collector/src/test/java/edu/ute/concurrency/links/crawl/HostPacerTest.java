package edu.ute.concurrency.links.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Reservations on a clock the test moves by hand: exact slots, no elapsed time. */
class HostPacerTest {

    private static final long TEN_SECONDS = TimeUnit.SECONDS.toNanos(10);

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final HostPacer pacer = new HostPacer(clock::get);

    @Test
    void spacesRequestStartsToOneOriginButNotAcrossOrigins() {
        assertThat(pacer.reserve("http://a", TEN_SECONDS)).isZero();
        assertThat(pacer.reserve("http://a", TEN_SECONDS)).isEqualTo(TEN_SECONDS);
        assertThat(pacer.reserve("http://a", TEN_SECONDS)).isEqualTo(2 * TEN_SECONDS);
        assertThat(pacer.reserve("http://b", TEN_SECONDS)).isZero();
    }

    @Test
    void aSlotInThePastIsNotWaitedFor() {
        assertThat(pacer.reserve("http://a", TEN_SECONDS)).isZero();
        clock.addAndGet(3 * TEN_SECONDS);
        assertThat(pacer.reserve("http://a", TEN_SECONDS)).isZero();
        clock.addAndGet(TEN_SECONDS / 2);
        assertThat(pacer.reserve("http://a", TEN_SECONDS)).isEqualTo(TEN_SECONDS / 2);
    }

    @Test
    void noDelayMeansNoWait() {
        assertThat(pacer.reserve("http://a", 0)).isZero();
        assertThat(pacer.reserve("http://a", 0)).isZero();
    }

    @Test
    void aRetryAfterPauseHoldsBackEveryRequestToThatOriginOnly() {
        pacer.pause("http://a", TEN_SECONDS);
        assertThat(pacer.reserve("http://a", 0)).isEqualTo(TEN_SECONDS);
        assertThat(pacer.reserve("http://a", 0)).isEqualTo(TEN_SECONDS);
        assertThat(pacer.reserve("http://b", 0)).isZero();
    }

    @Test
    void aShorterPauseDoesNotCutALongerOne() {
        pacer.pause("http://a", TEN_SECONDS);
        pacer.pause("http://a", 1);
        assertThat(pacer.reserve("http://a", 0)).isEqualTo(TEN_SECONDS);
    }
}
