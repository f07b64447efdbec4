package edu.ute.concurrency.examples.http;

import java.util.List;

/** The server contract for {@link NioHttpServer}. */
class NioHttpServerTest extends HttpServerContractTest {

    @Override
    ServerMode mode() {
        return ServerMode.NIO;
    }

    @Override
    List<Thread> liveThreads(HttpServer server) {
        return ((NioHttpServer) server).liveThreads();
    }
}
