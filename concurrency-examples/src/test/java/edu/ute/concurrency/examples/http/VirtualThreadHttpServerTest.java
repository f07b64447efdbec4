package edu.ute.concurrency.examples.http;

import java.util.List;

/** The server contract for {@link VirtualThreadHttpServer}. */
class VirtualThreadHttpServerTest extends HttpServerContractTest {

    @Override
    ServerMode mode() {
        return ServerMode.VIRTUAL;
    }

    @Override
    List<Thread> liveThreads(HttpServer server) {
        return ((BlockingHttpServer) server).liveThreads();
    }
}
