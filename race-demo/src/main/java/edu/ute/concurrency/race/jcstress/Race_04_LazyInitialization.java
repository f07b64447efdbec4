package edu.ute.concurrency.race.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.Z_Result;

/**
 * Pattern 4 — lazy initialisation: two threads each create "the" instance.
 *
 * <p><b>What goes wrong.</b> {@code if (instance == null) instance = new Thing();} is a
 * check-then-act (pattern 3): both threads see {@code null}, both construct, and the two callers
 * hold different "singletons" (two connection pools, two caches, a counter that counts twice).
 *
 * <p><b>Why (the JMM rule).</b> Nothing orders one thread's check against the other's write, and
 * with a plain field a thread may even see the reference before the object's fields are written
 * (pattern 9), which is why double-checked locking <i>without</i> {@code volatile} is broken.
 *
 * <p><b>The fixes.</b>
 * <ul>
 *   <li><b>Holder idiom</b>: the instance lives in a static field of a nested class. The JVM
 *       initialises a class exactly once, under a lock, and every thread that uses the class after
 *       that sees the initialised fields (JLS 12.4.2). Lazy, no locking on the fast path. It only
 *       works for one instance per JVM (a real singleton).</li>
 *   <li><b>Volatile double-checked locking</b>: check without the lock, lock, check again, create,
 *       publish through a {@code volatile} field. For an instance per object.</li>
 *   <li><b>{@code synchronized} getter</b>: simplest and correct; every call takes the lock.</li>
 * </ul>
 *
 * <p><b>How to run just this pattern:</b>
 * <pre>  mvn -pl race-demo -am verify -Drace.jcstress.tests=Race_04_</pre>
 *
 * <p>Observed on 2-core x86-64, JDK 25 (Temurin), jcstress 0.16, {@code mvn verify} with
 * {@code -m quick -sc false -iters 2} (4 JVM configurations, merged; the build's default is 1 iteration):
 * <pre>
 * Racy
 *   RESULT        SAMPLES     FREQ       EXPECT  DESCRIPTION
 *    false      8,634,888   34.80%  Interesting  two instances created
 *     true     16,178,756   65.20%   Acceptable  one instance
 * Holder
 *   RESULT        SAMPLES     FREQ       EXPECT  DESCRIPTION
 *    false              0    0.00%    Forbidden  two instances created
 *     true     75,921,484  100.00%   Acceptable  one instance
 * VolatileDoubleChecked
 *   RESULT        SAMPLES     FREQ       EXPECT  DESCRIPTION
 *    false              0    0.00%    Forbidden  two instances created
 *     true      8,859,724  100.00%   Acceptable  one instance
 * Synchronized
 *   RESULT        SAMPLES     FREQ       EXPECT  DESCRIPTION
 *    false              0    0.00%    Forbidden  two instances created
 *     true     10,057,804  100.00%   Acceptable  one instance
 * </pre>
 */
public final class Race_04_LazyInitialization {

    private Race_04_LazyInitialization() {
    }

    /** What is being lazily created: any object whose identity matters. */
    static final class ExpensiveResource {
    }

    /** Wrong on purpose: unsynchronized lazy initialisation. */
    @JCStressTest
    @Outcome(id = "true", expect = ACCEPTABLE, desc = "one instance")
    @Outcome(id = "false", expect = ACCEPTABLE_INTERESTING, desc = "two instances created")
    @State
    public static class Racy {
        ExpensiveResource instance;
        ExpensiveResource seenBy1;
        ExpensiveResource seenBy2;

        ExpensiveResource get() {
            if (instance == null) {
                instance = new ExpensiveResource();
            }
            return instance;
        }

        @Actor
        public void actor1() {
            seenBy1 = get();
        }

        @Actor
        public void actor2() {
            seenBy2 = get();
        }

        @Arbiter
        public void arbiter(Z_Result r) {
            r.r1 = seenBy1 == seenBy2;
        }
    }

    /**
     * Fix 1, the holder idiom: the JVM's class initialisation is the lock. There is one instance per
     * JVM, so this variant checks that both threads get that one.
     */
    @JCStressTest
    @Outcome(id = "true", expect = ACCEPTABLE, desc = "one instance")
    @Outcome(id = "false", expect = FORBIDDEN, desc = "two instances created")
    @State
    public static class Holder {
        ExpensiveResource seenBy1;
        ExpensiveResource seenBy2;

        private static final class InstanceHolder {
            // Initialised on the first access to InstanceHolder, exactly once (JLS 12.4.2).
            static final ExpensiveResource INSTANCE = new ExpensiveResource();
        }

        static ExpensiveResource get() {
            return InstanceHolder.INSTANCE;
        }

        @Actor
        public void actor1() {
            seenBy1 = get();
        }

        @Actor
        public void actor2() {
            seenBy2 = get();
        }

        @Arbiter
        public void arbiter(Z_Result r) {
            r.r1 = seenBy1 == seenBy2;
        }
    }

    /** Fix 2, double-checked locking, correct only because the field is volatile. */
    @JCStressTest
    @Outcome(id = "true", expect = ACCEPTABLE, desc = "one instance")
    @Outcome(id = "false", expect = FORBIDDEN, desc = "two instances created")
    @State
    public static class VolatileDoubleChecked {
        volatile ExpensiveResource instance;
        ExpensiveResource seenBy1;
        ExpensiveResource seenBy2;

        ExpensiveResource get() {
            // Local copy: one volatile read on the fast path instead of two.
            ExpensiveResource local = instance;
            if (local == null) {
                synchronized (this) {
                    local = instance;
                    if (local == null) {
                        local = new ExpensiveResource();
                        instance = local;
                    }
                }
            }
            return local;
        }

        @Actor
        public void actor1() {
            seenBy1 = get();
        }

        @Actor
        public void actor2() {
            seenBy2 = get();
        }

        @Arbiter
        public void arbiter(Z_Result r) {
            r.r1 = seenBy1 == seenBy2;
        }
    }

    /** Fix 3, a synchronized getter: check and create under one lock. */
    @JCStressTest
    @Outcome(id = "true", expect = ACCEPTABLE, desc = "one instance")
    @Outcome(id = "false", expect = FORBIDDEN, desc = "two instances created")
    @State
    public static class Synchronized {
        ExpensiveResource instance;
        ExpensiveResource seenBy1;
        ExpensiveResource seenBy2;

        synchronized ExpensiveResource get() {
            if (instance == null) {
                instance = new ExpensiveResource();
            }
            return instance;
        }

        @Actor
        public void actor1() {
            seenBy1 = get();
        }

        @Actor
        public void actor2() {
            seenBy2 = get();
        }

        @Arbiter
        public void arbiter(Z_Result r) {
            r.r1 = seenBy1 == seenBy2;
        }
    }
}
