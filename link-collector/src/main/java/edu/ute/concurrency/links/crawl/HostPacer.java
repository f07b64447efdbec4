package edu.ute.concurrency.links.crawl;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The optional per-host politeness delay: hands out start times so that two requests to the same
 * host start at least {@code gap} apart, whichever scheduler asks. Callers wait the returned time
 * (on a timer, never by spinning). Thread-safe (all methods synchronized).
 */
final class HostPacer {

    private final long gapNanos;
    private final Map<String, Long> nextStart = new HashMap<>();   // guarded by this

    HostPacer(Duration gap) {
        this.gapNanos = gap.toNanos();
    }

    /** Reserves the next start slot for {@code host}; returns how long to wait before sending, in ns. */
    synchronized long reserve(String host) {
        if (gapNanos == 0) {
            return 0;
        }
        long now = System.nanoTime();
        long slot = Math.max(now, nextStart.getOrDefault(host, now));
        nextStart.put(host, slot + gapNanos);
        return slot - now;
    }
}
