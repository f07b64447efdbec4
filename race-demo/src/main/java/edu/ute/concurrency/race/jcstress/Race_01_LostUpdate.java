package edu.ute.concurrency.race.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

/**
 * Pattern 1 — lost update: two threads run {@code counter++} on a plain field.
 *
 * <p><b>What goes wrong.</b> {@code counter++} is three steps: read the field, add one, write the
 * field back. When both threads read 0 before either writes, both write 1: one increment is lost.
 * This is the course's "global variable updated from many threads" exercise, reduced to two
 * increments so that jcstress can run it hundreds of millions of times.
 *
 * <p><b>Why (the JMM rule).</b> A read and a later write of the same field are two separate actions;
 * nothing makes the pair atomic. Two unsynchronized writes to one field form a <i>data race</i>, and
 * the JMM lets either thread's read see the initial 0.
 *
 * <p><b>The fix.</b> Do the read-modify-write under one lock ({@code synchronized}): the unlock of one
 * thread <i>happens-before</i> the next lock, so the second thread reads the first one's write.
 * {@link Race_02_VolatileIncrement} shows the atomic fix, and {@code RaceDemo} shows all of them.
 *
 * <p><b>How to run just this pattern</b> (from the repository root):
 * <pre>  mvn -pl race-demo -am verify -Drace.jcstress.tests=Race_01_</pre>
 *
 * <p>Observed on 2-core x86-64, JDK 25 (Temurin), jcstress 0.16, {@code mvn verify} with
 * {@code -m quick -sc false -iters 2} (4 JVM configurations, merged; the build's default is 1 iteration):
 * <pre>
 * Racy
 *   RESULT        SAMPLES     FREQ       EXPECT  DESCRIPTION
 *        1      9,817,355   14.05%  Interesting  lost update
 *        2     60,072,769   85.95%   Acceptable  both increments kept
 * Synchronized
 *   RESULT        SAMPLES     FREQ       EXPECT  DESCRIPTION
 *        1              0    0.00%    Forbidden  lost update
 *        2      9,074,764  100.00%   Acceptable  both increments kept
 * </pre>
 */
public final class Race_01_LostUpdate {

    private Race_01_LostUpdate() {
    }

    /** Wrong on purpose: {@code counter++} on a plain field from two threads. */
    @JCStressTest
    @Outcome(id = "2", expect = ACCEPTABLE, desc = "both increments kept")
    @Outcome(id = "1", expect = ACCEPTABLE_INTERESTING, desc = "lost update")
    @State
    public static class Racy {
        int counter;

        @Actor
        public void actor1() {
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

    /** The fix: the whole read-modify-write under the same monitor. */
    @JCStressTest
    @Outcome(id = "2", expect = ACCEPTABLE, desc = "both increments kept")
    @Outcome(id = "1", expect = FORBIDDEN, desc = "lost update")
    @State
    public static class Synchronized {
        int counter;

        @Actor
        public synchronized void actor1() {
            counter++;
        }

        @Actor
        public synchronized void actor2() {
            counter++;
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = counter;
        }
    }
}
