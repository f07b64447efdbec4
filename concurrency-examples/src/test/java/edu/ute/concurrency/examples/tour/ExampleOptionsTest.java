package edu.ute.concurrency.examples.tour;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ExampleOptionsTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private ExampleOptions parse(String... args) {
        return ExampleOptions.parse(args, "Example [--pages N]", ExampleOptions.defaults("pages", "20", "mode", "both"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void usesDefaultsAndOverrides() {
        assertThat(parse().positiveInt("pages")).isEqualTo(20);
        assertThat(parse("--pages", "5").positiveInt("pages")).isEqualTo(5);
        assertThat(parse("--mode", "virtual").text("mode")).isEqualTo("virtual");
    }

    @Test
    void rejectsAnUnknownOptionNamingIt() {
        assertThat(parse("--threads", "4")).isNull();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option '--threads'").contains("usage:");
    }

    @Test
    void rejectsAMissingOrNonPositiveNumber() {
        assertThat(parse("--pages")).isNull();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--pages needs a value");
        assertThat(parse("--pages", "0")).isNull();
        assertThat(parse("--pages", "many")).isNull();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("must be a positive whole number, not 'many'");
    }
}
