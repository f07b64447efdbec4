package edu.ute.concurrency.examples.support;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Counts live threads, to prove that code under test left none behind. A thread whose pool has
 * terminated ({@code close()} returned) may still be leaving its {@code run()} for a moment, so both
 * checks wait, up to 10 s, for the answer to become "none".
 */
public final class LiveThreads {
    private LiveThreads() {
    }

    public static Set<Thread> now() {
        return new HashSet<>(Thread.getAllStackTraces().keySet());
    }

    /**
     * Threads alive now that were not in {@code before}, ignoring the JDK's own daemon helpers that
     * start lazily and idle on purpose ("process reaper", virtual-thread carriers, the cleaner); the
     * codecs' threads are all named "rle-...".
     */
    public static List<String> startedSince(Set<Thread> before) throws InterruptedException {
        return awaitNone(() -> Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t))
                .filter(t -> t.getName().startsWith("rle-") || !t.isDaemon())
                .map(t -> t.getName() + (t.isDaemon() ? " (daemon)" : ""))
                .toList());
    }

    /** What {@code alive} still lists after it has had up to 10 s to become empty. */
    public static <T> List<T> awaitNone(Supplier<List<T>> alive) throws InterruptedException {
        List<T> left = alive.get();
        for (int i = 0; i < 200 && !left.isEmpty(); i++) {
            Thread.sleep(50);
            left = alive.get();
        }
        return left;
    }
}
