package edu.ute.concurrency.links.testsite;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The module's own web site on loopback, built on the JDK's {@code com.sun.net.httpserver}: the
 * link collector's tests, {@code --demo} and {@code --compare} crawl it, so nothing needs the
 * network.
 *
 * <p>Two things make it a measuring instrument, not just a server:
 * <ul>
 *   <li>a per-request <b>latency</b> ({@link #setLatency}) that does not block the server: the
 *       handler returns at once and the response is written later by a scheduled task, so 256
 *       requests waiting 50 ms each are 256 scheduled tasks, not 256 blocked threads;</li>
 *   <li>an <b>in-flight counter</b>: a request counts from the moment the handler sees it until its
 *       response starts. That interval lies inside the client's own send-to-receive interval, so
 *       {@link #maxInFlight()} never exceeds the client's true concurrency, and is exactly 1 for a
 *       client that sends one request at a time.</li>
 * </ul>
 *
 * <pre>{@code
 * try (TestSite site = TestSite.start(new GeneratedSite(SiteSpec.standard()))) {
 *     site.setLatency(Duration.ofMillis(20));
 *     crawl(site.url("/"));
 *     int peak = site.maxInFlight();
 * }
 * }</pre>
 *
 * <p>It binds 127.0.0.1 on a free port. The JDK server stalls keep-alive responses ~40 ms on
 * Nagle's algorithm plus delayed ACK unless {@code sun.net.httpserver.nodelay=true}, which must be
 * set before its first use: this class sets it (if unset) when it is loaded. Thread-safe.
 *
 * <p>HOW TO RUN it on its own (prints its URL, stops on Ctrl-C):
 * {@code mvn -q -pl link-collector compile exec:exec -Dexec.mainClass=edu.ute.concurrency.links.testsite.TestSite -Dexec.appArgs="--pages 300 --latency-ms 20"}
 */
public final class TestSite implements AutoCloseable {

    static {
        setIfAbsent("sun.net.httpserver.nodelay", "true");
        // 256 concurrent keep-alive connections must not be cut by the default cap of 200 idle ones.
        setIfAbsent("sun.net.httpserver.maxIdleConnections", "1024");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private final SitePlan plan;
    private final HttpServer server;
    private final ThreadPoolExecutor exchanges;
    private final ScheduledThreadPoolExecutor responder;
    private final String baseUrl;
    private final Set<HttpExchange> hanging = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, AtomicInteger> requestsByPath = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requestsByTarget = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> headerValues = new ConcurrentHashMap<>();
    private final Queue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
    private final AtomicLong latencyNanos = new AtomicLong();
    private final AtomicLong jitterNanos = new AtomicLong();

    private TestSite(SitePlan plan) throws IOException {
        this.plan = plan;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        // Threads are started up front so that a test counting live threads sees none appear later.
        this.exchanges = new ThreadPoolExecutor(4, 4, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemon("site-http-"));
        this.exchanges.prestartAllCoreThreads();
        this.responder = new ScheduledThreadPoolExecutor(4, daemon("site-responder-"));
        this.responder.prestartAllCoreThreads();
        server.setExecutor(exchanges);
        server.createContext("/", this::handle);
        server.start();
        this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Starts a site serving {@code plan} on a free loopback port. */
    public static TestSite start(SitePlan plan) throws IOException {
        return new TestSite(plan);
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** {@code http://127.0.0.1:PORT} */
    public String baseUrl() {
        return baseUrl;
    }

    /** The absolute URL of {@code path} on this site. */
    public String url(String path) {
        return baseUrl + path;
    }

    /** Delay before every response starts (0 for none). */
    public void setLatency(Duration latency) {
        latencyNanos.set(latency.toNanos());
    }

    /**
     * Adds a random extra delay of up to {@code jitter} to every response, so that responses come
     * back in a different order on every run: what a test needs to show that a result does not
     * depend on that order.
     */
    public void setLatencyJitter(Duration jitter) {
        jitterNanos.set(jitter.toNanos());
    }

    /** The largest number of requests in flight at once since the last reset. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** Requests received since the last reset. */
    public int requestCount() {
        return requests.get();
    }

    /** Requests for {@code path} (without query) since the last reset. */
    public int requestCount(String path) {
        AtomicInteger n = requestsByPath.get(path);
        return n == null ? 0 : n.get();
    }

    /**
     * Requests for {@code target} since the last reset: the path and, if the request had one, the
     * query as sent ({@code "/p?"} with an empty query is not {@code "/p"}).
     */
    public int requestCountOfTarget(String target) {
        AtomicInteger n = requestsByTarget.get(target);
        return n == null ? 0 : n.get();
    }

    /** Requests per target (see {@link #requestCountOfTarget}) since the last reset. */
    public Map<String, Integer> requestTargetCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        requestsByTarget.forEach((target, n) -> counts.put(target, n.get()));
        return counts;
    }

    /**
     * One request as it arrived.
     *
     * @param nanos  {@link System#nanoTime()} when the handler saw it
     * @param target path and query as sent
     */
    public record Arrival(long nanos, String target) {
    }

    /** Every request since the last reset, in the order they arrived. */
    public List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    /** Every value the request header {@code name} had since the last reset. */
    public Set<String> headerValues(String name) {
        Set<String> values = headerValues.get(name.toLowerCase(Locale.ROOT));
        return values == null ? Set.of() : Set.copyOf(values);
    }

    /** The paths requested since the last reset. */
    public Set<String> requestedPaths() {
        return Set.copyOf(requestsByPath.keySet());
    }

    /** Zeroes the counters (not the current in-flight count). */
    public void resetCounters() {
        maxInFlight.set(inFlight.get());
        requests.set(0);
        requestsByPath.clear();
        requestsByTarget.clear();
        headerValues.clear();
        arrivals.clear();
    }

    private void handle(HttpExchange exchange) {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        requests.incrementAndGet();
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        requestsByPath.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        String target = query == null ? path : path + "?" + query;
        requestsByTarget.computeIfAbsent(target, p -> new AtomicInteger()).incrementAndGet();
        arrivals.add(new Arrival(System.nanoTime(), target));
        exchange.getRequestHeaders().forEach((name, values) -> headerValues
                .computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> ConcurrentHashMap.newKeySet())
                .addAll(values));
        SiteResponse response;
        try {
            response = plan.respond(path, query, baseUrl);
        } catch (RuntimeException e) {
            response = SiteResponse.html(500, "<h1>site error</h1>");
        }
        SiteResponse r = response;
        long jitter = jitterNanos.get();
        long latency = latencyNanos.get() + (jitter > 0 ? ThreadLocalRandom.current().nextLong(jitter) : 0);
        if (latency > 0) {
            // The handler returns now; the response is written later. Nothing blocks meanwhile.
            responder.schedule(() -> send(exchange, r), latency, TimeUnit.NANOSECONDS);
        } else {
            send(exchange, r);
        }
    }

    private void send(HttpExchange exchange, SiteResponse r) {
        // The request stops counting as in flight before its first response byte leaves: see the
        // class comment for why this keeps the count inside the client's own interval.
        inFlight.decrementAndGet();
        try {
            if (r.contentType() != null) {
                exchange.getResponseHeaders().set("Content-Type", r.contentType());
            }
            if (r.location() != null) {
                exchange.getResponseHeaders().set("Location", r.location());
            }
            r.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            switch (r.shape()) {
                case WHOLE -> {
                    exchange.sendResponseHeaders(r.status(), r.body().length == 0 ? -1 : r.body().length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(r.body());
                    }
                }
                case HUGE -> sendHuge(exchange, r);
                case HANGING -> {
                    exchange.sendResponseHeaders(r.status(), 0);   // chunked: no end announced
                    OutputStream out = exchange.getResponseBody();
                    out.write(r.body());
                    out.flush();
                    hanging.add(exchange);   // never finished; closed when the site closes
                }
            }
        } catch (IOException e) {
            exchange.close();   // the client went away (e.g. it cut a huge body at its cap)
        }
    }

    private static void sendHuge(HttpExchange exchange, SiteResponse r) throws IOException {
        exchange.sendResponseHeaders(200, r.totalBytes());
        byte[] filler = new byte[64 * 1024];
        byte[] line = "<p>filler text filler text filler text filler text filler text filler</p>\n".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < filler.length; i++) {
            filler[i] = line[i % line.length];
        }
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(r.body());
            long left = r.totalBytes() - r.body().length - r.tail().length;
            while (left > 0) {
                int n = (int) Math.min(left, filler.length);
                out.write(filler, 0, n);
                left -= n;
            }
            out.write(r.tail());
        }
    }

    /** Stops the server, closes hanging responses and waits for the site's threads to end. */
    @Override
    public void close() {
        server.stop(0);
        hanging.forEach(HttpExchange::close);
        responder.shutdownNow();
        exchanges.shutdownNow();
        try {
            responder.awaitTermination(5, TimeUnit.SECONDS);
            exchanges.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Serves the generated site until Ctrl-C. Options: {@code --pages N} (default 300),
     * {@code --latency-ms N} (default 0), {@code --no-slow-traps}, {@code --control-stdin} (read
     * commands {@code latency MS}, {@code reset}, {@code stats} from stdin; EOF stops). Prints {@code listening on URL}
     * on the first line; {@code --compare} reads it from there when it runs the site in its own JVM.
     */
    public static void main(String[] args) throws Exception {
        int pages = 300;
        long latencyMs = 0;
        boolean slowTraps = true;
        boolean controlOnStdin = false;
        PrintStream out = System.out;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--pages" -> pages = Integer.parseInt(args[++i]);
                case "--latency-ms" -> latencyMs = Long.parseLong(args[++i]);
                case "--no-slow-traps" -> slowTraps = false;
                case "--control-stdin" -> controlOnStdin = true;
                case "--help", "-h" -> {
                    out.println("usage: TestSite [--pages N] [--latency-ms N] [--no-slow-traps] [--control-stdin]");
                    return;
                }
                default -> {
                    System.err.println("TestSite: unknown option " + args[i] + " (try --help); got " + Arrays.toString(args));
                    System.exit(2);
                }
            }
        }
        SiteSpec spec = SiteSpec.standard().withPages(pages).withSlowTraps(slowTraps);
        TestSite site = TestSite.start(new GeneratedSite(spec));
        site.setLatency(Duration.ofMillis(latencyMs));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            site.close();
            stopped.countDown();
        }));
        out.println("listening on " + site.url("/"));
        out.flush();
        if (!controlOnStdin) {
            stopped.await();   // until Ctrl-C runs the shutdown hook
            return;
        }
        // Control protocol for --compare on stdin: "latency MS", "reset", "stats". EOF stops the site.
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] words = line.trim().split("\\s+");
                switch (words[0]) {
                    case "latency" -> {
                        site.setLatency(Duration.ofMillis(Long.parseLong(words[1])));
                        out.println("ok");
                    }
                    case "reset" -> {
                        site.resetCounters();
                        out.println("ok");
                    }
                    case "stats" -> out.println("maxInFlight " + site.maxInFlight() + " requests " + site.requestCount());
                    default -> out.println("unknown command " + words[0]);
                }
                out.flush();
            }
        }
        site.close();
    }
}
