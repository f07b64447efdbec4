package edu.ute.concurrency.race.suite;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Grades a jcstress run of the race suite: what jcstress's exit code does not tell.
 *
 * <p>jcstress exits 0 when no test matched and when a racy test never showed its race, and ignores
 * some error states. This check fails the run when
 * <ul>
 *   <li>no test was expected at all (a build whose annotation processor generated nothing),</li>
 *   <li>an expected test has no result (not scheduled, crashed before reporting),</li>
 *   <li>a test ended in any status other than {@code NORMAL},</li>
 *   <li>a test saw a {@code FORBIDDEN} or undeclared outcome (a fix that does not fix),</li>
 * </ul>
 * and it warns when a {@code Racy...} variant documented as observable on x86-64 showed no
 * interesting outcome. Races are probabilistic, so that is a warning by default; with
 * {@code requireInteresting} it is a failure.
 *
 * <pre>{@code
 * SuiteCheck.Verdict verdict = SuiteCheck.check(expectedNames, resultsByName, name -> false, false);
 * verdict.printTo(System.out);
 * System.exit(verdict.passed() ? 0 : 1);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class SuiteCheck {

    private SuiteCheck() {
    }

    /**
     * Checks a run.
     *
     * @param expectedTests      test names that matched the selection and so must have run
     * @param results            results by test name, merged over JVM configurations
     * @param notObservedHere    true for a racy test documented as "allowed, not observed here"
     * @param requireInteresting true to fail (not just warn) when an observable race did not show
     * @return rows for the summary table, plus failures and warnings
     */
    public static Verdict check(Collection<String> expectedTests, Map<String, VariantResult> results,
                                Predicate<String> notObservedHere, boolean requireInteresting) {
        Objects.requireNonNull(results, "results");
        List<VariantResult> rows = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        SortedSet<String> expected = new TreeSet<>(expectedTests);
        if (expected.isEmpty()) {
            failures.add("no jcstress test matched the selection: was the annotation processor run "
                    + "(<proc>full</proc>), and does -t match the test names?");
        }
        for (String name : expected) {
            VariantResult result = results.get(name);
            if (result == null) {
                failures.add(name + ": expected to run but has no result (not scheduled or crashed)");
                continue;
            }
            rows.add(result);
            if (!VariantResult.NORMAL.equals(result.status())) {
                failures.add(name + ": jcstress status " + result.status());
            } else if (result.forbidden() > 0 || !result.failureMessages().isEmpty()) {
                failures.add(name + ": " + result.forbidden() + " forbidden outcome(s) "
                        + String.join("; ", result.failureMessages()));
            } else if (result.samples() == 0) {
                failures.add(name + ": ran no samples");
            } else if (result.isRacy() && result.interesting() == 0 && !notObservedHere.test(name)) {
                String message = name + ": the race documented as observable did not show in "
                        + result.samples() + " samples";
                if (requireInteresting) {
                    failures.add(message + " (-Drace.requireInteresting=true)");
                } else {
                    warnings.add(message + " (races are probabilistic: run it again, or with -Drace.jcstress.mode=default)");
                }
            }
        }
        for (String name : new TreeSet<>(results.keySet())) {
            if (!expected.contains(name)) {
                // A result nobody asked for (a stale or foreign blob) means this report cannot be trusted.
                failures.add(name + ": has a result but was not selected for this run");
            }
        }
        return new Verdict(rows, failures, warnings, notObservedHere);
    }

    /**
     * The outcome of {@link #check}: summary rows, failures (the run fails when there is any) and
     * warnings.
     *
     * @param rows            one row per expected test that has a result, sorted by name
     * @param failures        reasons to fail the build
     * @param warnings        observable races that did not show this time
     * @param notObservedHere which racy tests are documented as not observed here
     */
    public record Verdict(List<VariantResult> rows, List<String> failures, List<String> warnings,
                          Predicate<String> notObservedHere) {

        public Verdict {
            rows = List.copyOf(rows);
            failures = List.copyOf(failures);
            warnings = List.copyOf(warnings);
        }

        /** True when the build may pass. */
        public boolean passed() {
            return failures.isEmpty();
        }

        /** Prints the summary table, then warnings and failures. */
        public void printTo(PrintStream out) {
            out.println();
            out.println("Race suite summary (interesting = the race outcome; forbidden must be 0 everywhere)");
            String format = "%-32s %-26s %12s %12s %9s  %s%n";
            out.printf(format, "pattern", "variant", "samples", "interesting", "forbidden", "verdict");
            for (VariantResult row : rows) {
                out.printf(format, row.pattern(), row.variant(), row.samples(), row.interesting(),
                        row.forbidden(), verdictOf(row));
            }
            for (String warning : warnings) {
                out.println("WARNING: " + warning);
            }
            for (String failure : failures) {
                out.println("FAILED: " + failure);
            }
            out.println(passed()
                    ? "Race suite PASSED: " + rows.size() + " tests, every fix held"
                    : "Race suite FAILED: " + failures.size() + " problem(s)");
        }

        private String verdictOf(VariantResult row) {
            if (!VariantResult.NORMAL.equals(row.status())) {
                return "ERROR " + row.status();
            }
            if (row.forbidden() > 0 || !row.failureMessages().isEmpty()) {
                return "FAILED: forbidden outcome seen";
            }
            if (!row.isRacy()) {
                return "fix held";
            }
            if (row.interesting() > 0) {
                return String.format(Locale.ROOT, "race shown (%.2f%%)", 100.0 * row.interesting() / row.samples());
            }
            return notObservedHere.test(row.testName())
                    ? "allowed by the JMM, not observed here"
                    : "race NOT shown this run";
        }
    }
}
