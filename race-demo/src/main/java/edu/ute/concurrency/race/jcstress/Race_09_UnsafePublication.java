package edu.ute.concurrency.race.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

/**
 * Pattern 9 — unsafe publication: another thread sees the object before its constructor's writes.
 *
 * <p><b>What goes wrong.</b> One thread runs {@code shared = new Point(...)}, another reads
 * {@code shared} and, finding it non-null, reads its fields. It may see the default {@code 0} in a
 * field the constructor set: a half-built object, with an "impossible" value.
 *
 * <p><b>Why (the JMM rule).</b> {@code new} is allocate, write the fields, write the reference; with
 * plain fields nothing orders the field writes before the reference write for another thread, so
 * compiler or hardware may make the reference visible first. x86 keeps stores in program order, and
 * on x86-64 the race has not shown, not even in jcstress's full mode (docs/measurements.md,
 * "Races"); weaker hardware (ARM, POWER) reorders stores and may show it.
 *
 * <p><b>The fixes.</b>
 * <ul>
 *   <li><b>{@code final} fields</b>: the JMM guarantees (JLS 17.5) that a thread that sees the
 *       reference sees the final fields as the constructor left them, however it got the reference
 *       (as long as {@code this} did not escape the constructor).</li>
 *   <li><b>Safe publication</b>: publish through a {@code volatile} field (or a lock, a concurrent
 *       collection, {@code Thread.start}); the volatile write happens-before the read that sees it,
 *       and the constructor's writes come before that write.</li>
 * </ul>
 *
 * <p><b>How to run just this pattern:</b>
 * <pre>  mvn -pl race-demo -am verify -Drace.jcstress.tests=Race_09_</pre>
 *
 * <p>Observed on 2-core x86-64, JDK 25 (Temurin), jcstress 0.16, {@code mvn verify} with
 * {@code -m quick -sc false -iters 2} (4 JVM configurations, merged; the build's default is 1 iteration):
 * <pre>
 * Racy
 *   RESULT        SAMPLES     FREQ       EXPECT  DESCRIPTION
 *       -1     33,357,891   53.31%   Acceptable  not published yet
 *        0              0    0.00%  Interesting  half-built object seen
 *        1              0    0.00%  Interesting  half-built object seen
 *        2              0    0.00%  Interesting  half-built object seen
 *        3              0    0.00%  Interesting  half-built object seen
 *        4     29,210,633   46.69%   Acceptable  fully built object
 * FinalFields
 *   RESULT        SAMPLES     FREQ       EXPECT  DESCRIPTION
 *       -1     31,523,641   52.43%   Acceptable  not published yet
 *        0              0    0.00%    Forbidden  half-built object seen
 *        1              0    0.00%    Forbidden  half-built object seen
 *        2              0    0.00%    Forbidden  half-built object seen
 *        3              0    0.00%    Forbidden  half-built object seen
 *        4     28,597,523   47.57%   Acceptable  fully built object
 * VolatilePublication
 *   RESULT        SAMPLES     FREQ       EXPECT  DESCRIPTION
 *       -1     42,739,020   82.63%   Acceptable  not published yet
 *        0              0    0.00%    Forbidden  half-built object seen
 *        1              0    0.00%    Forbidden  half-built object seen
 *        2              0    0.00%    Forbidden  half-built object seen
 *        3              0    0.00%    Forbidden  half-built object seen
 *        4      8,985,344   17.37%   Acceptable  fully built object
 * </pre>
 * Allowed by the JMM but not observed on x86-64, {@code Racy} carries {@link NotObservedHere}, so the
 * build does not warn that its race did not show.
 */
public final class Race_09_UnsafePublication {

    private Race_09_UnsafePublication() {
    }

    /** A plain object: four non-final fields, all 1 after construction. */
    static final class PlainPoint {
        int a;
        int b;
        int c;
        int d;

        PlainPoint() {
            a = 1;
            b = 1;
            c = 1;
            d = 1;
        }
    }

    /** The same object with final fields. */
    static final class FinalPoint {
        final int a;
        final int b;
        final int c;
        final int d;

        FinalPoint() {
            a = 1;
            b = 1;
            c = 1;
            d = 1;
        }
    }

    /** Wrong on purpose: plain fields published through a plain field. Result: sum of fields, -1 = not seen. */
    @JCStressTest
    @NotObservedHere("x86 keeps stores in order and HotSpot did not reorder them; ARM/POWER may")
    @Outcome(id = "-1", expect = ACCEPTABLE, desc = "not published yet")
    @Outcome(id = "4", expect = ACCEPTABLE, desc = "fully built object")
    @Outcome(id = {"0", "1", "2", "3"}, expect = ACCEPTABLE_INTERESTING, desc = "half-built object seen")
    @State
    public static class Racy {
        PlainPoint shared;

        @Actor
        public void publisher() {
            shared = new PlainPoint();
        }

        @Actor
        public void reader(I_Result r) {
            PlainPoint p = shared;
            r.r1 = p == null ? -1 : p.a + p.b + p.c + p.d;
        }
    }

    /** Fix 1: final fields are safe however the reference travels. */
    @JCStressTest
    @Outcome(id = "-1", expect = ACCEPTABLE, desc = "not published yet")
    @Outcome(id = "4", expect = ACCEPTABLE, desc = "fully built object")
    @Outcome(id = {"0", "1", "2", "3"}, expect = FORBIDDEN, desc = "half-built object seen")
    @State
    public static class FinalFields {
        FinalPoint shared;

        @Actor
        public void publisher() {
            shared = new FinalPoint();
        }

        @Actor
        public void reader(I_Result r) {
            FinalPoint p = shared;
            r.r1 = p == null ? -1 : p.a + p.b + p.c + p.d;
        }
    }

    /** Fix 2: plain fields, published through a volatile field. */
    @JCStressTest
    @Outcome(id = "-1", expect = ACCEPTABLE, desc = "not published yet")
    @Outcome(id = "4", expect = ACCEPTABLE, desc = "fully built object")
    @Outcome(id = {"0", "1", "2", "3"}, expect = FORBIDDEN, desc = "half-built object seen")
    @State
    public static class VolatilePublication {
        volatile PlainPoint shared;

        @Actor
        public void publisher() {
            shared = new PlainPoint();
        }

        @Actor
        public void reader(I_Result r) {
            PlainPoint p = shared;
            r.r1 = p == null ? -1 : p.a + p.b + p.c + p.d;
        }
    }
}
