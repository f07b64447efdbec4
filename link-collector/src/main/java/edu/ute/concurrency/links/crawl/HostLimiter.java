package edu.ute.concurrency.links.crawl;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * At most {@code limit} requests in flight per host, without blocking a thread: a permit is a
 * future, completed at once if the host has room, else when a request to it ends. External links
 * are checked through it, so that a page with two hundred links to one foreign site does not send
 * that site {@code --concurrency} requests at once.
 *
 * <p>A waiter whose future was cancelled (its fetch was abandoned) is skipped, so its permit goes
 * to the next one. Thread-safe (all methods synchronized; waiters are completed outside the lock).
 */
final class HostLimiter {

    private static final class Host {
        int inFlight;
        final ArrayDeque<CompletableFuture<Void>> waiting = new ArrayDeque<>();
    }

    private final int limit;
    private final Map<String, Host> hosts = new HashMap<>();   // guarded by this

    HostLimiter(int limit) {
        this.limit = limit;
    }

    /** A permit for {@code host}; {@link #release} it exactly once when its request ends. */
    CompletableFuture<Void> acquire(String host) {
        synchronized (this) {
            Host h = hosts.computeIfAbsent(host, k -> new Host());
            if (h.inFlight < limit) {
                h.inFlight++;
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> permit = new CompletableFuture<>();
            h.waiting.add(permit);
            return permit;
        }
    }

    /** Gives the permit to the next waiter, or back to the host. */
    void release(String host) {
        while (true) {
            CompletableFuture<Void> next;
            synchronized (this) {
                Host h = hosts.get(host);
                next = h.waiting.poll();
                if (next == null) {
                    h.inFlight--;
                    return;
                }
            }
            if (next.complete(null)) {
                return;   // the permit moved to that waiter
            }
        }
    }

    /** Requests in flight to {@code host} (for tests). */
    synchronized int inFlight(String host) {
        Host h = hosts.get(host);
        return h == null ? 0 : h.inFlight;
    }
}
