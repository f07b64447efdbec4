package edu.ute.concurrency.race.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SuiteCheckTest {

    private static final String RACY = "edu.ute.concurrency.race.jcstress.Race_01_LostUpdate.Racy";
    private static final String FIX = "edu.ute.concurrency.race.jcstress.Race_01_LostUpdate.Synchronized";
    private static final String RARE = "edu.ute.concurrency.race.jcstress.Race_09_UnsafePublication.Racy";

    private static VariantResult ran(String name, long samples, long interesting, long forbidden) {
        return new VariantResult(name, VariantResult.NORMAL, samples, interesting, forbidden,
                forbidden > 0 ? List.of("forbidden outcome seen") : List.of());
    }

    private static SuiteCheck.Verdict check(Map<String, VariantResult> results, boolean requireInteresting) {
        return SuiteCheck.check(List.of(RACY, FIX), results, RARE::equals, requireInteresting);
    }

    @Test
    void namesSplitIntoPatternAndVariant() {
        VariantResult result = ran(RACY, 1, 0, 0);

        assertThat(result.pattern()).isEqualTo("Race_01_LostUpdate");
        assertThat(result.variant()).isEqualTo("Racy");
        assertThat(result.isRacy()).isTrue();
        assertThat(ran(FIX, 1, 0, 0).isRacy()).isFalse();
    }

    @Test
    void passesWhenEveryTestRanTheRaceShowedAndTheFixHeld() {
        SuiteCheck.Verdict verdict = check(Map.of(RACY, ran(RACY, 100, 7, 0), FIX, ran(FIX, 100, 0, 0)), false);

        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.warnings()).isEmpty();
        assertThat(verdict.rows()).hasSize(2);
    }

    @Test
    void failsWhenAFixShowsAForbiddenOutcome() {
        SuiteCheck.Verdict verdict = check(Map.of(RACY, ran(RACY, 100, 7, 0), FIX, ran(FIX, 100, 0, 1)), false);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.failures()).singleElement().asString().startsWith(FIX).contains("1 forbidden");
    }

    @Test
    void failsWhenATestHasNoResult() {
        SuiteCheck.Verdict verdict = check(Map.of(RACY, ran(RACY, 100, 7, 0)), false);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.failures()).singleElement().asString().contains(FIX).contains("no result");
    }

    @Test
    void failsWhenNoTestMatched() {
        SuiteCheck.Verdict verdict = SuiteCheck.check(Set.of(), Map.of(), name -> false, false);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.failures()).singleElement().asString().contains("no jcstress test matched");
    }

    @Test
    void failsOnAnErrorStatus() {
        VariantResult crashed = new VariantResult(FIX, "VM_ERROR", 0, 0, 0, List.of());

        SuiteCheck.Verdict verdict = check(Map.of(RACY, ran(RACY, 100, 7, 0), FIX, crashed), false);

        assertThat(verdict.failures()).singleElement().asString().contains("VM_ERROR");
    }

    @Test
    void failsOnAResultNobodySelected() {
        SuiteCheck.Verdict verdict = check(Map.of(RACY, ran(RACY, 100, 7, 0), FIX, ran(FIX, 100, 0, 0),
                RARE, ran(RARE, 100, 0, 0)), false);

        assertThat(verdict.failures()).singleElement().asString().contains("not selected");
    }

    @Test
    void anUnobservedRaceIsAWarningByDefaultAndAFailureOnRequest() {
        Map<String, VariantResult> results = Map.of(RACY, ran(RACY, 100, 0, 0), FIX, ran(FIX, 100, 0, 0));

        SuiteCheck.Verdict lenient = check(results, false);
        SuiteCheck.Verdict strict = check(results, true);

        assertThat(lenient.passed()).isTrue();
        assertThat(lenient.warnings()).singleElement().asString().contains(RACY);
        assertThat(strict.passed()).isFalse();
        assertThat(strict.failures()).singleElement().asString().contains("-Drace.requireInteresting=true");
    }

    @Test
    void aRaceDocumentedAsNotObservedHereIsNeitherWarningNorFailure() {
        SuiteCheck.Verdict verdict = SuiteCheck.check(List.of(RARE), Map.of(RARE, ran(RARE, 100, 0, 0)),
                RARE::equals, true);

        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.warnings()).isEmpty();
        assertThat(print(verdict)).contains("allowed by the JMM, not observed here");
    }

    @Test
    void summaryTableHasOneRowPerTest() {
        SuiteCheck.Verdict verdict = check(Map.of(RACY, ran(RACY, 1000, 250, 0), FIX, ran(FIX, 1000, 0, 0)), false);

        String text = print(verdict);

        assertThat(text).contains("pattern", "variant", "samples", "interesting")
                .containsPattern("Race_01_LostUpdate\\s+Racy\\s+1000\\s+250\\s+0\\s+race shown \\(25[.,]00%\\)")
                .containsPattern("Race_01_LostUpdate\\s+Synchronized\\s+1000\\s+0\\s+0\\s+fix held")
                .contains("Race suite PASSED");
    }

    private static String print(SuiteCheck.Verdict verdict) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        verdict.printTo(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
