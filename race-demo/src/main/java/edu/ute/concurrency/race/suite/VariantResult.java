package edu.ute.concurrency.race.suite;

import java.util.List;

/**
 * What one jcstress test (one nested variant such as {@code Race_01_LostUpdate.Racy}) did in a run,
 * merged over every JVM configuration it ran in.
 *
 * <p>A plain value, independent of jcstress's own classes, so that {@link SuiteCheck} can be tested
 * without running jcstress. Immutable and thread-safe.
 *
 * @param testName        jcstress test name, e.g. {@code edu.ute.concurrency.race.jcstress.Race_01_LostUpdate.Racy}
 * @param status          jcstress status: {@code NORMAL} when the test ran; anything else is an error
 * @param samples         how many times the actors ran, all outcomes together
 * @param interesting     samples whose outcome is declared {@code ACCEPTABLE_INTERESTING}
 * @param forbidden       samples whose outcome is declared {@code FORBIDDEN} or matches no declared outcome
 * @param failureMessages jcstress's grading messages (empty when the test passed)
 */
public record VariantResult(String testName, String status, long samples, long interesting, long forbidden,
                            List<String> failureMessages) {

    /** The status jcstress gives a test that ran to completion. */
    public static final String NORMAL = "NORMAL";

    public VariantResult {
        failureMessages = List.copyOf(failureMessages);
    }

    /** The outer class name, e.g. {@code Race_01_LostUpdate}. */
    public String pattern() {
        String[] parts = simpleParts();
        return parts.length > 1 ? parts[parts.length - 2] : parts[0];
    }

    /** The nested variant name, e.g. {@code Racy} or {@code Synchronized}. */
    public String variant() {
        String[] parts = simpleParts();
        return parts[parts.length - 1];
    }

    /** A variant named {@code Racy...} is wrong on purpose; every other variant is a fix. */
    public boolean isRacy() {
        return variant().startsWith("Racy");
    }

    private String[] simpleParts() {
        // Test names are canonical names: package.Outer.Nested (jcstress uses '.' for nesting).
        String[] dotted = testName.split("\\.");
        int firstClass = 0;
        while (firstClass < dotted.length - 1 && !Character.isUpperCase(dotted[firstClass].charAt(0))) {
            firstClass++;
        }
        String[] parts = new String[dotted.length - firstClass];
        System.arraycopy(dotted, firstClass, parts, 0, parts.length);
        return parts;
    }
}
