package edu.ute.concurrency.examples.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * The JDK's own {@code com.sun.net.httpserver.HttpServer} serving the same home page, as the
 * baseline the load comparison measures our servers against. Not one of our designs: it is here so
 * that "faster" has something real to be compared with.
 *
 * <pre>{@code
 * JdkHttpServerBaseline baseline = JdkHttpServerBaseline.start(InetAddress.getLoopbackAddress(), 0);
 * System.out.println(baseline.url());
 * baseline.stop();
 * }</pre>
 *
 * <p>It runs with its default executor (its own dispatcher thread does all the work) and with
 * {@code sun.net.httpserver.nodelay=true}, set here before the server class reads it: without it,
 * JDK 17's server waits on Nagle's algorithm and delayed ACKs on every keep-alive response. Its
 * known limits: it keeps a bounded number of idle connections
 * ({@code sun.net.httpserver.maxIdleConnections}), and one slow or garbage-sending client can stall
 * everyone unless {@code sun.net.httpserver.maxReqTime} is set (docs/http-server.md shows both).
 *
 * <p>Thread-safe: {@code stop} may be called from any thread.
 */
public final class JdkHttpServerBaseline {
    /** Its name where a server is chosen by name ({@code --mode jdk}, {@code --servers ...,jdk}). */
    public static final String MODE = "jdk";

    private final com.sun.net.httpserver.HttpServer server;

    private JdkHttpServerBaseline(com.sun.net.httpserver.HttpServer server) {
        this.server = server;
    }

    /** Starts the JDK server on {@code address:port} (0 = any free port) serving {@code GET /}. */
    public static JdkHttpServerBaseline start(java.net.InetAddress address, int port) throws IOException {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        byte[] page = DemoSite.homePage("jdk");
        com.sun.net.httpserver.HttpServer server =
                com.sun.net.httpserver.HttpServer.create(new InetSocketAddress(address, port), 1024);
        server.createContext("/", exchange -> {
            try (exchange) {
                if (!exchange.getRequestURI().getPath().equals("/")) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", DemoSite.HTML);
                boolean head = exchange.getRequestMethod().equals("HEAD");
                exchange.sendResponseHeaders(200, head ? -1 : page.length);
                if (!head) {
                    try (OutputStream body = exchange.getResponseBody()) {
                        body.write(page);
                    }
                }
            }
        });
        server.setExecutor(null); // the default: the dispatcher thread runs every handler itself
        server.start();
        return new JdkHttpServerBaseline(server);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI url() {
        return HttpServer.urlOf(server.getAddress().getAddress(), port());
    }

    /** Stops at once, closing open exchanges. */
    public void stop() {
        server.stop(0);
    }
}
