package edu.ute.concurrency.examples.tour.workers;

/**
 * Tells a worker JVM to die in the middle of a task, the way a real worker dies (a native crash, the
 * kernel's OOM killer, a {@code kill -9}): it halts without a reply. For demonstrating and testing that
 * the {@link WorkerProcessPool} notices and recovers; real tasks use {@link #NONE}.
 */
public enum CrashDrill {
    /** A normal task. */
    NONE,
    /** The worker dies on the task's first attempt only: the retry on a fresh worker succeeds. */
    FIRST_ATTEMPT,
    /** The worker dies on every attempt: the pool gives up after the retry and reports the task. */
    EVERY_ATTEMPT;

    /** Whether a worker running attempt {@code attempt} (1-based) of a task with this drill must die. */
    public boolean crashesOn(int attempt) {
        return this == EVERY_ATTEMPT || (this == FIRST_ATTEMPT && attempt == 1);
    }
}
