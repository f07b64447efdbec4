package edu.ute.concurrency.examples.http.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.ute.concurrency.examples.http.HttpServer;
import edu.ute.concurrency.examples.http.HttpServerConfig;
import edu.ute.concurrency.examples.http.ServerMode;
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
}
