package edu.ute.concurrency.examples.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;

/**
 * One of this package's HTTP servers ({@link NioHttpServer}, {@link VirtualThreadHttpServer},
 * {@link ThreadPoolHttpServer}): they serve the same {@link DemoSite} with the same parser and
 * writer, and differ only in how connections get a thread.
 *
 * <pre>{@code
 * try (HttpServer server = ServerMode.VIRTUAL.create(HttpServerConfig.defaults().withPort(0))) {
 *     server.start();
 *     System.out.println("Listening on " + server.url());
 *     ...
 * }   // close() = stop(): open connections closed, every thread the server started done
 * }</pre>
 *
 * <p>Implementations are thread-safe: {@code start} and {@code stop} may be called from any thread,
 * {@code stop} more than once.
 */
public interface HttpServer extends AutoCloseable {

    /** Binds the port and starts serving; returns once new connections are accepted. */
    void start() throws IOException;

    /** The options this server was created with. */
    HttpServerConfig config();

    /** The port bound (useful with port 0); only valid after {@link #start()}. */
    int port();

    /** {@code http://HOST:PORT/} of the running server. */
    default URI url() {
        return urlOf(config().bindAddress(), port());
    }

    /** The live counters the {@code /stats} page shows. */
    ServerStats stats();

    /**
     * Stops accepting, closes every open connection and waits until every thread the server
     * started has finished its work (each belongs to an executor that this closes); the port is free
     * when this returns.
     */
    void stop();

    /** {@code http://HOST:PORT/} for a server bound to {@code address} (IPv6 literals in brackets). */
    static URI urlOf(InetAddress address, int port) {
        String host = address.getHostAddress();
        if (host.indexOf(':') >= 0) {
            host = "[" + host.replaceFirst("%.*$", "") + "]";
        }
        return URI.create("http://" + host + ":" + port + "/");
    }

    /** Same as {@link #stop()}. */
    @Override
    default void close() {
        stop();
    }
}
