package edu.ute.concurrency.examples.http.load;

import edu.ute.concurrency.examples.http.DemoSite;
import edu.ute.concurrency.examples.http.HttpServerConfig;
import edu.ute.concurrency.examples.http.HttpServerMain;
import edu.ute.concurrency.examples.http.JdkHttpServerBaseline;
import edu.ute.concurrency.examples.http.ServerMode;
import edu.ute.concurrency.examples.support.ChildJvm;
import edu.ute.concurrency.examples.support.CommandLine;
import edu.ute.concurrency.examples.support.UsageException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The load comparison: runs each server in its own child JVM (so its CPU time can be measured
 * apart from the load generator's), loads it at each connection count with {@link LoadGenerator}
 * or with {@code wrk}, and prints one table: requests/s, p50/p99 latency, errors, the server's CPU
 * seconds, and requests per server CPU-second, the number that stays meaningful on a busy machine.
 *
 * <p>HOW TO RUN (from the repository root; about 2 minutes with the defaults):
 * <pre>
 * mvn -q -pl concurrency-examples -am compile exec:exec \
 *     -Dexec.mainClass=edu.ute.concurrency.examples.http.load.HttpLoadComparison \
 *     -Dexec.appArgs="--servers nio,virtual,pool,jdk --connections 100,1000 --duration 10s"
 * </pre>
 * Add {@code --server-cpus 0} to pin the servers to CPU 0 with {@code taskset} (then pin the
 * generator too: put {@code taskset -c 1} before {@code mvn}), {@code --tool wrk} to load with wrk
 * instead (pinned with {@code --client-cpus 1}), and {@code nginx} to the server list to include
 * nginx (one worker) serving the same page. {@code --idle-timeout 3s} runs every row at a short
 * keep-alive idle timeout: the load never pauses, so no connection may be closed by it and the
 * errors column must stay 0. Expected output, one row per server and count ({@code docs/measurements.md}
 * holds a measured run and the ratios to expect):
 * <pre>
 * server    conns     req/s   p50 ms   p99 ms   errors  server CPU s  req/CPU-s
 * nio         100       ...
 * </pre>
 *
 * <p>Exit codes: 0 done, 1 a server failed to start or a run failed, 2 usage error.
 */
public final class HttpLoadComparison {

    private HttpLoadComparison() {
    }

    static final String USAGE = """
            usage: HttpLoadComparison [options]

            Starts each server in its own JVM (or nginx), loads it over loopback, and prints req/s,
            p50/p99 latency, errors and the server's CPU time, side by side.

              --servers LIST      any of nio,virtual,pool,jdk,nginx (default nio,virtual,pool,jdk)
              --connections LIST  keep-alive connection counts (default 100,1000)
              --duration T        measured time per row (default 10s)
              --warmup T          unmeasured load before each row (default 3s)
              --max-requests N    stop a row after N requests (default 20000000)
              --idle-timeout T    keep-alive idle timeout of our servers and nginx (default 15s, the
                                  servers' own; the JDK server keeps its own)
              --tool T            java (this package's LoadGenerator, default) or wrk
              --server-cpus CPUS  run servers under taskset -c CPUS, e.g. 0
              --client-cpus CPUS  run wrk under taskset -c CPUS, e.g. 1
              --help              this text
            """;

    record Options(List<String> servers, List<Integer> connections, Duration duration, Duration warmup,
                   long maxRequests, Duration idleTimeout, String tool, String serverCpus, String clientCpus) {
    }

    /** nginx (one worker) serving the same page: the one server of the list that is not Java. */
    static final String NGINX = "nginx";

    public static void main(String[] args) {
        CommandLine.run("HttpLoadComparison", USAGE, args, command -> {
            run(parse(command));
            return 0;
        });
    }

    static Options parse(CommandLine args) throws UsageException {
        List<String> servers = List.of("nio", "virtual", "pool", JdkHttpServerBaseline.MODE);
        List<String> known = new ArrayList<>(ServerMode.labels());
        known.add(JdkHttpServerBaseline.MODE);
        known.add(NGINX);
        List<Integer> connections = List.of(100, 1000);
        Duration duration = Duration.ofSeconds(10);
        Duration warmup = Duration.ofSeconds(3);
        long maxRequests = 20_000_000;
        Duration idleTimeout = HttpServerConfig.defaults().idleTimeout();
        String tool = "java";
        String serverCpus = null;
        String clientCpus = null;
        while (args.hasNext()) {
            switch (args.next()) {
                case "--servers" -> servers = args.listOf(known);
                case "--connections" -> connections = args.positiveInts();
                case "--duration" -> duration = args.duration();
                case "--warmup" -> warmup = args.duration();
                case "--max-requests" -> maxRequests = args.positiveLong();
                case "--idle-timeout" -> idleTimeout = args.duration();
                case "--tool" -> tool = args.oneOf("java", "wrk");
                case "--server-cpus" -> serverCpus = args.value();
                case "--client-cpus" -> clientCpus = args.value();
                default -> throw args.unknown();
            }
        }
        return new Options(servers, connections, duration, warmup, maxRequests, idleTimeout, tool, serverCpus,
                clientCpus);
    }

    static void run(Options options) throws IOException, InterruptedException {
        System.out.printf("machine: %d CPUs, %s %s, load tool: %s, %.1f s per row after %.1f s warm-up,"
                        + " idle timeout %.1f s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), options.tool(), options.duration().toMillis() / 1000.0,
                options.warmup().toMillis() / 1000.0, options.idleTimeout().toMillis() / 1000.0);
        System.out.printf("%-8s %6s %9s %8s %8s %8s %13s %10s%n",
                "server", "conns", "req/s", "p50 ms", "p99 ms", "errors", "server CPU s", "req/CPU-s");
        for (String server : options.servers()) {
            try (RunningServer running = RunningServer.start(server, options.serverCpus(), options.idleTimeout())) {
                for (int connections : options.connections()) {
                    load(options, running.url(), connections, options.warmup());
                    double cpuBefore = running.cpuSeconds();
                    Measured measured = load(options, running.url(), connections, options.duration());
                    double cpu = running.cpuSeconds() - cpuBefore;
                    double perCpu = cpu <= 0 ? 0 : measured.requests() / cpu;
                    System.out.printf("%-8s %6d %9.0f %8.2f %8.2f %8d %13.2f %10.0f%n", server, connections,
                            measured.requests() / measured.seconds(), measured.p50Millis(), measured.p99Millis(),
                            measured.errors(), cpu, perCpu);
                    System.out.flush();
                }
            }
        }
    }

    /** What one load run measured, whichever tool ran it. */
    record Measured(long requests, double seconds, double p50Millis, double p99Millis, long errors) {
    }

    private static Measured load(Options options, URI url, int connections, Duration duration)
            throws IOException, InterruptedException {
        if (options.tool().equals("java")) {
            LoadGenerator.Result result = LoadGenerator.run(url, connections, duration, options.maxRequests());
            return new Measured(result.requests(), result.seconds(), result.p50Millis(), result.p99Millis(),
                    result.errors());
        }
        return Wrk.run(url, connections, duration, options.clientCpus());
    }

    /** Runs wrk and reads its --latency report. */
    static final class Wrk {
        private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ([\\d.]+)(us|ms|s|m)");
        private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|99)%\\s+([\\d.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
        private static final Pattern SOCKET_ERRORS = Pattern.compile(
                "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
        private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

        static Measured run(URI url, int connections, Duration duration, String cpus)
                throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(taskset(cpus));
            command.addAll(List.of("wrk", "-t1", "-c" + connections, "-d" + Math.max(1, duration.toSeconds()) + "s",
                    "--latency", url.toString()));
            Process wrk;
            try {
                wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new IOException("cannot run wrk (apt-get install wrk): " + e.getMessage(), e);
            }
            String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!wrk.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
                wrk.destroyForcibly();
                throw new IOException("wrk failed:\n" + output);
            }
            Matcher requests = REQUESTS.matcher(output);
            if (!requests.find()) {
                throw new IOException("cannot read wrk's output:\n" + output);
            }
            double p50 = 0;
            double p99 = 0;
            Matcher percentile = PERCENTILE.matcher(output);
            while (percentile.find()) {
                double millis = millis(Double.parseDouble(percentile.group(2)), percentile.group(3));
                if (percentile.group(1).equals("50")) {
                    p50 = millis;
                } else {
                    p99 = millis;
                }
            }
            long errors = 0;
            Matcher socket = SOCKET_ERRORS.matcher(output);
            if (socket.find()) {
                for (int g = 1; g <= 4; g++) {
                    errors += Long.parseLong(socket.group(g));
                }
            }
            Matcher non2xx = NON_2XX.matcher(output);
            if (non2xx.find()) {
                errors += Long.parseLong(non2xx.group(1));
            }
            double seconds = millis(Double.parseDouble(requests.group(2)), requests.group(3)) / 1000;
            return new Measured(Long.parseLong(requests.group(1)), seconds, p50, p99, errors);
        }

        private static double millis(double value, String unit) {
            return switch (unit) {
                case "us" -> value / 1000;
                case "ms" -> value;
                case "s" -> value * 1000;
                default -> value * 60_000;
            };
        }
    }

    private static List<String> taskset(String cpus) {
        return cpus == null ? List.of() : List.of("taskset", "-c", cpus);
    }

    /** A server in its own process: one of ours or the JDK's in a child JVM, or nginx. */
    static final class RunningServer implements AutoCloseable {
        private static final Pattern URL = Pattern.compile("(http://\\S+/)");

        private final Process process;
        private final URI url;
        private final Path scratch;

        private RunningServer(Process process, URI url, Path scratch) {
            this.process = process;
            this.url = url;
            this.scratch = scratch;
        }

        static RunningServer start(String server, String cpus, Duration idleTimeout) throws IOException {
            return server.equals(NGINX) ? startNginx(cpus, idleTimeout) : startJava(server, cpus, idleTimeout);
        }

        private static RunningServer startJava(String mode, String cpus, Duration idleTimeout) throws IOException {
            List<String> command = new ArrayList<>(taskset(cpus));
            List<String> jvmArgs = mode.equals(JdkHttpServerBaseline.MODE) ? List.of("-Dsun.net.httpserver.nodelay=true") : List.of();
            command.addAll(ChildJvm.command(HttpServerMain.class, jvmArgs, "--mode", mode, "--port", "0",
                    "--idle-timeout", idleTimeout.toMillis() + "ms", "--max-connections", "20000"));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            Matcher matcher = line == null ? null : URL.matcher(line);
            if (matcher == null || !matcher.find()) {
                process.destroyForcibly();
                throw new IOException(mode + " server did not start: " + line);
            }
            // keep draining its output so a chatty server can never block on a full pipe
            Thread.ofVirtual().start(() -> {
                try {
                    while (out.readLine() != null) {
                        // discarded
                    }
                } catch (IOException e) {
                    // the process ended
                }
            });
            return new RunningServer(process, URI.create(matcher.group(1)), null);
        }

        private static RunningServer startNginx(String cpus, Duration idleTimeout) throws IOException {
            Path dir = Files.createTempDirectory("ute-nginx-");
            Path www = Files.createDirectories(dir.resolve("www"));
            Files.write(www.resolve("index.html"), DemoSite.homePage("nginx"));
            www.toFile().setReadable(true, false);
            dir.toFile().setExecutable(true, false);
            www.toFile().setExecutable(true, false);
            www.resolve("index.html").toFile().setReadable(true, false);
            int port;
            try (ServerSocket probe = new ServerSocket(0)) {
                port = probe.getLocalPort();
            }
            String conf = """
                    worker_processes 1;
                    daemon off;
                    pid %1$s/nginx.pid;
                    error_log %1$s/error.log;
                    events { worker_connections 20000; }
                    http {
                        access_log off;
                        keepalive_requests 100000000;
                        keepalive_timeout %3$dms;
                        types { text/html html; }
                        charset utf-8;
                        client_body_temp_path %1$s;
                        server {
                            listen 127.0.0.1:%2$d backlog=1024;
                            root %1$s/www;
                        }
                    }
                    """.formatted(dir, port, idleTimeout.toMillis());
            Path confFile = dir.resolve("nginx.conf");
            Files.writeString(confFile, conf);
            List<String> command = new ArrayList<>(taskset(cpus));
            command.addAll(List.of("nginx", "-c", confFile.toString(), "-p", dir.toString()));
            Process process;
            try {
                process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(dir.resolve("stdout.log").toFile()).start();
            } catch (IOException e) {
                throw new IOException("cannot run nginx (apt-get install nginx-light): " + e.getMessage(), e);
            }
            URI url = URI.create("http://127.0.0.1:" + port + "/");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                try {
                    new java.net.Socket("127.0.0.1", port).close();
                    return new RunningServer(process, url, dir);
                } catch (IOException e) {
                    if (!process.isAlive()) {
                        throw new IOException("nginx exited: " + Files.readString(dir.resolve("error.log")));
                    }
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        process.destroyForcibly();
                        throw new IOException("interrupted while starting nginx");
                    }
                }
            }
            process.destroyForcibly();
            throw new IOException("nginx did not start listening within 10 s");
        }

        URI url() {
            return url;
        }

        /** CPU seconds used so far by the server process and its children (nginx's worker). */
        double cpuSeconds() {
            return Stream.concat(Stream.of(process.toHandle()), process.toHandle().descendants())
                    .mapToLong(handle -> handle.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                    .sum() / 1e9;
        }

        @Override
        public void close() throws IOException {
            List<ProcessHandle> children = process.toHandle().descendants().toList();
            process.destroy(); // SIGTERM: our servers stop through their shutdown hook, nginx exits fast
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(15, TimeUnit.SECONDS);
                }
                for (ProcessHandle child : children) {
                    child.onExit().get(15, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            } catch (Exception e) {
                children.forEach(ProcessHandle::destroyForcibly);
            }
            if (scratch != null) {
                try (Stream<Path> files = Files.walk(scratch)) {
                    for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(path);
                    }
                }
            }
        }
    }
}
