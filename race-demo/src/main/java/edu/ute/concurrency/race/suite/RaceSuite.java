package edu.ute.concurrency.race.suite;

import edu.ute.concurrency.race.jcstress.NotObservedHere;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Locale;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

import org.openjdk.jcstress.JCStress;
import org.openjdk.jcstress.Options;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.infra.Status;
import org.openjdk.jcstress.infra.TestInfo;
import org.openjdk.jcstress.infra.collectors.DiskReadCollector;
import org.openjdk.jcstress.infra.collectors.InProcessCollector;
import org.openjdk.jcstress.infra.collectors.TestResult;
import org.openjdk.jcstress.infra.grading.GradingResult;
import org.openjdk.jcstress.infra.grading.ReportUtils;
import org.openjdk.jcstress.infra.grading.TestGrading;
import org.openjdk.jcstress.infra.runners.TestList;

/**
 * Runs the jcstress race suite and grades it: the program {@code mvn verify} runs for race-demo.
 *
 * <p>It runs jcstress with the given options in this JVM (jcstress forks its own test VMs), reads the
 * results blob back, and fails (exit code 1) unless every selected test ran, no fix ever showed a
 * forbidden outcome and no test errored; see {@link SuiteCheck}. It prints a summary table: pattern,
 * variant, samples, interesting outcomes seen. jcstress alone exits 0 when no test matched, which
 * would turn a broken build into a green one.
 *
 * <p>HOW TO RUN (from the repository root; the build's verify phase does the same):
 * <pre>
 *   mvn -pl race-demo -am verify                                         # the quick suite
 *   mvn -pl race-demo -am verify -Drace.jcstress.tests=Race_08_          # one pattern
 *   mvn -pl race-demo -am verify -Drace.jcstress.args="-m default"       # full mode (hours)
 *   mvn -pl race-demo -am verify -Drace.requireInteresting=true          # race not shown = failure
 * </pre>
 * Usage: {@code RaceSuite [--require-interesting[=true|false]] -- JCSTRESS_OPTIONS...}. Exit codes:
 * 0 passed, 1 failed, 2 usage error. Run it with the working directory where the results blob
 * {@code jcstress-results-*.bin.gz} may be written: older blobs there are deleted first, so a stale
 * one can never stand in for this run.
 */
public final class RaceSuite {

    private static final int PASSED = 0;
    private static final int FAILED = 1;
    private static final int USAGE = 2;

    private RaceSuite() {
    }

    public static void main(String[] args) {
        int code;
        try {
            code = run(args, System.out);
        } catch (Exception e) {
            System.out.println("FAILED: the race suite could not run: " + e);
            e.printStackTrace(System.out);
            code = FAILED;
        }
        // jcstress may leave non-daemon threads behind; the verdict is final here.
        System.exit(code);
    }

    static int run(String[] args, PrintStream out) throws Exception {
        boolean requireInteresting = false;
        int separator = Arrays.asList(args).indexOf("--");
        String[] own = separator < 0 ? args : Arrays.copyOfRange(args, 0, separator);
        String[] jcstressArgs = separator < 0 ? new String[0] : Arrays.copyOfRange(args, separator + 1, args.length);
        for (String arg : own) {
            if (arg.equals("--help") || arg.equals("-h")) {
                printUsage(out);
                return PASSED;
            } else if (arg.equals("--require-interesting") || arg.equals("--require-interesting=true")) {
                requireInteresting = true;
            } else if (arg.equals("--require-interesting=false")) {
                requireInteresting = false;
            } else {
                out.println("race-suite: unknown option '" + arg + "' (jcstress options go after --)");
                printUsage(out);
                return USAGE;
            }
        }

        Path workDir = Path.of("").toAbsolutePath();
        deleteOldBlobs(workDir);

        Options options = new Options(jcstressArgs);
        if (!options.parse()) {
            return USAGE;
        }
        JCStress jcstress = new JCStress(options);
        SortedSet<String> expected = jcstress.getTests();
        if (expected.isEmpty()) {
            // jcstress itself would print "No matching tests" and exit 0.
            return report(SuiteCheck.check(expected, Map.of(), name -> false, requireInteresting), out);
        }
        out.println("race-suite: running " + expected.size() + " jcstress tests");
        try {
            jcstress.run();
        } catch (AssertionError e) {
            // jcstress reports forbidden outcomes and errors by throwing after its report; the same
            // facts are read back from the blob below, so the run goes on to print the summary.
            out.println("race-suite: jcstress reported failures (details above)");
        }

        Path blob = workDir.resolve(options.getResultFile());
        if (!Files.isRegularFile(blob)) {
            out.println("FAILED: jcstress wrote no results blob " + blob);
            return FAILED;
        }
        InProcessCollector collector = new InProcessCollector();
        DiskReadCollector reader = new DiskReadCollector(blob.toString(), collector);
        try {
            reader.dump();
        } finally {
            reader.close();
        }
        Map<String, VariantResult> results = new HashMap<>();
        List<TestResult> mergedResults = ReportUtils.mergedByName(collector.getTestResults());
        for (TestResult merged : mergedResults) {
            results.put(merged.getName(), toVariantResult(merged));
        }
        Path tables = workDir.resolve("outcome-tables.txt");
        writeOutcomeTables(mergedResults, tables);
        out.println("race-suite: outcome tables of every test written to " + tables);
        return report(SuiteCheck.check(expected, results, RaceSuite::isNotObservedHere, requireInteresting), out);
    }

