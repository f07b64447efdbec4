package edu.ute.concurrency.examples.http;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * Every limit and timeout of the HTTP servers in this package, with defaults that suit a teaching
 * server on a laptop.
 *
 * <p>Start from {@link #defaults()} and change what you need with the {@code with...} methods:
 * <pre>{@code
 * HttpServerConfig config = HttpServerConfig.defaults()
 *         .withPort(0)                                  // 0 = let the OS pick a free port
 *         .withHeaderTimeout(Duration.ofSeconds(2));
 * try (HttpServer server = ServerMode.NIO.create(config)) {
 *     server.start();
 *     System.out.println(server.url());
 * }
 * }</pre>
 *
 * <p>The timeouts, and why each one exists:
 * <ul>
 *   <li>{@code headerTimeout}: from the <em>first</em> byte of a request until its head (request line
 *       and header fields) is complete. Timing from the first byte, not from the last byte received,
 *       is what defeats slowloris clients that send one byte every few seconds. Answered with 408.
 *   <li>{@code bodyTimeout}: from the end of the head until the request content has been read.
 *   <li>{@code idleTimeout}: how long a connection may sit without starting a request (a new
 *       connection, or a keep-alive connection between requests), counted from the end of the last
 *       response written or the last byte read, whichever is later. Closed silently.
 *   <li>{@code writeTimeout}: how long writing a response may make no progress (a client that sends
 *       requests but never reads the answers). The connection is closed.
 *   <li>{@code lingerTimeout}: after the last response of a connection, how long the server keeps
 *       reading and discarding what the client still sends before it closes, so that closing with
 *       unread input does not reset the connection and destroy the response in flight
 *       (RFC 9112, section 9.6).
 * </ul>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param bindAddress         the address to listen on (loopback by default: a teaching server)
 * @param port                the TCP port, 0 for any free port
 * @param maxRequestLineBytes longest request line accepted (longer: 414 URI Too Long)
 * @param maxHeaderBytes      largest header section accepted (larger: 431)
 * @param maxHeaderFields     most header field lines accepted (more: 431)
 * @param maxBodyBytes        largest request content read and discarded (larger: 413)
 * @param headerTimeout       see above
 * @param bodyTimeout         see above
 * @param idleTimeout         see above
 * @param writeTimeout        see above
 * @param lingerTimeout       see above
 * @param maxConnections      open connections above which new ones get 503 and are closed
 * @param poolThreads         worker threads of the {@code pool} server (one per open connection)
 * @param poolQueue           connections the {@code pool} server lets wait for a free worker
 */
public record HttpServerConfig(
        InetAddress bindAddress,
        int port,
        int maxRequestLineBytes,
        int maxHeaderBytes,
        int maxHeaderFields,
        long maxBodyBytes,
        Duration headerTimeout,
        Duration bodyTimeout,
        Duration idleTimeout,
        Duration writeTimeout,
        Duration lingerTimeout,
        int maxConnections,
        int poolThreads,
        int poolQueue) {

    /** Checks every value; a bad one is named in the exception message. */
    public HttpServerConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        requireAtLeast("maxRequestLineBytes", maxRequestLineBytes, 64);
        requireAtLeast("maxHeaderBytes", maxHeaderBytes, 64);
        requireAtLeast("maxHeaderFields", maxHeaderFields, 1);
        requireAtLeast("maxBodyBytes", maxBodyBytes, 0);
        requirePositive("headerTimeout", headerTimeout);
        requirePositive("bodyTimeout", bodyTimeout);
        requirePositive("idleTimeout", idleTimeout);
        requirePositive("writeTimeout", writeTimeout);
        requirePositive("lingerTimeout", lingerTimeout);
        requireAtLeast("maxConnections", maxConnections, 1);
        requireAtLeast("poolThreads", poolThreads, 1);
        requireAtLeast("poolQueue", poolQueue, 0);
    }

    /** Loopback, port 8080, 8 KiB request line and header limits, 10 s header timeout, 15 s idle. */
    public static HttpServerConfig defaults() {
        return new HttpServerConfig(InetAddress.getLoopbackAddress(), 8080,
                8 * 1024, 8 * 1024, 100, 1024 * 1024,
                Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(15),
                Duration.ofSeconds(30), Duration.ofSeconds(2),
                10_000, 200, 100);
    }

    public HttpServerConfig withBindAddress(InetAddress value) {
        return new HttpServerConfig(value, port, maxRequestLineBytes, maxHeaderBytes, maxHeaderFields,
                maxBodyBytes, headerTimeout, bodyTimeout, idleTimeout, writeTimeout, lingerTimeout,
                maxConnections, poolThreads, poolQueue);
    }

    public HttpServerConfig withPort(int value) {
        return new HttpServerConfig(bindAddress, value, maxRequestLineBytes, maxHeaderBytes, maxHeaderFields,
                maxBodyBytes, headerTimeout, bodyTimeout, idleTimeout, writeTimeout, lingerTimeout,
                maxConnections, poolThreads, poolQueue);
    }

    public HttpServerConfig withMaxRequestLineBytes(int value) {
        return new HttpServerConfig(bindAddress, port, value, maxHeaderBytes, maxHeaderFields,
                maxBodyBytes, headerTimeout, bodyTimeout, idleTimeout, writeTimeout, lingerTimeout,
                maxConnections, poolThreads, poolQueue);
    }

    public HttpServerConfig withMaxHeaderBytes(int value) {
        return new HttpServerConfig(bindAddress, port, maxRequestLineBytes, value, maxHeaderFields,
                maxBodyBytes, headerTimeout, bodyTimeout, idleTimeout, writeTimeout, lingerTimeout,
                maxConnections, poolThreads, poolQueue);
    }

    public HttpServerConfig withMaxHeaderFields(int value) {
        return new HttpServerConfig(bindAddress, port, maxRequestLineBytes, maxHeaderBytes, value,
                maxBodyBytes, headerTimeout, bodyTimeout, idleTimeout, writeTimeout, lingerTimeout,
                maxConnections, poolThreads, poolQueue);
    }

    public HttpServerConfig withMaxBodyBytes(long value) {
        return new HttpServerConfig(bindAddress, port, maxRequestLineBytes, maxHeaderBytes, maxHeaderFields,
                value, headerTimeout, bodyTimeout, idleTimeout, writeTimeout, lingerTimeout,
                maxConnections, poolThreads, poolQueue);
    }

    public HttpServerConfig withHeaderTimeout(Duration value) {
        return new HttpServerConfig(bindAddress, port, maxRequestLineBytes, maxHeaderBytes, maxHeaderFields,
                maxBodyBytes, value, bodyTimeout, idleTimeout, writeTimeout, lingerTimeout,
                maxConnections, poolThreads, poolQueue);
    }

    public HttpServerConfig withBodyTimeout(Duration value) {
        return new HttpServerConfig(bindAddress, port, maxRequestLineBytes, maxHeaderBytes, maxHeaderFields,
                maxBodyBytes, headerTimeout, value, idleTimeout, writeTimeout, lingerTimeout,
                maxConnections, poolThreads, poolQueue);
    }

    public HttpServerConfig withIdleTimeout(Duration value) {
        return new HttpServerConfig(bindAddress, port, maxRequestLineBytes, maxHeaderBytes, maxHeaderFields,
                maxBodyBytes, headerTimeout, bodyTimeout, value, writeTimeout, lingerTimeout,
                maxConnections, poolThreads, poolQueue);
    }

    public HttpServerConfig withWriteTimeout(Duration value) {
        return new HttpServerConfig(bindAddress, port, maxRequestLineBytes, maxHeaderBytes, maxHeaderFields,
                maxBodyBytes, headerTimeout, bodyTimeout, idleTimeout, value, lingerTimeout,
                maxConnections, poolThreads, poolQueue);
    }

    public HttpServerConfig withLingerTimeout(Duration value) {
        return new HttpServerConfig(bindAddress, port, maxRequestLineBytes, maxHeaderBytes, maxHeaderFields,
                maxBodyBytes, headerTimeout, bodyTimeout, idleTimeout, writeTimeout, value,
                maxConnections, poolThreads, poolQueue);
    }

    public HttpServerConfig withMaxConnections(int value) {
        return new HttpServerConfig(bindAddress, port, maxRequestLineBytes, maxHeaderBytes, maxHeaderFields,
                maxBodyBytes, headerTimeout, bodyTimeout, idleTimeout, writeTimeout, lingerTimeout,
                value, poolThreads, poolQueue);
    }

    public HttpServerConfig withPool(int threads, int queue) {
        return new HttpServerConfig(bindAddress, port, maxRequestLineBytes, maxHeaderBytes, maxHeaderFields,
                maxBodyBytes, headerTimeout, bodyTimeout, idleTimeout, writeTimeout, lingerTimeout,
                maxConnections, threads, queue);
    }

    private static void requireAtLeast(String name, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", got " + value);
        }
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
