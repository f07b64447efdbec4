package edu.ute.concurrency.links.crawl;

import java.util.List;
import java.util.Set;

/**
 * Counts live threads before and after a crawl: the proof, without clocks, that a crawler leaves
 * no thread behind. Threads of the test site (started before the snapshot) do not count.
 */
final class LiveThreads {

    private final Set<Thread> before;

    private LiveThreads(Set<Thread> before) {
        this.before = before;
    }

    static LiveThreads snapshot() {
        return new LiveThreads(Set.copyOf(Thread.getAllStackTraces().keySet()));
    }

    /**
     * Threads started since the snapshot that are still alive. A thread whose pool has terminated
     * may still be returning from its last method, so each new thread gets a bounded join first.
     */
    List<String> leaked() throws InterruptedException {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!before.contains(t) && !isJdkHousekeeping(t)) {
                t.join(5_000);
            }
        }
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive() && !isJdkHousekeeping(t))
                .map(Thread::getName)
                .sorted()
                .toList();
    }

    /**
     * JDK threads started once per JVM on first use, not by the crawler, and kept idle for a while:
     * {@code ForkJoinPool-N-worker-N}, the carrier threads of the JVM's virtual-thread scheduler,
     * and its {@code VirtualThread-unblocker}; the virtual threads themselves are awaited by the
     * crawler. (The common pool is not on the list: no crawler stage runs on it.)
     */
    private static boolean isJdkHousekeeping(Thread t) {
        String name = t.getName();
        return name.matches("ForkJoinPool-\\d+-worker-\\d+")
                || name.equals("VirtualThread-unblocker") || name.equals("Common-Cleaner") || name.equals("process reaper") || name.equals("Attach Listener")
                || name.startsWith("surefire") || name.equals("Signal Dispatcher") || name.equals("Notification Thread");
    }
}