    private static int report(SuiteCheck.Verdict verdict, PrintStream out) {
        verdict.printTo(out);
        return verdict.passed() ? PASSED : FAILED;
    }

    private static VariantResult toVariantResult(TestResult result) {
        String status = result.status().name();
        if (!VariantResult.NORMAL.equals(status)) {
            return new VariantResult(result.getName(), status, result.getTotalCount(), 0, 0, List.of());
        }
        TestGrading grading = result.grading();
        long interesting = 0;
        long forbidden = 0;
        for (GradingResult outcome : grading.gradingResults.values()) {
            if (outcome.expect == Expect.ACCEPTABLE_INTERESTING) {
                interesting += outcome.count;
            } else if (outcome.expect == Expect.FORBIDDEN || outcome.expect == Expect.UNKNOWN) {
                forbidden += outcome.count;
            }
        }
        return new VariantResult(result.getName(), status, result.getTotalCount(), interesting, forbidden,
                grading.isPassed ? List.of() : grading.failureMessages);
    }

    /**
     * Writes every test's outcome table (all declared outcomes, zero counts included) in the layout
     * of the class Javadoc and docs/race-demo.md, so that documented tables are copied, not retyped.
     */
    private static void writeOutcomeTables(List<TestResult> mergedResults, Path file) throws IOException {
        List<TestResult> sorted = new ArrayList<>(mergedResults);
        sorted.sort(Comparator.comparing(TestResult::getName));
        StringBuilder text = new StringBuilder();
        for (TestResult result : sorted) {
            VariantResult names = toVariantResult(result);
            text.append(names.pattern()).append('.').append(names.variant()).append('\n');
            if (result.status() != Status.NORMAL) {
                text.append("  status ").append(result.status()).append('\n');
                continue;
            }
            int idWidth = "RESULT".length();
            for (String id : result.grading().gradingResults.keySet()) {
                idWidth = Math.max(idWidth, id.length());
            }
            String row = "  %" + idWidth + "s %,14d %7.2f%% %12s  %s%n";
            text.append(String.format("  %" + idWidth + "s %14s %8s %12s  %s%n",
                    "RESULT", "SAMPLES", "FREQ", "EXPECT", "DESCRIPTION"));
            long total = Math.max(1, result.getTotalCount());
            for (GradingResult outcome : result.grading().gradingResults.values()) {
                text.append(String.format(Locale.ROOT, row, outcome.id, outcome.count,
                        100.0 * outcome.count / total, outcome.expect, outcome.description));
            }
        }
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, text);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }

    private static boolean isNotObservedHere(String testName) {
        TestInfo info = TestList.getInfo(testName);
        try {
            Class<?> test = Class.forName(info.binaryName(), false, RaceSuite.class.getClassLoader());
            return test.isAnnotationPresent(NotObservedHere.class);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("jcstress lists " + testName + " but its class is missing", e);
        }
    }

    private static void deleteOldBlobs(Path dir) throws IOException {
        try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, "jcstress-results-*.bin.gz")) {
            for (Path blob : old) {
                Files.delete(blob);
            }
        }
    }

    private static void printUsage(PrintStream out) {
        out.println("""
                usage: RaceSuite [--require-interesting[=true|false]] -- JCSTRESS_OPTIONS...
                  Runs jcstress with JCSTRESS_OPTIONS (e.g. -t Race_01 -m quick -sc false -r DIR) and fails
                  (exit 1) unless every selected test ran, no fix showed a forbidden outcome and no test
                  errored. Prints a summary table. --require-interesting also fails when a racy variant
                  documented as observable showed no race. Exit codes: 0 passed, 1 failed, 2 usage.""");
    }
}
