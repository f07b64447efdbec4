package edu.ute.concurrency.race.jcstress;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a racy jcstress variant whose race the Java Memory Model allows but which does not show on
 * x86-64 with HotSpot, usually because x86 hardware is stronger than the JMM.
 *
 * <p>Every nested variant whose name starts with {@code Racy} is expected to show its interesting
 * outcome in a normal {@code mvn verify} run; {@link edu.ute.concurrency.race.suite.RaceSuite} warns
 * (or fails, with {@code -Drace.requireInteresting=true}) when one does not. A variant carrying this
 * annotation is exempt: the summary table reports "allowed by the JMM, not observed here" instead.
 *
 * <pre>{@code
 * @JCStressTest
 * @NotObservedHere("x86 keeps stores in program order; weaker hardware may show it")
 * public static class Racy { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface NotObservedHere {

    /** Why the race does not show on this machine, in a few words. */
    String value();
}
