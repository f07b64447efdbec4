package edu.ute.concurrency.examples.http;

import static org.assertj.core.api.Assertions.assertThat;

import edu.ute.concurrency.examples.support.LiveThreads;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The behaviour every server design must show, in one class run once per {@link ServerMode}, so that no
 * behaviour can differ between the designs by accident. Everything goes over loopback to a server on
 * port 0; timeouts are configured short so the slow-client tests take a fraction of a second; no
 * assertion depends on speed. What only one design does is tested in its own class
 * ({@link ThreadPoolHttpServerTest}).
 */
@ParameterizedClass(name = "{0}")
@EnumSource(ServerMode.class)
class HttpServerContractTest {

    /**
     * Short timeouts so tests that wait for them stay fast; generous enough for a busy machine. The
     * {@code pool} design needs a thread per open connection: 1,100 for the 1,000 idle connections and
     * the slowloris clients below (the other designs ignore the pool's size).
     */
    static final HttpServerConfig TEST_CONFIG = HttpServerConfig.defaults()
            .withPort(0)
            .withHeaderTimeout(Duration.ofMillis(800))
            .withIdleTimeout(Duration.ofSeconds(3))
            .withLingerTimeout(Duration.ofMillis(300))
            .withMaxBodyBytes(64 * 1024)
            .withPool(1100, 0);

    @Parameter
    ServerMode mode;

    HttpServer server;

    /** Threads {@code server} started that are still alive. */
    static List<Thread> liveThreads(HttpServer server) {
        return switch (server) {
            case NioHttpServer nio -> nio.liveThreads();
            case BlockingHttpServer blocking -> blocking.liveThreads();
            default -> throw new IllegalArgumentException("not one of ours: " + server);
        };
    }

    /** Stops {@code server} and checks that none of its threads is left, within a moment. */
    static void stopAndCheckNoThreadIsLeft(HttpServer server) throws InterruptedException {
        server.stop();
        assertThat(LiveThreads.awaitNone(() -> liveThreads(server))).as("threads left after stop").isEmpty();
    }

    @BeforeEach
    void startServer() throws IOException {
        server = start(TEST_CONFIG);
    }

