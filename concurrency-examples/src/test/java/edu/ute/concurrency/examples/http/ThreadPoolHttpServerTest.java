package edu.ute.concurrency.examples.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server contract for {@link ThreadPoolHttpServer}, plus its limit: every pool thread is held
 * by an open connection, idle or not, so the pool must be large enough for the contract's 1,000
 * idle connections; with a small pool, the next connection is answered 503 at once.
 */
class ThreadPoolHttpServerTest extends HttpServerContractTest {

    @Override
    ServerMode mode() {
        return ServerMode.POOL;
    }

    @Override
    @BeforeEach
    void startServer() throws IOException {
        // the classic design needs a thread per open connection: 1,100 threads for 1,000 idle + slowloris
        server = start(TEST_CONFIG.withPool(1100, 0));
    }

    @Override
    List<Thread> liveThreads(HttpServer server) {
        return ((BlockingHttpServer) server).liveThreads();
    }

    @Test
    void idleConnectionsHoldEveryPoolThreadSoTheNextOneGets503() throws IOException {
        restart(TEST_CONFIG.withPool(2, 0));
        try (RawHttpConnection a = connect(); RawHttpConnection b = connect()) {
            assertThat(a.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n").read().status()).isEqualTo(200);
            assertThat(b.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n").read().status()).isEqualTo(200);
            // a and b now sit idle, each holding a thread; the third has none left
            try (RawHttpConnection third = connect()) {
                assertThat(third.read().status()).isEqualTo(503);
            }
        }
    }
}
