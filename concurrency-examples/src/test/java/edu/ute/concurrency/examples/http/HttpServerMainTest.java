package edu.ute.concurrency.examples.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpServerMainTest {

    @Test
    void parsesModeAndOptions() {
        HttpServerMain.Options options = HttpServerMain.parse(new String[] {
                "--mode", "virtual", "--port", "0", "--header-timeout", "500ms", "--idle-timeout", "2m",
                "--pool-threads", "8"});
        assertThat(options.mode()).isEqualTo("virtual");
        assertThat(options.config().port()).isZero();
        assertThat(options.config().headerTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.config().idleTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.config().poolThreads()).isEqualTo(8);
    }

    @Test
    void helpReturnsNoOptions() {
        assertThat(HttpServerMain.parse(new String[] {"--help"})).isNull();
    }

    @Test
    void badArgumentsNameTheOption() {
        assertThatThrownBy(() -> HttpServerMain.parse(new String[] {"--mode", "async"}))
                .hasMessageContaining("async");
        assertThatThrownBy(() -> HttpServerMain.parse(new String[] {"--port", "70000"}))
                .hasMessageContaining("--port 70000");
        assertThatThrownBy(() -> HttpServerMain.parse(new String[] {"--idle-timeout", "soon"}))
                .hasMessageContaining("--idle-timeout");
        assertThatThrownBy(() -> HttpServerMain.parse(new String[] {"--port"}))
                .hasMessageContaining("--port needs a value");
    }
}
