package edu.ute.concurrency.examples.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JdkHttpServerBaselineTest {

    @Test
    void servesTheSamePageAsOurServers() throws IOException {
        JdkHttpServerBaseline baseline = JdkHttpServerBaseline.start(InetAddress.getLoopbackAddress(), 0);
        try (RawHttpConnection c = new RawHttpConnection(baseline.port())) {
            var response = c.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n").read();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(DemoSite.homePage("jdk"));
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("jdk server");
            assertThat(System.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");
        } finally {
            baseline.stop();
        }
    }
}
