package edu.ute.concurrency.examples.http.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.ute.concurrency.examples.http.HttpServerConfig;
import edu.ute.concurrency.examples.support.CommandLine;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpLoadComparisonTest {

    @Test
    void comparisonOptionsAreChecked() throws Exception {
        HttpLoadComparison.Options options = HttpLoadComparison.parse(CommandLine.of(
                "--servers", "nio,nginx", "--connections", "10,20", "--duration", "2s", "--tool", "wrk"));
        assertThat(options.servers()).containsExactly("nio", "nginx");
        assertThat(options.connections()).containsExactly(10, 20);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(2));
        assertThat(options.idleTimeout()).as("the servers' own default")
                .isEqualTo(HttpServerConfig.defaults().idleTimeout());
        assertThat(HttpLoadComparison.parse(CommandLine.of("--idle-timeout", "3s")).idleTimeout())
                .isEqualTo(Duration.ofSeconds(3));
        assertThatThrownBy(() -> HttpLoadComparison.parse(CommandLine.of("--idle-timeout", "0s")))
                .hasMessageContaining("--idle-timeout");
        assertThatThrownBy(() -> HttpLoadComparison.parse(CommandLine.of("--servers", "apache")))
                .hasMessageContaining("apache");
    }
}
