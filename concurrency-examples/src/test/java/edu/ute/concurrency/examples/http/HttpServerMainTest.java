package edu.ute.concurrency.examples.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.ute.concurrency.examples.support.CommandLine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpServerMainTest {

    @Test
    void parsesModeAndOptions() throws Exception {
        HttpServerMain.Options options = HttpServerMain.parse(CommandLine.of(
                "--mode", "virtual", "--port", "0", "--header-timeout", "500ms", "--idle-timeout", "2m",
                "--pool-threads", "8"));
        assertThat(options.mode()).isEqualTo("virtual");
        assertThat(options.config().port()).isZero();
        assertThat(options.config().headerTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.config().idleTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.config().poolThreads()).isEqualTo(8);
    }

    @Test
    void helpPrintsTheUsageAndStartsNoServer() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = CommandLine.execute("HttpServerMain", HttpServerMain.USAGE, new String[] {"--port", "0", "--help"},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err, command -> {
                    throw new AssertionError("no server may start for --help");
                });
        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: HttpServerMain").contains("--mode M");
    }

    @Test
    void badArgumentsNameTheOption() {
        assertThatThrownBy(() -> HttpServerMain.parse(CommandLine.of("--mode", "async")))
                .hasMessageContaining("async");
        assertThatThrownBy(() -> HttpServerMain.parse(CommandLine.of("--port", "70000")))
                .hasMessageContaining("--port").hasMessageContaining("70000");
        assertThatThrownBy(() -> HttpServerMain.parse(CommandLine.of("--idle-timeout", "soon")))
                .hasMessageContaining("--idle-timeout");
        assertThatThrownBy(() -> HttpServerMain.parse(CommandLine.of("--port")))
                .hasMessageContaining("--port needs a value");
    }
}
