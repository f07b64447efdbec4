package edu.ute.concurrency.examples.http;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Starts one of the HTTP servers from the command line, prints the URL it listens on, and stops it
 * cleanly on Ctrl-C (a shutdown hook closes the open connections and joins the server's threads).
 *
 * <p>HOW TO RUN (from the repository root):
 * <pre>
 * mvn -q -pl concurrency-examples -am compile exec:exec \
 *     -Dexec.mainClass=edu.ute.concurrency.examples.http.HttpServerMain -Dexec.appArgs="--mode nio --port 8080"
 * </pre>
 * Expected output:
 * <pre>
 * nio server listening on http://127.0.0.1:8080/ (Ctrl-C to stop)
 * </pre>
 * then {@code curl -i http://127.0.0.1:8080/} shows the page and {@code /stats} the counters.
 * Ctrl-C prints {@code nio server stopped after N responses} once every connection is closed and
 * every server thread has ended.
 *
 * <p>Exit codes: 1 if the server cannot start (port taken), 2 on a usage error, 0 for {@code --help};
 * after Ctrl-C the JVM exits with 130 (128 + SIGINT) like any program stopped by Ctrl-C, and with 143
 * after {@code kill} (SIGTERM), in both cases after the shutdown hook has stopped the server.
 */
public final class HttpServerMain {

    private HttpServerMain() {
    }

    static final String USAGE = """
            Usage: HttpServerMain [--mode nio|virtual|pool|jdk] [--port N] [options]

            Serves a small HTML page on GET / and live counters on GET /stats, and prints the URL.
            Stops cleanly on Ctrl-C.

              --mode M               nio      one thread, one Selector, non-blocking channels (default)
                                     virtual  one virtual thread per connection, blocking sockets
                                     pool     a fixed pool of platform threads, blocking sockets
                                     jdk      the JDK's com.sun.net.httpserver.HttpServer, for comparison
              --port N               TCP port, 0 = any free port (default 8080)
              --bind ADDRESS         address to listen on (default 127.0.0.1)
              --header-timeout T     time from a request's first byte to the end of its head (default 10s)
              --body-timeout T       time to receive the request content (default 30s)
              --idle-timeout T       time a connection may wait for its next request (default 15s)
              --write-timeout T      time a response write may make no progress (default 30s)
              --linger-timeout T     time to drain input before closing (default 2s)
              --max-request-line N   longest request line in bytes (default 8192, over: 414)
              --max-header-bytes N   largest header section in bytes (default 8192, over: 431)
              --max-header-fields N  most header field lines (default 100, over: 431)
              --max-body-bytes N     largest request content read and discarded (default 1048576, over: 413)
              --max-connections N    open connections before new ones get 503 (default 10000)
              --pool-threads N       threads of the pool server (default 200)
              --pool-queue N         connections waiting for a pool thread before 503 (default 100)
              --help                 this text

            Times are like 500ms, 10s or 2m; a plain number means seconds.
            """;

    /** Parsed command line: the mode and the server options. */
    record Options(String mode, HttpServerConfig config) {
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("HttpServerMain: " + e.getMessage());
            System.err.println("Try --help.");
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.print(USAGE);
            return;
        }
        int status = run(options, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Starts the server and returns at once (the server's threads keep the JVM alive); the exit code. */
    static int run(Options options, PrintStream out, PrintStream err) {
        String mode = options.mode();
        HttpServerConfig config = options.config();
        try {
            if (mode.equals("jdk")) {
                JdkHttpServerBaseline baseline = JdkHttpServerBaseline.start(config.bindAddress(), config.port());
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    baseline.stop();
                    out.println("jdk server stopped");
                }, "http-jdk-shutdown"));
                out.println("jdk server listening on " + baseline.url() + " (Ctrl-C to stop)");
            } else {
                HttpServer server = ServerMode.parse(mode).create(config);
                server.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    server.stop();
                    out.println(mode + " server stopped after " + server.stats().responsesSent() + " responses");
                }, "http-" + mode + "-shutdown"));
                out.println(mode + " server listening on " + server.url() + " (Ctrl-C to stop)");
            }
            out.flush();
            // main may return: the server's non-daemon threads keep running until Ctrl-C
            return 0;
        } catch (IOException e) {
            err.println("HttpServerMain: cannot listen on " + config.bindAddress().getHostAddress() + ":"
                    + config.port() + ": " + e.getMessage());
            return 1;
        }
    }

    /** The options, or null when --help was asked; IllegalArgumentException names a bad argument. */
    static Options parse(String[] args) {
        String mode = "nio";
        HttpServerConfig config = HttpServerConfig.defaults();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return null;
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            String value = args[++i];
            try {
                config = switch (arg) {
                    case "--mode" -> {
                        mode = value.toLowerCase(Locale.ROOT);
                        if (!List.of("nio", "virtual", "pool", "jdk").contains(mode)) {
                            throw new IllegalArgumentException("--mode: unknown mode '" + value
                                    + "', expected nio, virtual, pool or jdk");
                        }
                        yield config;
                    }
                    case "--port" -> config.withPort(integer(arg, value));
                    case "--bind" -> config.withBindAddress(address(value));
                    case "--header-timeout" -> config.withHeaderTimeout(duration(arg, value));
                    case "--body-timeout" -> config.withBodyTimeout(duration(arg, value));
                    case "--idle-timeout" -> config.withIdleTimeout(duration(arg, value));
                    case "--write-timeout" -> config.withWriteTimeout(duration(arg, value));
                    case "--linger-timeout" -> config.withLingerTimeout(duration(arg, value));
                    case "--max-request-line" -> config.withMaxRequestLineBytes(integer(arg, value));
                    case "--max-header-bytes" -> config.withMaxHeaderBytes(integer(arg, value));
                    case "--max-header-fields" -> config.withMaxHeaderFields(integer(arg, value));
                    case "--max-body-bytes" -> config.withMaxBodyBytes(integer(arg, value));
                    case "--max-connections" -> config.withMaxConnections(integer(arg, value));
                    case "--pool-threads" -> config.withPool(integer(arg, value), config.poolQueue());
                    case "--pool-queue" -> config.withPool(config.poolThreads(), integer(arg, value));
                    default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
                };
            } catch (IllegalArgumentException e) {
                throw e.getMessage() != null && e.getMessage().startsWith("--") ? e
                        : new IllegalArgumentException(arg + " " + value + ": " + e.getMessage());
            }
        }
        return new Options(mode, config);
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " expects a whole number, got '" + value + "'");
        }
    }

    /** "500ms", "10s", "2m", or a plain number of seconds. */
    static Duration duration(String option, String value) {
        try {
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            if (value.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            if (value.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " expects a time like 500ms, 10s or 2m, got '" + value + "'");
        }
    }

    private static InetAddress address(String value) {
        try {
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--bind: unknown address '" + value + "'");
        }
    }
}
