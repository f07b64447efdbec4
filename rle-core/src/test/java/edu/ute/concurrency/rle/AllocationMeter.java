package edu.ute.concurrency.rle;

import java.lang.reflect.Method;
import org.junit.jupiter.api.Assumptions;

/**
 * Counts the bytes the calling thread allocates while it runs a piece of code, using HotSpot's
 * per-thread allocation counter ({@code com.sun.management.ThreadMXBean}). Unlike the used heap, the
 * count does not move with garbage collections or with other threads, so a bound on it is a real bound
 * on what the code under test asked for.
 *
 * <p>The test classes run inside the module {@code edu.ute.concurrency.rle}, which does not read
 * {@code jdk.management}; the counter is reached by reflection, which needs no readability edge. On a
 * JVM without the counter the calling test is skipped, not passed.
 */
final class AllocationMeter {
    private static final Object BEAN;
    private static final Method ALLOCATED;

    static {
        Object bean = null;
        Method allocated = null;
        try {
            bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
            Class<?> extended = Class.forName("com.sun.management.ThreadMXBean");
            if (extended.isInstance(bean)
                    && (boolean) extended.getMethod("isThreadAllocatedMemorySupported").invoke(bean)) {
                extended.getMethod("setThreadAllocatedMemoryEnabled", boolean.class).invoke(bean, true);
                allocated = extended.getMethod("getCurrentThreadAllocatedBytes");
            }
        } catch (ReflectiveOperationException | LinkageError e) {
            allocated = null;
        }
        BEAN = bean;
        ALLOCATED = allocated;
    }

    /** Something to measure; an exception it throws is part of what is measured. */
    interface Action {
        void run() throws Exception;
    }

    private AllocationMeter() {
    }

    /** What running an action cost, and what it threw (null if it returned normally). */
    record Measurement(long bytes, Exception thrown) {
    }

    /**
     * Bytes allocated by the calling thread while {@code action} runs. An exception from the action is
     * swallowed: callers assert what it throws separately, and measure here what it cost. An
     * {@link Error} (an {@code OutOfMemoryError} above all) is not: it fails the test.
     */
    static long bytesAllocatedBy(Action action) {
        return measure(action).bytes();
    }

    /** Runs {@code action}, returning the bytes the calling thread allocated meanwhile and what it threw. */
    static Measurement measure(Action action) {
        Assumptions.assumeTrue(ALLOCATED != null, "this JVM has no per-thread allocation counter");
        long before = allocated();
        Exception thrown = null;
        try {
            action.run();
        } catch (Exception e) {
            thrown = e;
        }
        return new Measurement(allocated() - before, thrown);
    }

    private static long allocated() {
        try {
            return (long) ALLOCATED.invoke(BEAN);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the allocation counter stopped answering", e);
        }
    }
}
