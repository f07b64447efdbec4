package edu.ute.concurrency.race.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.util.concurrent.ConcurrentHashMap;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

/**
 * Pattern 5 — read-modify-write on a {@link ConcurrentHashMap}: {@code get} then {@code put} loses a
 * count.
 *
 * <p><b>What goes wrong.</b> Counting words with {@code map.put(w, map.get(w) + 1)} on a
 * {@code ConcurrentHashMap}: each call is thread-safe, the pair is not. Both threads get 0, both put
 * 1, one count is lost. "I used a concurrent collection" does not make a compound action atomic.
 *
 * <p><b>Why (the JMM rule).</b> {@code ConcurrentHashMap} guarantees that each single operation is
 * atomic and that a {@code put} happens-before a later {@code get} of that key. Between the
 * {@code get} and the {@code put} another thread's {@code put} may come: the same lost update as
 * pattern 1, one level up.
 *
 * <p><b>The fix.</b> Hand the whole update to the map, which performs it atomically for that key:
 * {@code map.merge(key, 1, Integer::sum)} or {@code map.compute(key, (k, v) -> v == null ? 1 : v + 1)}.
 *
 * <p><b>How to run just this pattern:</b>
 * <pre>  mvn -pl race-demo -am verify -Drace.jcstress.tests=Race_05_</pre>
 *
 * <p>Observed on 2-core x86-64, JDK 25 (Temurin), jcstress 0.16, {@code mvn verify} with
 * {@code -m quick -sc false -iters 2} (4 JVM configurations, merged; the build's default is 1 iteration):
 * <pre>
 * Racy
 *   RESULT        SAMPLES     FREQ       EXPECT  DESCRIPTION
 *        1        493,055    9.19%  Interesting  lost count: get, get, put, put
 *        2      4,874,829   90.81%   Acceptable  both counts kept
 * Merge
 *   RESULT        SAMPLES     FREQ       EXPECT  DESCRIPTION
 *        1              0    0.00%    Forbidden  lost count
 *        2      7,262,284  100.00%   Acceptable  both counts kept
 * Compute
 *   RESULT        SAMPLES     FREQ       EXPECT  DESCRIPTION
 *        1              0    0.00%    Forbidden  lost count
 *        2      7,313,484  100.00%   Acceptable  both counts kept
 * </pre>
 */
public final class Race_05_MapReadModifyWrite {

    private static final String WORD = "race";

    private Race_05_MapReadModifyWrite() {
    }

    /** Wrong on purpose: two atomic calls do not make an atomic update. */
    @JCStressTest
    @Outcome(id = "2", expect = ACCEPTABLE, desc = "both counts kept")
    @Outcome(id = "1", expect = ACCEPTABLE_INTERESTING, desc = "lost count: get, get, put, put")
    @State
    public static class Racy {
        final ConcurrentHashMap<String, Integer> counts = new ConcurrentHashMap<>();

        void count() {
            Integer old = counts.get(WORD);
            counts.put(WORD, old == null ? 1 : old + 1);
        }

        @Actor
        public void actor1() {
            count();
        }

        @Actor
        public void actor2() {
            count();
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = counts.get(WORD);
        }
    }

    /** Fix 1: {@code merge} runs the whole update atomically for the key. */
    @JCStressTest
    @Outcome(id = "2", expect = ACCEPTABLE, desc = "both counts kept")
    @Outcome(id = "1", expect = FORBIDDEN, desc = "lost count")
    @State
    public static class Merge {
        final ConcurrentHashMap<String, Integer> counts = new ConcurrentHashMap<>();

        @Actor
        public void actor1() {
            counts.merge(WORD, 1, Integer::sum);
        }

        @Actor
        public void actor2() {
            counts.merge(WORD, 1, Integer::sum);
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = counts.get(WORD);
        }
    }

    /** Fix 2: {@code compute} does the same with a function that sees the current value. */
    @JCStressTest
    @Outcome(id = "2", expect = ACCEPTABLE, desc = "both counts kept")
    @Outcome(id = "1", expect = FORBIDDEN, desc = "lost count")
    @State
    public static class Compute {
        final ConcurrentHashMap<String, Integer> counts = new ConcurrentHashMap<>();

        void count() {
            counts.compute(WORD, (word, old) -> old == null ? 1 : old + 1);
        }

        @Actor
        public void actor1() {
            count();
        }

        @Actor
        public void actor2() {
            count();
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = counts.get(WORD);
        }
    }
}
