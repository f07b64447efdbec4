package edu.ute.concurrency.race.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

/**
 * Pattern 7 — visibility: a spinning thread never sees a non-volatile stop flag.
 *
 * <p><b>What goes wrong.</b> A worker loops {@code while (!stop) { }} and another thread sets
 * {@code stop = true}. The worker may never stop. Not "stops late": never. Students meet this as a
 * program that hangs only after the JIT compiler has warmed up, and works under the debugger.
 *
 * <p><b>Why (the JMM rule).</b> With a plain field there is no happens-before edge from the write to
 * the reads, so the JMM does not require the loop ever to see the write. The JIT compiler uses that
 * freedom: it reads the field once, sees {@code false}, and compiles {@code while (true) { }}. x86's
 * cache coherence does not help, because the value never leaves the register.
 *
 * <p><b>The fix.</b> Declare the flag {@code volatile}: the compiler must re-read it on every
 * iteration, and the write happens-before every read that sees it. ({@code AtomicBoolean},
 * {@code Thread.interrupt()} or a lock work too.)
 *
 * <p>jcstress runs these in {@code Mode.Termination}: the actor spins, the {@code @Signal} method
 * writes the flag, and a test instance that has not finished in time is counted as {@code STALE}.
 *
 * <p><b>How to run just this pattern:</b>
 * <pre>  mvn -pl race-demo -am verify -Drace.jcstress.tests=Race_07_</pre>
 *
 * <p>Observed on 2-core x86-64, JDK 25 (Temurin), jcstress 0.16, {@code mvn verify} with
 * {@code -m quick -sc false -iters 2} (4 JVM configurations, merged; the build's default is 1 iteration):
 * <pre>
 * Racy
 *       RESULT        SAMPLES     FREQ       EXPECT  DESCRIPTION
 *        STALE              3    0.91%  Interesting  the worker never saw the flag
 *   TERMINATED            328   99.09%   Acceptable  the worker saw the flag
 * Volatile
 *       RESULT        SAMPLES     FREQ       EXPECT  DESCRIPTION
 *        STALE              0    0.00%    Forbidden  the worker never saw the flag
 *   TERMINATED          1,057  100.00%   Acceptable  the worker saw the flag
 * </pre>
 * The samples are few because a JVM whose worker never stops has to be killed: each JVM
 * configuration contributes at most one {@code STALE}, from the compiled configurations (C1, C2);
 * the interpreter ({@code -Xint}) re-reads the field on every iteration and always sees the flag.
 */
public final class Race_07_StopFlagVisibility {

    private Race_07_StopFlagVisibility() {
    }

    /** Wrong on purpose: the loop may be compiled into an endless loop. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the worker saw the flag")
    @Outcome(id = "STALE", expect = ACCEPTABLE_INTERESTING, desc = "the worker never saw the flag")
    @State
    public static class Racy {
        boolean stop;

        @Actor
        public void worker() {
            while (!stop) {
                // Spin. No call, no lock, nothing that would force a re-read of stop.
            }
        }

        @Signal
        public void stopper() {
            stop = true;
        }
    }

    /** The fix: a volatile flag is re-read on every iteration and its write becomes visible. */
    @JCStressTest(Mode.Termination)
    @Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the worker saw the flag")
    @Outcome(id = "STALE", expect = FORBIDDEN, desc = "the worker never saw the flag")
    @State
    public static class Volatile {
        volatile boolean stop;

        @Actor
        public void worker() {
            while (!stop) {
                // Spin; every iteration performs a volatile read.
            }
        }

        @Signal
        public void stopper() {
            stop = true;
        }
    }
}