    @AfterEach
    void stopServerAndCheckNoThreadIsLeft() throws InterruptedException {
        stopAndCheckNoThreadIsLeft(server);
        assertThat(LiveThreads.awaitNone(() -> Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("http-" + mode.label()) && t.isAlive()).toList()))
                .as("platform threads left after stop").isEmpty();
    }

    HttpServer start(HttpServerConfig config) throws IOException {
        HttpServer started = mode.create(config);
        started.start();
        return started;
    }

    /** Stops the default server and starts one with {@code config} in its place. */
    void restart(HttpServerConfig config) throws IOException {
        server.stop();
        server = start(config);
    }

    RawHttpConnection connect() throws IOException {
        return new RawHttpConnection(server.port());
    }

    // ---- what it serves --------------------------------------------------------------------------

    @Test
    void servesHomePageToJdkHttpClient() throws Exception {
        try (ExecutorService clientThreads = Executors.newSingleThreadExecutor();
             HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                     .executor(clientThreads).build()) {
            for (int i = 0; i < 3; i++) { // the client reuses its keep-alive connection
                var response = client.send(HttpRequest.newBuilder(server.url()).timeout(Duration.ofSeconds(5)).build(),
                        BodyHandlers.ofByteArray());
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
                assertThat(response.headers().firstValue("content-length"))
                        .hasValue(String.valueOf(response.body().length));
                assertThat(new String(response.body(), StandardCharsets.UTF_8))
                        .contains("<h1>Xin chào from the " + mode.label() + " server</h1>");
            }
        }
    }

    @Test
    void jdkHttpClientAskingForAnH2cUpgradeIsAnsweredInHttp11() throws Exception {
        try (ExecutorService clientThreads = Executors.newSingleThreadExecutor();
             HttpClient client = HttpClient.newBuilder().executor(clientThreads).build()) {
            // the default client version is HTTP/2: on http:// it sends Upgrade: h2c, which we may ignore
            var response = client.send(HttpRequest.newBuilder(server.url().resolve("/stats"))
                    .timeout(Duration.ofSeconds(5)).build(), BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        }
    }

    @Test
    void everyResponseHasDateInImfFixdateAndContentLengthAndConnection() throws IOException {
        try (RawHttpConnection c = connect()) {
            var response = c.send("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n").read();
            assertThat(response.statusLine()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(response.header("date")).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
            ZonedDateTime.parse(response.header("date"), DateTimeFormatter.RFC_1123_DATE_TIME);
            assertThat(response.header("content-length")).isEqualTo(String.valueOf(response.body().length));
            assertThat(response.header("connection")).isEqualTo("keep-alive");
        }
    }

    @Test
    void headAnswersTheGetHeadersWithoutContent() throws IOException {
        try (RawHttpConnection c = connect()) {
            var get = c.send("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n").read();
            var head = c.send("HEAD / HTTP/1.1\r\nHost: localhost\r\n\r\n").read(true);
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("content-length")).isEqualTo(get.header("content-length"));
            assertThat(head.header("content-type")).isEqualTo(get.header("content-type"));
            // no content followed the HEAD answer: the next response starts right away
            var next = c.send("GET /missing HTTP/1.1\r\nHost: localhost\r\n\r\n").read();
            assertThat(next.status()).isEqualTo(404);
        }
    }

    @Test
    void statsPageCountsResponses() throws IOException {
        try (RawHttpConnection c = connect()) {
            c.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n").read();
            c.send("GET /nowhere HTTP/1.1\r\nHost: h\r\n\r\n").read();
            var stats = c.send("GET /stats HTTP/1.1\r\nHost: h\r\n\r\n").read();
            assertThat(stats.status()).isEqualTo(200);
            assertThat(stats.bodyText()).contains("<tr><td>connections open</td><td>1</td></tr>")
                    .contains("<tr><td>requests served</td><td>2</td></tr>") // this one is counted once sent
                    .contains("<tr><td>200 OK</td><td>1</td></tr>")
                    .contains("<tr><td>404 Not Found</td><td>1</td></tr>");
        }
    }

    @Test
    void unknownPathIs404AndKeepsTheConnection() throws IOException {
        try (RawHttpConnection c = connect()) {
            assertThat(c.send("GET /nope?x=1 HTTP/1.1\r\nHost: h\r\n\r\n").read().status()).isEqualTo(404);
            assertThat(c.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n").read().status()).isEqualTo(200);
        }
    }

    @Test
    void absoluteFormTargetIsServed() throws IOException {
        try (RawHttpConnection c = connect()) {
            var response = c.send("GET http://localhost/stats HTTP/1.1\r\nHost: localhost\r\n\r\n").read();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.bodyText()).contains("server stats");
        }
    }

    // ---- methods ---------------------------------------------------------------------------------

    @Test
    void postIs405WithAllowAndItsContentIsDiscarded() throws IOException {
        try (RawHttpConnection c = connect()) {
            var response = c.send("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\n\r\nhello=world").read();
            assertThat(response.status()).isEqualTo(405);
            assertThat(response.header("allow")).isEqualTo("GET, HEAD");
            assertThat(response.header("connection")).isEqualTo("keep-alive");
            // the content was read and discarded, not mistaken for the next request
            assertThat(c.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n").read().status()).isEqualTo(200);
        }
    }

    @Test
    void chunkedContentIsDecodedAndDiscarded() throws IOException {
        try (RawHttpConnection c = connect()) {
            c.send("PUT / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5;name=value\r\nhello\r\n6\r\n world\r\n0\r\nTrailer: x\r\n\r\n"
                    + "GET / HTTP/1.1\r\nHost: h\r\n\r\n");
            assertThat(c.read().status()).isEqualTo(405);
            assertThat(c.read().status()).isEqualTo(200);
        }
    }

    @Test
    void lowercaseMethodIsNotGetAndIsAnswered501WithAllow() throws IOException {
        try (RawHttpConnection c = connect()) {
            var response = c.send("get / HTTP/1.1\r\nHost: h\r\n\r\n").read();
            assertThat(response.status()).isEqualTo(501);
            assertThat(response.header("allow")).isEqualTo("GET, HEAD");
        }
    }

    // ---- framing ---------------------------------------------------------------------------------

    @Test
    void threeRequestsInOneWriteAreAnsweredInOrder() throws IOException {
        try (RawHttpConnection c = connect()) {
            c.send("GET /a HTTP/1.1\r\nHost: h\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\nHEAD /stats HTTP/1.1\r\nHost: h\r\n\r\n");
            assertThat(c.read().status()).isEqualTo(404);
            assertThat(c.read().status()).isEqualTo(200);
            var third = c.read(true);
            assertThat(third.status()).isEqualTo(200);
            assertThat(third.header("cache-control")).isEqualTo("no-store");
        }
    }

    @Test
    void manyPipelinedRequestsAreAllAnsweredInOrder() throws IOException {
        StringBuilder pipeline = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            pipeline.append(i % 2 == 0 ? "GET / HTTP/1.1\r\nHost: h\r\n\r\n" : "GET /x HTTP/1.1\r\nHost: h\r\n\r\n");
        }
        try (RawHttpConnection c = connect()) {
            c.send(pipeline.toString());
            for (int i = 0; i < 200; i++) {
                assertThat(c.read().status()).as("response %d", i).isEqualTo(i % 2 == 0 ? 200 : 404);
            }
        }
    }

    @Test
    void requestSplitIntoOneByteWritesIsServed() throws IOException {
        try (RawHttpConnection c = connect()) {
            for (byte b : "GET / HTTP/1.1\r\nHost: h\r\nAccept: */*\r\n\r\n".getBytes(StandardCharsets.US_ASCII)) {
                c.send(new byte[] {b});
            }
            assertThat(c.read().status()).isEqualTo(200);
        }
    }

    @Test
    void bareLfLineEndsAreAccepted() throws IOException {
        try (RawHttpConnection c = connect()) {
            assertThat(c.send("GET / HTTP/1.1\nHost: h\n\n").read().status()).isEqualTo(200);
        }
    }

    @Test
    void connectionCloseIsHonoured() throws IOException {
        try (RawHttpConnection c = connect()) {
            var response = c.send("GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n").read();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("connection")).isEqualTo("close");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void http10ClosesUnlessKeepAliveIsAsked() throws IOException {
        try (RawHttpConnection c = connect()) {
            var response = c.send("GET / HTTP/1.0\r\n\r\n").read();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("connection")).isEqualTo("close");
            assertThat(c.closedByServer()).isTrue();
        }
        try (RawHttpConnection c = connect()) {
            var first = c.send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read();
            assertThat(first.header("connection")).isEqualTo("keep-alive");
            assertThat(c.send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read().status()).isEqualTo(200);
        }
    }

    @Test
    void expectContinueIsAnsweredWithoutWaitingForTheContent() throws IOException {
        try (RawHttpConnection c = connect()) {
            var response = c.send("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1000\r\n"
                    + "Expect: 100-continue\r\n\r\n").read();
            assertThat(response.status()).isEqualTo(405);
            assertThat(response.header("connection")).isEqualTo("close");
        }
    }

    // ---- malformed requests ----------------------------------------------------------------------

    @Test
    void missingHostInHttp11Is400AndCloses() throws IOException {
        assertRejected("GET / HTTP/1.1\r\nAccept: */*\r\n\r\n", 400);
    }

    @Test
    void repeatedHostIs400() throws IOException {
        assertRejected("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400);
    }

    @Test
    void whitespaceBeforeColonIs400() throws IOException {
        assertRejected("GET / HTTP/1.1\r\nHost : h\r\n\r\n", 400);
    }

    @Test
    void unknownHttpVersionIs505() throws IOException {
        assertRejected("GET / HTTP/2.0\r\nHost: h\r\n\r\n", 505);
    }

    @Test
    void transferEncodingOtherThanChunkedIs501AndTogetherWithContentLength400() throws IOException {
        assertRejected("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501);
        assertRejected("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\nabc", 400);
    }

    @Test
    void contentOverTheLimitIs413() throws IOException {
        assertRejected("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 99999999\r\n\r\n", 413);
    }

    @Test
    void requestLineOverTheLimitIs414WithoutReadingItAll() throws IOException {
        String longTarget = "/" + "a".repeat(100_000);
        try (RawHttpConnection c = connect()) {
            try {
                c.send("GET " + longTarget + " HTTP/1.1\r\nHost: h\r\n\r\n");
            } catch (IOException e) {
                // the server may close before taking all 100 KB; the answer is already on its way
            }
            var response = c.read();
            assertThat(response.status()).isEqualTo(414);
            assertThat(response.header("connection")).isEqualTo("close");
        }
    }

    @Test
    void headerSectionOverTheLimitIs431() throws IOException {
        assertRejected("GET / HTTP/1.1\r\nHost: h\r\nX-Big: " + "b".repeat(9000) + "\r\n\r\n", 431);
    }

    @Test
    void binaryGarbageIs400WithoutWaitingForALineEnd() throws IOException {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        garbage[0] = (byte) 0x80; // cannot start a method, whatever the seed gives
        for (int i = 0; i < garbage.length; i++) {
            if (garbage[i] == '\r' || garbage[i] == '\n') {
                garbage[i] = 0; // no line end at all: the server must not wait for one
            }
        }
        try (RawHttpConnection c = connect()) {
            try {
                c.send(garbage);
            } catch (IOException e) {
                // closed early after the 400: fine
            }
            var response = c.read();
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.header("connection")).isEqualTo("close");
        }
        // and everyone else is still served
        try (RawHttpConnection c = connect()) {
            assertThat(c.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n").read().status()).isEqualTo(200);
        }
    }

    private void assertRejected(String request, int status) throws IOException {
        try (RawHttpConnection c = connect()) {
            var response = c.send(request).read();
            assertThat(response.status()).as(request).isEqualTo(status);
            assertThat(response.header("connection")).isEqualTo("close");
            assertThat(response.header("content-length")).isEqualTo(String.valueOf(response.body().length));
            assertThat(c.closedByServer()).isTrue();
        }
    }

    // ---- keep-alive and pipelining (RFC 9112 section 9.3) ---------------------------------------

    /**
     * Short, so that three of it keep a test under two seconds; long enough that a test thread
     * descheduled for a few hundred milliseconds on a busy machine does not look idle to the server.
     */
    static final Duration SHORT_IDLE = Duration.ofMillis(500);

    private static final String GET_HOME = "GET / HTTP/1.1\r\nHost: h\r\n\r\n";
    private static final String GET_STATS = "GET /stats HTTP/1.1\r\nHost: h\r\n\r\n";
    private static final Pattern REQUESTS_SERVED = Pattern.compile("<td>requests served</td><td>(\\d+)</td>");
    private static final Pattern CONNECTIONS_OPEN = Pattern.compile("<td>connections open</td><td>(\\d+)</td>");

    /** The number a {@code /stats} page shows in the row {@code pattern} matches. */
    private static long statsRow(Pattern pattern, String page) {
        Matcher matcher = pattern.matcher(page);
        assertThat(matcher.find()).as("stats page row %s in%n%s", pattern, page).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    @Test
    void keepAliveTrafficForThreeIdleTimeoutsIsAllAnsweredOnOneConnection_rfc9112_9_3() throws Exception {
        restart(TEST_CONFIG.withIdleTimeout(SHORT_IDLE));
        long gapMillis = SHORT_IDLE.toMillis() / 3;
        try (RawHttpConnection c = connect()) {
            // a request every third of the idle timeout for three idle timeouts: never idle for long
            for (int i = 0; i < 10; i++) {
                assertThat(c.send(GET_HOME).read().status()).as("request %d, at about %d ms", i, i * gapMillis)
                        .isEqualTo(200);
                Thread.sleep(gapMillis);
            }
        }
        assertThat(server.stats().connectionsAccepted()).isEqualTo(1);
        assertThat(server.stats().responsesSent()).isEqualTo(10);
    }

    @Test
    void jdkHttpClientKeepsOneConnectionForManyRequestsOverMoreThanTheIdleTimeout_rfc9112_9_3() throws Exception {
        restart(TEST_CONFIG.withIdleTimeout(SHORT_IDLE));
        long gapMillis = SHORT_IDLE.toMillis() / 3;
        int requests = 12; // about four idle timeouts of traffic
        try (ExecutorService clientThreads = Executors.newSingleThreadExecutor();
             HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                     .executor(clientThreads).build()) {
            for (int i = 0; i < requests; i++) {
                var response = client.send(HttpRequest.newBuilder(server.url().resolve(i % 2 == 0 ? "/" : "/stats"))
                        .timeout(Duration.ofSeconds(5)).build(), BodyHandlers.ofString());
                assertThat(response.statusCode()).as("request %d", i).isEqualTo(200);
                assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
                if (i % 2 == 1) {
                    // the server's own view: this client's one connection is the only one it has seen
                    assertThat(statsRow(CONNECTIONS_OPEN, response.body())).isEqualTo(1);
                }
                Thread.sleep(gapMillis);
            }
        }
        // a client whose pooled connection is closed under it opens another one (or fails): one means reuse
        assertThat(server.stats().connectionsAccepted()).as("connections the client opened").isEqualTo(1);
        assertThat(server.stats().responsesSent()).isEqualTo(requests);
    }

    @Test
    void idleConnectionIsClosedSilentlyOneIdleTimeoutAfterItsLastRequest_rfc9112_9_5() throws Exception {
        restart(TEST_CONFIG.withIdleTimeout(SHORT_IDLE));
        try (RawHttpConnection c = connect()) {
            assertThat(c.send(GET_HOME).read().status()).isEqualTo(200);
            Thread.sleep(SHORT_IDLE.toMillis() / 2);
            long lastRequestSent = System.nanoTime();
            assertThat(c.send(GET_HOME).read().status()).isEqualTo(200);
            assertThat(c.closedByServer()).as("closed, with no byte sent before the close").isTrue();
            long closedAfter = System.nanoTime() - lastRequestSent;
            // The server starts the idle clock after it has read the request, so the close cannot come
            // sooner than one idle timeout after the request was sent: this bound is exact.
            assertThat(Duration.ofNanos(closedAfter)).isGreaterThanOrEqualTo(SHORT_IDLE);
            // Late by up to one sweep tick (a quarter of the timeout) in nio, plus scheduling on a busy
            // machine: two seconds of slack still fails a connection closed by any other timer.
            assertThat(Duration.ofNanos(closedAfter)).isLessThan(SHORT_IDLE.plusSeconds(2));
        }
    }

    @Test
    void requestBegunBeforeTheIdleTimeoutIsTimedByTheHeaderTimeout() throws Exception {
        restart(TEST_CONFIG.withIdleTimeout(Duration.ofMillis(300)).withHeaderTimeout(Duration.ofSeconds(3)));
        try (RawHttpConnection c = connect()) {
            c.send("GET / HTTP/1.1\r\n");
            Thread.sleep(700); // more than two idle timeouts inside one head: only the header timeout applies
            assertThat(c.send("Host: h\r\n\r\n").read().status()).isEqualTo(200);
        }
    }

    /**
     * 1,000 requests in one write, answered in the order sent (RFC 9112 section 9.3.2) whatever the
     * size of the answers. 150 {@code GET /} and 120 {@code /stats} fit in one 4 KiB read while their
     * answers pass 64 KiB: the case where a server that stops parsing at an output limit must
     * remember to resume. A half-close after the write ends the client's input only: the answers
     * still travel the other way (RFC 9293 section 3.6), and the server closes after the last one.
     */
    @ParameterizedTest(name = "{0} x GET {1}, half-close {2}")
    @CsvSource({
        "1000, /,      false", "1000, /,      true", "150, /,      false", "150, /,      true",
        "1000, /stats, false", "1000, /stats, true", "120, /stats, false", "120, /stats, true"})
    void pipelinedRequestsInOneWriteAreAllAnsweredInOrder_rfc9112_9_3_2(int count, String path, boolean halfClose)
            throws Exception {
        byte[] pipeline = ("GET " + path + " HTTP/1.1\r\nHost: h\r\n\r\n").repeat(count)
                .getBytes(StandardCharsets.US_ASCII);
        // the connection is closed first, so a write still blocked cannot keep the executor's close waiting
        try (ExecutorService writer = Executors.newVirtualThreadPerTaskExecutor();
             RawHttpConnection c = connect()) {
            // one write, from its own thread: a server that stops reading until its answers are read
            // must not deadlock the test
            Future<?> sent = writer.submit(() -> {
                c.send(pipeline);
                if (halfClose) {
                    c.halfClose();
                }
                return null;
            });
            for (int i = 0; i < count; i++) {
                var response = c.read();
                assertThat(response.status()).as("response %d", i).isEqualTo(200);
                if (path.equals("/stats")) {
                    // each page counts the responses sent before it: consecutive numbers prove the order
                    assertThat(statsRow(REQUESTS_SERVED, response.bodyText())).as("response %d", i).isEqualTo(i);
                }
            }
            sent.get(5, TimeUnit.SECONDS);
            if (halfClose) {
                assertThat(c.closedByServer()).as("closed after the last answer, nothing more sent").isTrue();
            } else {
                assertThat(c.strayBytes(100)).as("nothing after the last answer").isZero();
                var next = c.send(GET_STATS).read();
                assertThat(statsRow(REQUESTS_SERVED, next.bodyText())).isEqualTo(count);
            }
        }
        assertThat(server.stats().responsesSent()).isEqualTo(halfClose ? count : count + 1);
    }

    // ---- slow and idle clients -------------------------------------------------------------------

    @Test
    void headTimedFromItsFirstByteGets408EvenWhileBytesKeepTrickling() throws Exception {
        try (RawHttpConnection c = connect()) {
            c.send("GET / HTTP/1.1\r\n");
            // one byte every 100 ms keeps the connection busy, but the head never completes
            for (int i = 0; i < 30; i++) {
                try {
                    c.send("X");
                } catch (IOException e) {
                    break; // closed after the 408
                }
                Thread.sleep(100);
            }
            var response = c.read();
            assertThat(response.status()).isEqualTo(408);
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void slowlorisClientsDoNotStopOthersAndAreClosedAtTheTimeout() throws Exception {
        int slowClients = 100;
        List<RawHttpConnection> slow = new ArrayList<>();
        try (ExecutorService trickle = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < slowClients; i++) {
                slow.add(connect());
            }
            List<Future<Boolean>> closed = new ArrayList<>();
            for (RawHttpConnection c : slow) {
                closed.add(trickle.submit(() -> {
                    // a byte at a time, forever: only the header timeout can end this
                    for (byte b : "GET / HTTP/1.1\r\nHost: h\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".getBytes()) {
                        try {
                            c.send(new byte[] {b});
                        } catch (IOException e) {
                            return true;
                        }
                        Thread.sleep(50);
                    }
                    return false;
                }));
            }
            for (int i = 0; i < 20; i++) {
                try (RawHttpConnection normal = connect()) {
                    assertThat(normal.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n").read().status()).isEqualTo(200);
                }
            }
            for (Future<Boolean> f : closed) {
                f.get(30, TimeUnit.SECONDS);
            }
            for (RawHttpConnection c : slow) {
                var response = c.read();
                assertThat(response.status()).isEqualTo(408);
                assertThat(c.closedByServer()).isTrue();
            }
        } finally {
            for (RawHttpConnection c : slow) {
                c.close();
            }
        }
    }

    @Test
    void clientThatPipelinesButNeverReadsIsCutOffByTheWriteTimeoutWhileOthersAreServed() throws Exception {
        restart(TEST_CONFIG.withWriteTimeout(Duration.ofSeconds(1)));
        int pipelined = 20_000;
        byte[] pipeline = GET_HOME.repeat(pipelined).getBytes(StandardCharsets.US_ASCII);
        java.net.Socket greedy = new java.net.Socket();
        try {
            greedy.setReceiveBufferSize(4096);
            greedy.connect(new java.net.InetSocketAddress("127.0.0.1", server.port()), 5000);
            try (ExecutorService writer = Executors.newVirtualThreadPerTaskExecutor()) {
                // requests keep coming, answers are never read: the server's writes stop making progress
                Future<?> sending = writer.submit(() -> {
                    greedy.getOutputStream().write(pipeline);
                    return null;
                });
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (server.stats().responsesSent() == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                try (RawHttpConnection other = connect()) {
                    var stats = other.send(GET_STATS).read();
                    assertThat(stats.status()).isEqualTo(200);
                    assertThat(statsRow(CONNECTIONS_OPEN, stats.bodyText()))
                            .as("served while the greedy connection is still open").isEqualTo(2);
                }
                while (server.stats().connectionsOpen() > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(server.stats().connectionsAccepted()).isEqualTo(2);
                assertThat(server.stats().connectionsOpen()).as("the greedy connection was closed").isZero();
                // back-pressure: the server stopped producing answers that nobody reads
                assertThat(server.stats().responsesSent()).as("answers produced before it was cut off")
                        .isPositive().isLessThan(pipelined);
                try (RawHttpConnection after = connect()) {
                    assertThat(after.send(GET_HOME).read().status()).isEqualTo(200);
                }
                greedy.close(); // ends the blocked write, if it still is
                try {
                    sending.get(10, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    // the write failed because the server closed the connection: expected
                }
            }
        } finally {
            greedy.close();
        }
    }

    @Test
    void thousandIdleConnectionsDoNotStopANewClient() throws IOException {
        // Client and server ends live in this JVM: about 2,100 descriptors. HotSpot raises the soft
        // limit to the hard one; a machine whose hard limit is lower cannot run this test at all.
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            org.junit.jupiter.api.Assumptions.assumeTrue(unix.getMaxFileDescriptorCount() >= 4096,
                    "needs about 2,100 file descriptors, this JVM may open " + unix.getMaxFileDescriptorCount());
        }
        List<RawHttpConnection> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 1000; i++) {
                idle.add(connect());
            }
            try (RawHttpConnection fresh = connect()) {
                assertThat(fresh.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n").read().status()).isEqualTo(200);
            }
        } finally {
            for (RawHttpConnection c : idle) {
                c.close();
            }
        }
    }

    @Test
    void connectionsAboveTheLimitGet503() throws IOException {
        restart(TEST_CONFIG.withMaxConnections(2));
        try (RawHttpConnection a = connect(); RawHttpConnection b = connect()) {
            assertThat(a.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n").read().status()).isEqualTo(200);
            assertThat(b.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n").read().status()).isEqualTo(200);
            try (RawHttpConnection third = connect()) {
                assertThat(third.read().status()).isEqualTo(503);
            }
        }
    }

    // ---- lifecycle -------------------------------------------------------------------------------

    @Test
    void stopClosesOpenConnectionsLeavesNoThreadAndFreesThePort() throws IOException, InterruptedException {
        int port = server.port();
        try (RawHttpConnection open = connect(); RawHttpConnection halfway = connect()) {
            open.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n").read();
            halfway.send("GET / HTT");
            server.stop();
            assertThat(open.closedByServer()).isTrue();
            assertThat(halfway.closedByServer()).isTrue();
        }
        assertThat(LiveThreads.awaitNone(() -> liveThreads(server))).isEmpty();
        assertThat(server.stats().connectionsOpen()).isZero();
        try (ServerSocket again = new ServerSocket(port, 50, java.net.InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void urlNamesTheBoundPort() {
        assertThat(server.url()).isEqualTo(URI.create("http://127.0.0.1:" + server.port() + "/"));
    }
}
