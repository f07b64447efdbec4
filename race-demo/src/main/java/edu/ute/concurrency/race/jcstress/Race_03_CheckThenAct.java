package edu.ute.concurrency.race.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.util.concurrent.atomic.AtomicBoolean;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZ_Result;

/**
 * Pattern 3 — check-then-act: {@code if (!taken) { taken = true; return true; }} and both threads win.
 *
 * <p><b>What goes wrong.</b> Two threads try to claim one thing (a seat, a file name, a job). Each
 * checks that it is free and then marks it taken. When both check before either marks, both are
 * told they won: the seat is sold twice.
 *
 * <p><b>Why (the JMM rule).</b> The check and the act are separate actions with nothing in between
 * that excludes the other thread; the decision is made on a value that is already out of date.
 * Making {@code taken} volatile would not help (see {@link Race_02_VolatileIncrement}).
 *
 * <p><b>The fix.</b> Make check and act one atomic step: {@link AtomicBoolean#compareAndSet}
 * succeeds for exactly one thread ({@code synchronized} around both steps works too). The same idea
 * is behind {@code ConcurrentHashMap.putIfAbsent} and {@code Files.createFile}.
 *
 * <p><b>How to run just this pattern:</b>
 * <pre>  mvn -pl race-demo -am verify -Drace.jcstress.tests=Race_03_</pre>
 *
 * <p>Observed on 2-core x86-64, JDK 25 (Temurin), jcstress 0.16, {@code mvn verify} with
 * {@code -m quick -sc false -iters 2} (4 JVM configurations, merged; the build's default is 1 iteration):
 * <pre>
 * Racy
 *         RESULT        SAMPLES     FREQ       EXPECT  DESCRIPTION
 *   false, false              0    0.00%    Forbidden  nobody won
 *    false, true     33,332,293   46.22%   Acceptable  exactly one winner
 *    true, false     34,755,013   48.20%   Acceptable  exactly one winner
 *     true, true      4,024,898    5.58%  Interesting  both won
 * CompareAndSet
 *         RESULT        SAMPLES     FREQ       EXPECT  DESCRIPTION
 *   false, false              0    0.00%    Forbidden  nobody won
 *    false, true      3,795,776   45.36%   Acceptable  exactly one winner
 *    true, false      4,572,428   54.64%   Acceptable  exactly one winner
 *     true, true              0    0.00%    Forbidden  both won
 * </pre>
 */
public final class Race_03_CheckThenAct {

    private Race_03_CheckThenAct() {
    }

    /** Wrong on purpose: check and act are two steps. */
    @JCStressTest
    @Outcome(id = {"true, false", "false, true"}, expect = ACCEPTABLE, desc = "exactly one winner")
    @Outcome(id = "true, true", expect = ACCEPTABLE_INTERESTING, desc = "both won")
    @Outcome(id = "false, false", expect = FORBIDDEN, desc = "nobody won")
    @State
    public static class Racy {
        boolean taken;

        boolean tryTake() {
            if (!taken) {
                taken = true;
                return true;
            }
            return false;
        }

        @Actor
        public void actor1(ZZ_Result r) {
            r.r1 = tryTake();
        }

        @Actor
        public void actor2(ZZ_Result r) {
            r.r2 = tryTake();
        }
    }

    /** The fix: one atomic compare-and-set does both the check and the act. */
    @JCStressTest
    @Outcome(id = {"true, false", "false, true"}, expect = ACCEPTABLE, desc = "exactly one winner")
    @Outcome(id = "true, true", expect = FORBIDDEN, desc = "both won")
    @Outcome(id = "false, false", expect = FORBIDDEN, desc = "nobody won")
    @State
    public static class CompareAndSet {
        final AtomicBoolean taken = new AtomicBoolean();

        @Actor
        public void actor1(ZZ_Result r) {
            r.r1 = taken.compareAndSet(false, true);
        }

        @Actor
        public void actor2(ZZ_Result r) {
            r.r2 = taken.compareAndSet(false, true);
        }
    }
}
