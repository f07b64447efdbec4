package edu.ute.concurrency.examples.http.load;

import edu.ute.concurrency.examples.http.HttpServer;
import edu.ute.concurrency.examples.http.HttpServerConfig;
import edu.ute.concurrency.examples.http.JdkHttpServerBaseline;
import edu.ute.concurrency.examples.http.ServerMode;
import edu.ute.concurrency.examples.support.CommandLine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Puts each server through the hostile clients of the exercise and prints what happened, so the
 * claims in the docs can be seen, not just believed: random bytes without a line end, a request
 * line that stalls, a 100 KB request line, 200 slowloris connections, 1,000 idle connections. After
 * each attack a normal client asks for {@code /}; "served" means it got its 200 within the probe
 * timeout while the attack was still going on.
 *
 * <p>HOW TO RUN (from the repository root, about a minute):
 * <pre>
 * mvn -q -pl concurrency-examples -am compile exec:exec \
 *     -Dexec.mainClass=edu.ute.concurrency.examples.http.load.HttpRobustnessProbe -Dexec.appArgs="--servers nio,virtual,pool,jdk"
 * </pre>
 * Expected: every row of nio, virtual and pool answers the attacker (400, 414, 408) and serves the
 * normal client; the JDK server's rows show "no answer" and "NOT served" for several attacks.
 *
 * <p>Servers run in this JVM with their default options, except a 2 s header timeout so slowloris
 * connections are closed within the probe; the JDK server runs with its default executor. Exit
 * codes: 0 done, 1 a server failed to start, 2 usage error.
 */
public final class HttpRobustnessProbe {

    private static final int PROBE_TIMEOUT_MILLIS = 3000;

    private HttpRobustnessProbe() {
    }

    /** A server under attack, whichever kind. */
    private interface Target extends AutoCloseable {
        int port();

        @Override
        void close();
    }

    private static final String USAGE = """
            usage: HttpRobustnessProbe [--servers nio,virtual,pool,jdk]
              --servers LIST   the servers to attack, one after the other (default nio,virtual,pool,jdk)
            """;

    public static void main(String[] args) {
        CommandLine.run("HttpRobustnessProbe", USAGE, args, HttpRobustnessProbe::run);
    }

    private static int run(CommandLine args) throws Exception {
        List<String> known = new ArrayList<>(ServerMode.labels());
        known.add(JdkHttpServerBaseline.MODE);
        List<String> servers = known;
        while (args.hasNext()) {
            switch (args.next()) {
                case "--servers" -> servers = args.listOf(known);
                default -> throw args.unknown();
            }
        }
        System.out.printf("%-8s %-34s %-28s %s%n", "server", "attack", "attacker got", "normal client meanwhile");
        for (String server : servers) {
            probe(server, "4 KB random bytes, no CR/LF", HttpRobustnessProbe::garbage);
            probe(server, "request line sent, then stall", HttpRobustnessProbe::stall);
            probe(server, "100 KB request line", HttpRobustnessProbe::longLine);
            probe(server, "200 slowloris connections", port -> slowloris(port, 200));
            probe(server, "1,000 idle connections", port -> idle(port, 1000));
        }
        return 0;
    }

    /** An attack: opens its connections, returns them with a description of the answer seen. */
    private interface Attack {
        Attacked start(int port) throws IOException;
    }

    private record Attacked(List<Socket> sockets, String answer) {
    }

    private static void probe(String server, String name, Attack attack) throws IOException {
        try (Target target = start(server)) {
            Attacked attacked = attack.start(target.port());
            try {
                String normal = normalClient(target.port());
                System.out.printf("%-8s %-34s %-28s %s%n", server, name, attacked.answer(), normal);
                System.out.flush();
            } finally {
                for (Socket socket : attacked.sockets()) {
                    socket.close();
                }
            }
        }
    }

    private static Target start(String server) throws IOException {
        if (server.equals(JdkHttpServerBaseline.MODE)) {
            JdkHttpServerBaseline baseline = JdkHttpServerBaseline.start(InetAddress.getLoopbackAddress(), 0);
            return new Target() {
                public int port() {
                    return baseline.port();
                }

                public void close() {
                    baseline.stop();
                }
            };
        }
        HttpServer ours = ServerMode.parse(server).create(HttpServerConfig.defaults().withPort(0)
                .withHeaderTimeout(Duration.ofSeconds(2)).withPool(1200, 100));
        ours.start();
        return new Target() {
            public int port() {
                return ours.port();
            }

            public void close() {
                ours.stop();
            }
        };
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), PROBE_TIMEOUT_MILLIS);
        socket.setSoTimeout(PROBE_TIMEOUT_MILLIS);
        return socket;
    }

    /** The status line the server sends within the timeout, or what happened instead. */
    private static String statusWithin(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0 && c != '\r' && c != '\n') {
                line.append((char) c);
            }
            if (line.isEmpty()) {
                return "closed, no answer";
            }
            String[] parts = line.toString().split(" ", 3);
            return parts.length > 1 ? parts[1] + " " + (parts.length > 2 ? parts[2] : "") : line.toString();
        } catch (SocketTimeoutException e) {
            return "no answer in " + PROBE_TIMEOUT_MILLIS / 1000 + " s";
        } catch (IOException e) {
            return "reset, no answer";
        }
    }

    private static String normalClient(int port) {
        try (Socket socket = connect(port)) {
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String status = statusWithin(socket);
            return status.startsWith("200") ? "served" : "NOT served (" + status + ")";
        } catch (IOException e) {
            return "NOT served (" + e.getMessage() + ")";
        }
    }

    private static Attacked garbage(int port) throws IOException {
        byte[] bytes = new byte[4096];
        new Random(42).nextBytes(bytes);
        bytes[0] = (byte) 0x80;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\r' || bytes[i] == '\n') {
                bytes[i] = 0;
            }
        }
        Socket socket = connect(port);
        try {
            socket.getOutputStream().write(bytes);
        } catch (IOException e) {
            // closed early after an answer: read it below
        }
        return new Attacked(List.of(socket), statusWithin(socket));
    }

    private static Attacked stall(int port) throws IOException {
        Socket socket = connect(port);
        socket.getOutputStream().write("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
        return new Attacked(List.of(socket), "(stalled: nothing expected)");
    }

    private static Attacked longLine(int port) throws IOException {
        Socket socket = connect(port);
        try {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /" + "a".repeat(100_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // closed early after an answer
        }
        return new Attacked(List.of(socket), statusWithin(socket));
    }

    private static Attacked slowloris(int port, int count) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Socket socket = connect(port);
            sockets.add(socket);
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: localhost\r\nX-a: ".getBytes(StandardCharsets.US_ASCII));
        }
        // one more byte each, a second later: still no complete head
        sleepQuietly(1000);
        for (Socket socket : sockets) {
            try {
                socket.getOutputStream().write('b');
            } catch (IOException e) {
                // already closed by the server
            }
        }
        return new Attacked(sockets, "(trickling)");
    }

    private static Attacked idle(int port, int count) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sockets.add(connect(port));
        }
        return new Attacked(sockets, "(idle)");
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
