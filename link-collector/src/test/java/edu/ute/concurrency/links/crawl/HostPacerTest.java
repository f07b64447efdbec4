package edu.ute.concurrency.links.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Reservations, not elapsed time: each slot lies the gap after the one before (minus the microseconds the test takes). */
class HostPacerTest {

    private static final long TEN_SECONDS = TimeUnit.SECONDS.toNanos(10);

    @Test
    void spacesRequestStartsToOneOriginButNotAcrossOrigins() {
        HostPacer pacer = new HostPacer();
        assertThat(pacer.reserve("http://a", TEN_SECONDS)).isZero();
        assertThat(pacer.reserve("http://a", TEN_SECONDS)).isBetween(TimeUnit.SECONDS.toNanos(9), TEN_SECONDS);
        assertThat(pacer.reserve("http://a", TEN_SECONDS)).isBetween(TimeUnit.SECONDS.toNanos(19), 2 * TEN_SECONDS);
        assertThat(pacer.reserve("http://b", TEN_SECONDS)).isZero();
    }

    @Test
    void noDelayMeansNoWait() {
        HostPacer pacer = new HostPacer();
        assertThat(pacer.reserve("http://a", 0)).isZero();
        assertThat(pacer.reserve("http://a", 0)).isZero();
    }

    @Test
    void aRetryAfterPauseHoldsBackEveryRequestToThatOriginOnly() {
        HostPacer pacer = new HostPacer();
        pacer.pause("http://a", TEN_SECONDS);
        assertThat(pacer.reserve("http://a", 0)).isBetween(TimeUnit.SECONDS.toNanos(9), TEN_SECONDS);
        assertThat(pacer.reserve("http://a", 0)).isBetween(TimeUnit.SECONDS.toNanos(9), TEN_SECONDS);
        assertThat(pacer.reserve("http://b", 0)).isZero();
    }

    @Test
    void aShorterPauseDoesNotCutALongerOne() {
        HostPacer pacer = new HostPacer();
        pacer.pause("http://a", TEN_SECONDS);
        pacer.pause("http://a", 1);
        assertThat(pacer.reserve("http://a", 0)).isBetween(TimeUnit.SECONDS.toNanos(9), TEN_SECONDS);
    }
}
