package edu.ute.concurrency.race.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The suite runner's own contract; the jcstress run itself is exercised by {@code mvn verify}. */
class RaceSuiteTest {

    private record Run(int code, String out) {
    }

    private static Run run(String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = RaceSuite.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(code, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aSelectionMatchingNoTestFailsInsteadOfPassingEmpty() throws Exception {
        Run run = run("--", "-t", "NoSuchPatternAnywhere", "-m", "sanity");

        assertThat(run.code).isEqualTo(1);
        assertThat(run.out).contains("no jcstress test matched", "Race suite FAILED");
    }

    @Test
    void helpExitsZero() throws Exception {
        Run run = run("--help");

        assertThat(run.code).isZero();
        assertThat(run.out).contains("usage: RaceSuite", "--require-interesting");
    }

    @Test
    void anUnknownOptionBeforeTheSeparatorIsAUsageError() throws Exception {
        Run run = run("-t", "Race_01");

        assertThat(run.code).isEqualTo(2);
        assertThat(run.out).contains("unknown option '-t'", "jcstress options go after --");
    }
}
