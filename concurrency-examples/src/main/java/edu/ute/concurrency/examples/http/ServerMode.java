package edu.ute.concurrency.examples.http;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The three designs of this package, by the name used on the command line ({@code --mode nio}).
 *
 * <pre>{@code
 * HttpServer server = ServerMode.parse("virtual").create(config);
 * }</pre>
 */
public enum ServerMode {
    /** {@link NioHttpServer}: one thread, one selector, non-blocking channels. */
    NIO,
    /** {@link VirtualThreadHttpServer}: one virtual thread per connection, blocking sockets. */
    VIRTUAL,
    /** {@link ThreadPoolHttpServer}: a fixed pool of platform threads, blocking sockets. */
    POOL;

    /** A new, not yet started server of this design. */
    public HttpServer create(HttpServerConfig config) {
        return switch (this) {
            case NIO -> new NioHttpServer(config);
            case VIRTUAL -> new VirtualThreadHttpServer(config);
            case POOL -> new ThreadPoolHttpServer(config);
        };
    }

    /** The command-line name, e.g. {@code "nio"}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every mode's command-line name, in declaration order. */
    public static List<String> labels() {
        return Arrays.stream(values()).map(ServerMode::label).toList();
    }

    /** The mode named {@code text} ({@code nio}, {@code virtual}, {@code pool}), any case. */
    public static ServerMode parse(String text) {
        for (ServerMode mode : values()) {
            if (mode.label().equalsIgnoreCase(text)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + text + "', expected nio, virtual or pool");
    }
}
