package edu.ute.concurrency.examples.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {

    @Test
    void sendsExactlyTheRequestBudgetAndCountsEveryAnswer() throws Exception {
        try (HttpServer server = ServerMode.NIO.create(HttpServerConfig.defaults().withPort(0))) {
            server.start();
            LoadGenerator.Result result = LoadGenerator.run(server.url(), 10, Duration.ofSeconds(30), 500);
            assertThat(result.requests()).isEqualTo(500);
            assertThat(result.errors()).isZero();
            assertThat(result.p50Micros()).isPositive().isLessThanOrEqualTo(result.p99Micros());
            assertThat(result.p99Micros()).isLessThanOrEqualTo(result.maxMicros());
            // the server saw the same number: the generator counts answers, not hopes
            assertThat(server.stats().responsesByStatus()).containsEntry(200, 500L);
        }
    }

    @Test
    void countsNon200AnswersAsErrors() throws Exception {
        try (HttpServer server = ServerMode.VIRTUAL.create(HttpServerConfig.defaults().withPort(0))) {
            server.start();
            LoadGenerator.Result result = LoadGenerator.run(server.url().resolve("/missing"), 2, Duration.ofSeconds(30), 20);
            assertThat(result.requests()).isZero();
            assertThat(result.errors()).isEqualTo(20);
        }
    }

    @Test
    void refusesAnythingButLoopback() {
        assertThatThrownBy(() -> LoadGenerator.run(URI.create("http://192.0.2.1/"), 1, Duration.ofSeconds(1), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback only");
    }

    @Test
    void comparisonOptionsAreChecked() {
        HttpLoadComparison.Options options = HttpLoadComparison.parse(new String[] {
                "--servers", "nio,nginx", "--connections", "10,20", "--duration", "2s", "--tool", "wrk"});
        assertThat(options.servers()).containsExactly("nio", "nginx");
        assertThat(options.connections()).containsExactly(10, 20);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(2));
        assertThat(options.idleTimeout()).as("the servers' own default")
                .isEqualTo(HttpServerConfig.defaults().idleTimeout());
        assertThat(HttpLoadComparison.parse(new String[] {"--idle-timeout", "3s"}).idleTimeout())
                .isEqualTo(Duration.ofSeconds(3));
        assertThatThrownBy(() -> HttpLoadComparison.parse(new String[] {"--idle-timeout", "0s"}))
                .hasMessageContaining("--idle-timeout");
        assertThatThrownBy(() -> HttpLoadComparison.parse(new String[] {"--servers", "apache"}))
                .hasMessageContaining("apache");
        assertThat(HttpLoadComparison.parse(new String[] {"--help"})).isNull();
    }
}
