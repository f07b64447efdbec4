package edu.ute.concurrency.race.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.util.concurrent.atomic.AtomicInteger;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

/**
 * Pattern 2 — lost update on a {@code volatile} field: volatile gives visibility, not atomicity.
 *
 * <p><b>What goes wrong.</b> Students often "fix" pattern 1 by declaring the counter
 * {@code volatile}. Every read now sees the latest write, but {@code counter++} is still a read
 * followed by a write, and the other thread's write can land between them: an increment is still
 * lost.
 *
 * <p><b>Why (the JMM rule).</b> Volatile accesses are totally ordered and a volatile write
 * happens-before every later volatile read of the field. That orders the two reads and two writes;
 * it does not forbid the order read1, read2, write1, write2, in which both reads see 0.
 *
 * <p><b>The fix.</b> An atomic read-modify-write: {@link AtomicInteger#incrementAndGet()} is one
 * indivisible {@code lock xadd} on x86 (a compare-and-set loop elsewhere), with volatile memory
 * effects.
 *
 * <p><b>How to run just this pattern:</b>
 * <pre>  mvn -pl race-demo -am verify -Drace.jcstress.tests=Race_02_</pre>
 *
 * <p>Observed on 2-core x86-64, JDK 25 (Temurin), jcstress 0.16, {@code mvn verify} with
 * {@code -m quick -sc false -iters 2} (4 JVM configurations, merged; the build's default is 1 iteration):
 * <pre>
 * Racy
 *   RESULT        SAMPLES     FREQ       EXPECT  DESCRIPTION
 *        1        801,581   10.49%  Interesting  lost update despite volatile
 *        2      6,839,583   89.51%   Acceptable  both increments kept
 * Atomic
 *   RESULT        SAMPLES     FREQ       EXPECT  DESCRIPTION
 *        1              0    0.00%    Forbidden  lost update
 *        2     20,543,564  100.00%   Acceptable  both increments kept
 * </pre>
 */
public final class Race_02_VolatileIncrement {

    private Race_02_VolatileIncrement() {
    }

    /** Wrong on purpose: {@code counter++} on a volatile field. */
    @JCStressTest
    @Outcome(id = "2", expect = ACCEPTABLE, desc = "both increments kept")
    @Outcome(id = "1", expect = ACCEPTABLE_INTERESTING, desc = "lost update despite volatile")
    @State
    public static class Racy {
        volatile int counter;

        @Actor
        public void actor1() {
            // Deliberately not atomic: -Xlint would not notice, a reviewer must.
            counter++;
        }

        @Actor
        public void actor2() {
            counter++;
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = counter;
        }
    }

    /** The fix: one atomic read-modify-write instruction. */
    @JCStressTest
    @Outcome(id = "2", expect = ACCEPTABLE, desc = "both increments kept")
    @Outcome(id = "1", expect = FORBIDDEN, desc = "lost update")
    @State
    public static class Atomic {
        final AtomicInteger counter = new AtomicInteger();

        @Actor
        public void actor1() {
            counter.incrementAndGet();
        }

        @Actor
        public void actor2() {
            counter.incrementAndGet();
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = counter.get();
        }
    }
}
