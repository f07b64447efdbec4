package edu.ute.concurrency.links.crawl;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Politeness per origin: hands out start times so that two requests to the same origin start at
 * least a given gap apart ({@code --delay}, or robots.txt's Crawl-delay), and holds an origin back
 * after it answered {@code 429 Too Many Requests} with a {@code Retry-After}. Callers wait the
 * returned time (on a timer, never by spinning), whichever scheduler asks. Thread-safe (all
 * methods synchronized).
 */
final class HostPacer {

    private final Map<String, Long> nextStart = new HashMap<>();   // guarded by this
    private final LongSupplier nanoClock;

    HostPacer() {
        this(System::nanoTime);
    }

    /** A pacer reading time from {@code nanoClock} (tests pass a clock they move by hand). */
    HostPacer(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /**
     * Reserves the next start slot for {@code origin}, {@code gapNanos} after the previous one;
     * returns how long to wait before sending, in ns (0: send now).
     */
    synchronized long reserve(String origin, long gapNanos) {
        long now = nanoClock.getAsLong();
        Long next = nextStart.get(origin);
        long slot = next == null || next - now < 0 ? now : next;
        if (gapNanos > 0 || slot != now) {
            nextStart.put(origin, slot + gapNanos);
        }
        return slot - now;
    }

    /** No request to {@code origin} starts before {@code nanos} from now (Retry-After). */
    synchronized void pause(String origin, long nanos) {
        long until = nanoClock.getAsLong() + nanos;
        Long next = nextStart.get(origin);
        if (next == null || next - until < 0) {
            nextStart.put(origin, until);
        }
    }
}
