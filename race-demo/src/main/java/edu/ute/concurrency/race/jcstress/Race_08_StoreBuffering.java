package edu.ute.concurrency.race.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Pattern 8 — store buffering (Dekker): {@code x = 1; r1 = y} in one thread and
 * {@code y = 1; r2 = x} in the other give {@code r1 == 0 && r2 == 0}, even on x86.
 *
 * <p><b>What goes wrong.</b> Each thread announces itself, then checks whether the other has
 * announced: the core of Dekker's and Peterson's mutual-exclusion algorithms. In every interleaving
 * of the four statements at least one thread sees the other's 1. Yet both can read 0, and then both
 * enter the "critical section".
 *
 * <p><b>Why (the JMM rule).</b> Only sequentially consistent executions of <i>correctly synchronized</i>
 * programs are guaranteed; with plain fields the compiler may reorder the store and the load, and
 * x86 hardware itself does: the store waits in the core's store buffer while the later load of the
 * other variable already reads memory. x86 reorders exactly this pair (a store followed by a load)
 * and nothing else.
 *
 * <p>Release/acquire ({@code VarHandle.setRelease} / {@code getAcquire}) is <b>not</b> enough: a
 * release store orders the accesses <i>before</i> it, an acquire load orders those <i>after</i> it,
 * and neither forbids moving a load ahead of an earlier store. The {@code RacyReleaseAcquire}
 * variant shows {@code 0, 0} as well.
 *
 * <p><b>The fix.</b> Both fields {@code volatile}. Volatile accesses take part in one total
 * synchronization order consistent with program order, so one thread's store comes first and the
 * other thread's load sees it; on x86 the JIT emits a full fence ({@code lock addl}) after a volatile
 * store.
 *
 * <p><b>How to run just this pattern:</b>
 * <pre>  mvn -pl race-demo -am verify -Drace.jcstress.tests=Race_08_</pre>
 *
 * <p>Observed on 2-core x86-64, JDK 25 (Temurin), jcstress 0.16, {@code mvn verify} with
 * {@code -m quick -sc false -iters 2} (4 JVM configurations, merged; the build's default is 1 iteration):
 * <pre>
 * Racy
 *   RESULT        SAMPLES     FREQ       EXPECT  DESCRIPTION
 *     0, 0      7,254,248   16.29%  Interesting  both read 0: store buffered
 *     0, 1     20,608,664   46.28%   Acceptable  some interleaving
 *     1, 0     16,662,472   37.42%   Acceptable  some interleaving
 *     1, 1            260    0.00%   Acceptable  some interleaving
 * RacyReleaseAcquire
 *   RESULT        SAMPLES     FREQ       EXPECT  DESCRIPTION
 *     0, 0      5,771,964   41.05%  Interesting  both read 0: release/acquire allows it
 *     0, 1      4,460,027   31.72%   Acceptable  some interleaving
 *     1, 0      3,270,301   23.26%   Acceptable  some interleaving
 *     1, 1        559,352    3.98%   Acceptable  some interleaving
 * Volatile
 *   RESULT        SAMPLES     FREQ       EXPECT  DESCRIPTION
 *     0, 0              0    0.00%    Forbidden  both read 0
 *     0, 1      3,065,578   72.80%   Acceptable  some interleaving
 *     1, 0      1,048,863   24.91%   Acceptable  some interleaving
 *     1, 1         96,323    2.29%   Acceptable  some interleaving
 * </pre>
 * {@code 0, 0} appears in every configuration, the interpreter included: it is the hardware's store
 * buffer, not the compiler.
 */
public final class Race_08_StoreBuffering {

    private Race_08_StoreBuffering() {
    }

    /** Wrong on purpose: plain fields. */
    @JCStressTest
    @Outcome(id = {"0, 1", "1, 0", "1, 1"}, expect = ACCEPTABLE, desc = "some interleaving")
    @Outcome(id = "0, 0", expect = ACCEPTABLE_INTERESTING, desc = "both read 0: store buffered")
    @State
    public static class Racy {
        int x;
        int y;

        @Actor
        public void actor1(II_Result r) {
            x = 1;
            r.r1 = y;
        }

        @Actor
        public void actor2(II_Result r) {
            y = 1;
            r.r2 = x;
        }
    }

    /** Still wrong on purpose: release stores and acquire loads do not order a store before a load. */
    @JCStressTest
    @Outcome(id = {"0, 1", "1, 0", "1, 1"}, expect = ACCEPTABLE, desc = "some interleaving")
    @Outcome(id = "0, 0", expect = ACCEPTABLE_INTERESTING, desc = "both read 0: release/acquire allows it")
    @State
    public static class RacyReleaseAcquire {
        private static final VarHandle X;
        private static final VarHandle Y;

        static {
            try {
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                X = lookup.findVarHandle(RacyReleaseAcquire.class, "x", int.class);
                Y = lookup.findVarHandle(RacyReleaseAcquire.class, "y", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        int x;
        int y;

        @Actor
        public void actor1(II_Result r) {
            X.setRelease(this, 1);
            r.r1 = (int) Y.getAcquire(this);
        }

        @Actor
        public void actor2(II_Result r) {
            Y.setRelease(this, 1);
            r.r2 = (int) X.getAcquire(this);
        }
    }

    /** The fix: volatile fields are sequentially consistent. */
    @JCStressTest
    @Outcome(id = {"0, 1", "1, 0", "1, 1"}, expect = ACCEPTABLE, desc = "some interleaving")
    @Outcome(id = "0, 0", expect = FORBIDDEN, desc = "both read 0")
    @State
    public static class Volatile {
        volatile int x;
        volatile int y;

        @Actor
        public void actor1(II_Result r) {
            x = 1;
            r.r1 = y;
        }

        @Actor
        public void actor2(II_Result r) {
            y = 1;
            r.r2 = x;
        }
    }
}
