package edu.ute.concurrency.links.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HostPacerTest {

    @Test
    void spacesRequestStartsToOneHostButNotAcrossHosts() {
        HostPacer pacer = new HostPacer(Duration.ofSeconds(10));
        assertThat(pacer.reserve("a:80")).isZero();
        // The second and third slots for the same host lie one and two gaps ahead (minus the few
        // microseconds this test takes): an assertion on reservations, not on elapsed time.
        assertThat(pacer.reserve("a:80")).isBetween(TimeUnit.SECONDS.toNanos(9), TimeUnit.SECONDS.toNanos(10));
        assertThat(pacer.reserve("a:80")).isBetween(TimeUnit.SECONDS.toNanos(19), TimeUnit.SECONDS.toNanos(20));
        assertThat(pacer.reserve("b:80")).isZero();
    }

    @Test
    void noDelayMeansNoWait() {
        HostPacer pacer = new HostPacer(Duration.ZERO);
        assertThat(pacer.reserve("a:80")).isZero();
        assertThat(pacer.reserve("a:80")).isZero();
    }
}
