package edu.ute.concurrency.race.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.openjdk.jcstress.infra.results.I_Result;

/**
 * Pattern 6 — a JDK class that is not thread-safe, shared between threads: {@link HashMap#put},
 * {@link ArrayList#add}, {@link BitSet#set}.
 *
 * <p><b>What goes wrong.</b> Their Javadoc says "this implementation is not synchronized", and inside
 * each call is a plain read-modify-write:
 * <ul>
 *   <li>{@code HashMap.put} of two keys landing in the same bucket ({@code "Aa"} and {@code "BB"}
 *       have the same hash code): both threads see an empty bucket and both store their node there,
 *       so one entry vanishes; {@code size++} can lose an update as well, so {@code size()} and the
 *       entries disagree.</li>
 *   <li>{@code ArrayList.add}: both read {@code size == 0}, both write slot 0, both set size 1.</li>
 *   <li>{@code BitSet.set(0)} and {@code set(1)}: both bits live in one {@code long} word, updated
 *       with {@code words[i] |= bit}; one thread's bit is overwritten.</li>
 * </ul>
 * Growing the table or the array while another thread writes can do worse (an exception, a lost
 * batch of entries); these variants pre-size to show the plain lost update.
 *
 * <p><b>Why (the JMM rule).</b> The same as pattern 1: each call is several unsynchronized reads and
 * writes of shared fields, and no happens-before edge orders the two threads' calls.
 *
 * <p><b>The fix.</b> The concurrent class ({@link ConcurrentHashMap}) or one lock around every access
 * ({@link Collections#synchronizedList}, or {@code synchronized} on the shared object for
 * {@code BitSet}, which has no concurrent twin).
 *
 * <p><b>How to run just this pattern:</b>
 * <pre>  mvn -pl race-demo -am verify -Drace.jcstress.tests=Race_06_</pre>
 *
 * <p>Observed on 2-core x86-64, JDK 25 (Temurin), jcstress 0.16, {@code mvn verify} with
 * {@code -m quick -sc false -iters 2} (4 JVM configurations, merged; the build's default is 1 iteration):
 * <pre>
 * RacyHashMap
 *   RESULT        SAMPLES     FREQ       EXPECT  DESCRIPTION
 *     1, 1        272,396    2.94%  Interesting  an entry vanished
 *     1, 2        205,974    2.22%  Interesting  an entry vanished
 *     2, 1          6,348    0.07%  Interesting  entries kept, size() lost one
 *     2, 2      8,784,606   94.77%   Acceptable  both entries kept
 * ConcurrentMap
 *   RESULT        SAMPLES     FREQ       EXPECT  DESCRIPTION
 *     1, 1              0    0.00%    Forbidden  an entry vanished
 *     1, 2              0    0.00%    Forbidden  an entry vanished
 *     2, 1              0    0.00%    Forbidden  entries kept, size() lost one
 *     2, 2      3,197,004  100.00%   Acceptable  both entries kept
 * RacyArrayList
 *   RESULT        SAMPLES     FREQ       EXPECT  DESCRIPTION
 *        1        831,670   16.24%  Interesting  both wrote slot 0, one element lost
 *        2      4,290,454   83.76%   Acceptable  both elements kept
 * SynchronizedList
 *   RESULT        SAMPLES     FREQ       EXPECT  DESCRIPTION
 *        1              0    0.00%    Forbidden  one element lost
 *        2      4,702,284  100.00%   Acceptable  both elements kept
 * RacyBitSet
 *   RESULT        SAMPLES     FREQ       EXPECT  DESCRIPTION
 *        1      3,277,132   23.76%  Interesting  one bit overwritten
 *        2     10,518,272   76.24%   Acceptable  both bits set
 * LockedBitSet
 *   RESULT        SAMPLES     FREQ       EXPECT  DESCRIPTION
 *        1              0    0.00%    Forbidden  one bit overwritten
 *        2     18,065,484  100.00%   Acceptable  both bits set
 * </pre>
 */
public final class Race_06_SharedJdkCollection {

    // "Aa".hashCode() == "BB".hashCode() == 2112: both keys go to the same bucket.
    private static final String KEY_1 = "Aa";
    private static final String KEY_2 = "BB";

    private Race_06_SharedJdkCollection() {
    }

