package edu.ute.concurrency.examples.rle;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Counts live threads, to prove that code under test left none behind. */
final class LiveThreads {
    private LiveThreads() {
    }

    static Set<Thread> now() {
        return new HashSet<>(Thread.getAllStackTraces().keySet());
    }

    /**
     * Threads alive now that were not in {@code before}, ignoring the JDK's own daemon helpers that
     * start lazily and idle on purpose ("process reaper", virtual-thread carriers, the cleaner); ours
     * are all named "rle-...". A thread that has been joined or whose pool has terminated may still be
     * leaving {@code run()}, so this waits until the set is empty or 10 s have passed.
     */
    static List<String> startedSince(Set<Thread> before) throws InterruptedException {
        List<String> left = List.of();
        for (int i = 0; i < 200; i++) {
            left = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !before.contains(t))
                    .filter(t -> t.getName().startsWith("rle-") || !t.isDaemon())
                    .map(t -> t.getName() + (t.isDaemon() ? " (daemon)" : ""))
                    .toList();
            if (left.isEmpty()) {
                return left;
            }
            Thread.sleep(50);
        }
        return left;
    }
}
