package edu.ute.concurrency.examples.http;

import edu.ute.concurrency.examples.support.CommandLine;
import edu.ute.concurrency.examples.support.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

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
 * every server thread has finished.
 *
 * <p>Exit codes: 1 if the server cannot start (port taken), 2 on a usage error, 0 for {@code --help};
 * after Ctrl-C the JVM exits with 130 (128 + SIGINT) like any program stopped by Ctrl-C, and with 143
 * after {@code kill} (SIGTERM), in both cases after the shutdown hook has stopped the server.
 */
public final class HttpServerMain {

    private HttpServerMain() {
    }

    static final String USAGE = """
            usage: HttpServerMain [--mode nio|virtual|pool|jdk] [--port N] [options]

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

    /** The modes {@code --mode} accepts: ours, and the JDK's server for comparison. */
    static List<String> modes() {
        List<String> modes = new ArrayList<>(ServerMode.labels());
        modes.add(JdkHttpServerBaseline.MODE);
        return modes;
    }

    public static void main(String[] args) {
        CommandLine.run("HttpServerMain", USAGE, args, command -> run(parse(command), System.out, System.err));
    }

    /** Starts the server and returns at once (the server's threads keep the JVM alive); the exit code. */
    static int run(Options options, PrintStream out, PrintStream err) {
        String mode = options.mode();
        HttpServerConfig config = options.config();
        try {
            if (mode.equals(JdkHttpServerBaseline.MODE)) {
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
                    long sent = server.stats().responsesSent();
                    out.println(mode + " server stopped after " + sent + (sent == 1 ? " response" : " responses"));
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

    /** The options; a {@link UsageException} names a bad argument. */
    static Options parse(CommandLine args) throws UsageException {
        String mode = ServerMode.NIO.label();
        HttpServerConfig config = HttpServerConfig.defaults();
        while (args.hasNext()) {
            String option = args.next();
            try {
                config = switch (option) {
                    case "--mode" -> {
                        mode = args.oneOf(modes());
                        yield config;
                    }
                    case "--port" -> config.withPort(args.wholeNumber());
                    case "--bind" -> config.withBindAddress(address(args.value()));
                    case "--header-timeout" -> config.withHeaderTimeout(args.duration());
                    case "--body-timeout" -> config.withBodyTimeout(args.duration());
                    case "--idle-timeout" -> config.withIdleTimeout(args.duration());
                    case "--write-timeout" -> config.withWriteTimeout(args.duration());
                    case "--linger-timeout" -> config.withLingerTimeout(args.duration());
                    case "--max-request-line" -> config.withMaxRequestLineBytes(args.wholeNumber());
                    case "--max-header-bytes" -> config.withMaxHeaderBytes(args.wholeNumber());
                    case "--max-header-fields" -> config.withMaxHeaderFields(args.wholeNumber());
                    case "--max-body-bytes" -> config.withMaxBodyBytes(args.wholeNumber());
                    case "--max-connections" -> config.withMaxConnections(args.wholeNumber());
                    case "--pool-threads" -> config.withPool(args.wholeNumber(), config.poolQueue());
                    case "--pool-queue" -> config.withPool(config.poolThreads(), args.wholeNumber());
                    default -> throw args.unknown();
                };
            } catch (IllegalArgumentException e) {
                // a value the configuration refuses (a port over 65535, a limit too small): name the option
                throw new UsageException(option + ": " + e.getMessage());
            }
        }
        return new Options(mode, config);
    }

    private static InetAddress address(String value) throws UsageException {
        try {
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            throw new UsageException("--bind: unknown address '" + value + "'");
        }
    }
}
