package edu.ute.concurrency.examples.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Live counters of one server, shown on its {@code /stats} page: connections open and accepted,
 * responses sent, by status.
 *
 * <p>Thread-safe: many connection threads update it while a request for {@code /stats} reads it.
 * {@link LongAdder} keeps hot counters cheap under contention; a snapshot read while others update
 * is not atomic across counters (a page may show a total one ahead of its parts), which is fine for
 * a live display.
 */
public final class ServerStats {

    private final LongAdder accepted = new LongAdder();
    private final LongAdder open = new LongAdder();
    private final LongAdder responses = new LongAdder();
    private final AtomicLongArray byStatus = new AtomicLongArray(600);

    /** A connection was accepted and is now open. */
    public void connectionOpened() {
        accepted.increment();
        open.increment();
    }

    /** A connection counted by {@link #connectionOpened()} was closed. */
    public void connectionClosed() {
        open.decrement();
    }

    /** A response with this status was written. */
    public void responseSent(int status) {
        responses.increment();
        if (status >= 100 && status < 600) {
            byStatus.incrementAndGet(status);
        }
    }

    public long connectionsAccepted() {
        return accepted.sum();
    }

    public long connectionsOpen() {
        return open.sum();
    }

    public long responsesSent() {
        return responses.sum();
    }

    /** Responses sent per status code, in ascending order of status, only codes seen. */
    public Map<Integer, Long> responsesByStatus() {
        Map<Integer, Long> result = new LinkedHashMap<>();
        for (int status = 100; status < 600; status++) {
            long count = byStatus.get(status);
            if (count > 0) {
                result.put(status, count);
            }
        }
        return result;
    }
}