    /** Wrong on purpose: a {@code HashMap} written by two threads. Result: (keys present, size()). */
    @JCStressTest
    @Outcome(id = "2, 2", expect = ACCEPTABLE, desc = "both entries kept")
    @Outcome(id = {"1, 1", "1, 2"}, expect = ACCEPTABLE_INTERESTING, desc = "an entry vanished")
    @Outcome(id = "2, 1", expect = ACCEPTABLE_INTERESTING, desc = "entries kept, size() lost one")
    @State
    public static class RacyHashMap {
        final Map<String, Integer> map = new HashMap<>();

        @Actor
        public void actor1() {
            map.put(KEY_1, 1);
        }

        @Actor
        public void actor2() {
            map.put(KEY_2, 2);
        }

        @Arbiter
        public void arbiter(II_Result r) {
            r.r1 = (map.containsKey(KEY_1) ? 1 : 0) + (map.containsKey(KEY_2) ? 1 : 0);
            r.r2 = map.size();
        }
    }

    /** The fix for maps: {@code ConcurrentHashMap} locks the bucket it writes to. */
    @JCStressTest
    @Outcome(id = "2, 2", expect = ACCEPTABLE, desc = "both entries kept")
    @Outcome(id = {"1, 1", "1, 2"}, expect = FORBIDDEN, desc = "an entry vanished")
    @Outcome(id = "2, 1", expect = FORBIDDEN, desc = "entries kept, size() lost one")
    @State
    public static class ConcurrentMap {
        final Map<String, Integer> map = new ConcurrentHashMap<>();

        @Actor
        public void actor1() {
            map.put(KEY_1, 1);
        }

        @Actor
        public void actor2() {
            map.put(KEY_2, 2);
        }

        @Arbiter
        public void arbiter(II_Result r) {
            r.r1 = (map.containsKey(KEY_1) ? 1 : 0) + (map.containsKey(KEY_2) ? 1 : 0);
            r.r2 = map.size();
        }
    }

    /** Wrong on purpose: an {@code ArrayList} appended to by two threads. Result: size(). */
    @JCStressTest
    @Outcome(id = "2", expect = ACCEPTABLE, desc = "both elements kept")
    @Outcome(id = "1", expect = ACCEPTABLE_INTERESTING, desc = "both wrote slot 0, one element lost")
    @State
    public static class RacyArrayList {
        // Capacity 2: no growth during the test, so the race is the plain lost update, not an exception.
        final List<String> list = new ArrayList<>(2);

        @Actor
        public void actor1() {
            list.add("one");
        }

        @Actor
        public void actor2() {
            list.add("two");
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = list.size();
        }
    }

    /** The fix for lists: every call on the list under the list's own lock. */
    @JCStressTest
    @Outcome(id = "2", expect = ACCEPTABLE, desc = "both elements kept")
    @Outcome(id = "1", expect = FORBIDDEN, desc = "one element lost")
    @State
    public static class SynchronizedList {
        final List<String> list = Collections.synchronizedList(new ArrayList<>(2));

        @Actor
        public void actor1() {
            list.add("one");
        }

        @Actor
        public void actor2() {
            list.add("two");
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = list.size();
        }
    }

    /** Wrong on purpose: two threads set different bits of one {@code BitSet}. Result: cardinality(). */
    @JCStressTest
    @Outcome(id = "2", expect = ACCEPTABLE, desc = "both bits set")
    @Outcome(id = "1", expect = ACCEPTABLE_INTERESTING, desc = "one bit overwritten")
    @State
    public static class RacyBitSet {
        final BitSet bits = new BitSet(64);

        @Actor
        public void actor1() {
            bits.set(0);
        }

        @Actor
        public void actor2() {
            bits.set(1);
        }

        @Arbiter
        public void arbiter(I_Result r) {
            r.r1 = bits.cardinality();
        }
    }

    /** The fix for a class without a concurrent twin: one lock (here the object itself) around every use. */
    @JCStressTest
    @Outcome(id = "2", expect = ACCEPTABLE, desc = "both bits set")
    @Outcome(id = "1", expect = FORBIDDEN, desc = "one bit overwritten")
    @State
    public static class LockedBitSet {
        final BitSet bits = new BitSet(64);

        @Actor
        public void actor1() {
            synchronized (bits) {
                bits.set(0);
            }
        }

        @Actor
        public void actor2() {
            synchronized (bits) {
                bits.set(1);
            }
        }

        @Arbiter
        public void arbiter(I_Result r) {
            synchronized (bits) {
                r.r1 = bits.cardinality();
            }
        }
    }
}
