package edu.ute.concurrency.examples.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * What only {@link ThreadPoolHttpServer} does: every pool thread is held by an open connection, idle or
 * not, so with a small pool the next connection is answered 503 at once. ({@link HttpServerContractTest}
 * runs the contract on it, with a pool large enough for its 1,000 idle connections.)
 */
class ThreadPoolHttpServerTest {

    @Test
    void idleConnectionsHoldEveryPoolThreadSoTheNextOneGets503() throws IOException, InterruptedException {
        HttpServer server = ServerMode.POOL.create(HttpServerContractTest.TEST_CONFIG.withPool(2, 0));
        server.start();
        try (RawHttpConnection a = new RawHttpConnection(server.port()); RawHttpConnection b = new RawHttpConnection(server.port())) {
            assertThat(a.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n").read().status()).isEqualTo(200);
            assertThat(b.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n").read().status()).isEqualTo(200);
            // a and b now sit idle, each holding a thread; the third has none left
            try (RawHttpConnection third = new RawHttpConnection(server.port())) {
                assertThat(third.read().status()).isEqualTo(503);
            }
        } finally {
            HttpServerContractTest.stopAndCheckNoThreadIsLeft(server);
        }
    }
}
