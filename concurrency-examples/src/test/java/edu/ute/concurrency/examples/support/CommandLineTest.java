package edu.ute.concurrency.examples.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int execute(CommandLine.Program program, String... args) {
        return CommandLine.execute("example", "usage: example [--pages N]\n", args,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), program);
    }

    /** Reads {@code --pages N} and {@code --mode M}; returns the pages, or 2 for an unknown argument. */
    private static int pagesOf(CommandLine args) throws UsageException {
        int pages = 20;
        while (args.hasNext()) {
            switch (args.next()) {
                case "--pages" -> pages = args.positiveInt();
                case "--mode" -> args.oneOf("both", "virtual");
                default -> throw args.unknown();
            }
        }
        return pages;
    }

    @Test
    void readsOptionsInBothSpellingsAndKeepsDefaults() throws UsageException {
        assertThat(pagesOf(CommandLine.of())).isEqualTo(20);
        assertThat(pagesOf(CommandLine.of("--pages", "5"))).isEqualTo(5);
        assertThat(pagesOf(CommandLine.of("--pages=7", "--mode=virtual"))).isEqualTo(7);
    }

    @Test
    void rejectsAnUnknownOptionOrArgumentNamingIt() {
        assertThat(execute(CommandLineTest::pagesOf, "--threads", "4")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("example: unknown option '--threads'").contains("usage:");
        assertThatThrownBy(() -> pagesOf(CommandLine.of("stray"))).hasMessage("unexpected argument 'stray'");
    }

    @Test
    void rejectsAMissingOrNonPositiveNumberOrAValueNotAllowed() {
        assertThatThrownBy(() -> pagesOf(CommandLine.of("--pages"))).hasMessage("--pages needs a value");
        assertThatThrownBy(() -> pagesOf(CommandLine.of("--pages", "0")))
                .hasMessage("--pages needs a positive whole number, not '0'");
        assertThatThrownBy(() -> pagesOf(CommandLine.of("--pages", "many")))
                .hasMessage("--pages needs a positive whole number, not 'many'");
        assertThatThrownBy(() -> pagesOf(CommandLine.of("--mode", "green")))
                .hasMessage("--mode must be one of both, virtual, not 'green'");
    }

    @Test
    void readsListsAndTimes() throws UsageException {
        CommandLine args = CommandLine.of("--servers", "nio,jdk", "--connections", "10,20", "--wait", "500ms", "--for", "2m", "--idle", "3");
        args.next();
        assertThat(args.listOf(List.of("nio", "virtual", "jdk"))).containsExactly("nio", "jdk");
        args.next();
        assertThat(args.positiveInts()).containsExactly(10, 20);
        args.next();
        assertThat(args.duration()).isEqualTo(Duration.ofMillis(500));
        args.next();
        assertThat(args.duration()).isEqualTo(Duration.ofMinutes(2));
        args.next();
        assertThat(args.duration()).isEqualTo(Duration.ofSeconds(3));
        CommandLine bad = CommandLine.of("--servers", "nio,apache", "--idle", "0s");
        bad.next();
        assertThatThrownBy(() -> bad.listOf(List.of("nio"))).hasMessage("--servers: unknown 'apache' (one of nio)");
        bad.next();
        assertThatThrownBy(bad::duration).hasMessage("--idle needs a time like 500ms, 10s or 2m, not '0s'");
    }

    @Test
    void helpAnywherePrintsTheUsageAndRunsNothing() {
        assertThat(execute(args -> {
            throw new AssertionError("the program must not run");
        }, "--pages", "3", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("usage: example [--pages N]\n");
    }

    @Test
    void anIoErrorIsOneLineAndExitCodeOne() {
        assertThat(execute(args -> {
            throw new IOException("in/page.pbm: no such file");
        })).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("example: in/page.pbm: no such file" + System.lineSeparator());
    }

    @Test
    void aFileErrorSaysWhyNotJustWhere() {
        assertThat(execute(args -> {
            throw new java.nio.file.NoSuchFileException("scans");
        })).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("example: scans: No such file or directory" + System.lineSeparator());
    }

    @Test
    void aNumberOutsideItsRangeNamesTheRange() throws UsageException {
        CommandLine args = CommandLine.of("--dpi", "150", "--dpi", "1", "--dpi", "high");
        args.next();
        assertThat(args.intBetween(20, 2400)).isEqualTo(150);
        args.next();
        assertThatThrownBy(() -> args.intBetween(20, 2400)).hasMessage("--dpi needs a whole number from 20 to 2400, not '1'");
        args.next();
        assertThatThrownBy(() -> args.intBetween(20, 2400)).hasMessage("--dpi needs a whole number from 20 to 2400, not 'high'");
    }
}
