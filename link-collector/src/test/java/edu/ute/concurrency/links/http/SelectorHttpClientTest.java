package edu.ute.concurrency.links.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import edu.ute.concurrency.links.http.ScriptedServer.After;
import edu.ute.concurrency.links.http.ScriptedServer.Reply;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client against a server that sends exactly the bytes each test writes: message framing
 * (RFC 9112), connection reuse and its one retry, deadlines that name their step, and failures
 * described in a report's words.
 */
class SelectorHttpClientTest {

    private static final BodyLimit ONE_MIB = (status, headers) -> 1 << 20;
    private static final long FIVE_SECONDS = TimeUnit.SECONDS.toNanos(5);

    private SelectorHttpClient client;

    @BeforeEach
    void openClient() throws Exception {
        client = SelectorHttpClient.open(List.of(new HttpResponse.Header("User-Agent", "test/1.0")),
                SelectorHttpClient.Tls.VERIFY);
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    private HttpResponse get(String url) throws Exception {
        return client.get(url, ONE_MIB, FIVE_SECONDS).get(10, TimeUnit.SECONDS);
    }

    private String failure(String url, BodyLimit limit, long timeoutNanos) {
        CompletableFuture<HttpResponse> f = client.get(url, limit, timeoutNanos);
        ExecutionException e = catchThrowableOfType(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
        assertThat(e.getCause()).isInstanceOf(HttpFailure.class);
        return e.getCause().getMessage();
    }

    private static String body(HttpResponse r) {
        return new String(r.body(), StandardCharsets.ISO_8859_1);
    }

    private static Reply ok(String body) {
        return Reply.of("HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body, After.KEEP_OPEN);
    }

    /** RFC 9112 section 3.2 (Host first) and RFC 3986 section 6.2.3 (an empty query is sent as such). */
    @Test
    void sendsTheTargetAsTheUrlHasItIncludingAnEmptyQuery() throws Exception {
        try (ScriptedServer server = new ScriptedServer((c, r, head) -> ok("x"))) {
            get(server.url("/p/4.html?"));
            get(server.url("/p/4.html"));
            String port = server.url("").substring("http://127.0.0.1:".length());
            assertThat(server.requestHeads.get(0)).startsWith("GET /p/4.html? HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n")
                    .contains("User-Agent: test/1.0\r\n");
            assertThat(server.requestHeads.get(1)).startsWith("GET /p/4.html HTTP/1.1\r\n");
        }
    }

    @Test
    void readsAContentLengthBodyAndReusesTheConnection() throws Exception {
        try (ScriptedServer server = new ScriptedServer((c, r, head) -> ok("body " + r))) {
            assertThat(body(get(server.url("/a")))).isEqualTo("body 0");
            assertThat(body(get(server.url("/b")))).isEqualTo("body 1");
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    /** RFC 9112 section 7.1: chunk extensions are ignored, trailer fields read and dropped. */
    @Test
    void readsChunkedBodiesWithExtensionsAndTrailersRfc9112Section7_1() throws Exception {
        try (ScriptedServer server = new ScriptedServer((c, r, head) -> Reply.of("HTTP/1.1 200 OK\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n4;name=value\r\nWiki\r\n5\r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n"
                + "0\r\nExpires: never\r\n\r\n", After.KEEP_OPEN))) {
            assertThat(body(get(server.url("/")))).isEqualTo("Wikipedia in\r\n\r\nchunks.");
            assertThat(body(get(server.url("/")))).isEqualTo("Wikipedia in\r\n\r\nchunks.");
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    /** RFC 9112 section 6.3 rule 8: no length, so the body ends when the server closes. */
    @Test
    void readsABodyDelimitedByTheCloseRfc9112Section6_3() throws Exception {
        try (ScriptedServer server = new ScriptedServer((c, r, head) -> Reply.of(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\nall of it", After.CLOSE))) {
            assertThat(body(get(server.url("/")))).isEqualTo("all of it");
            assertThat(body(get(server.url("/")))).isEqualTo("all of it");
            assertThat(server.connections()).isEqualTo(2);
        }
    }

    /** RFC 9110 section 15.2: 1xx responses are interim; the final response follows on the same connection. */
    @Test
    void skipsInterimResponsesRfc9110Section15_2() throws Exception {
        try (ScriptedServer server = new ScriptedServer((c, r, head) -> Reply.of("HTTP/1.1 100 Continue\r\n\r\n"
                + "HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", After.KEEP_OPEN))) {
            HttpResponse r = get(server.url("/"));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Link")).isNull();
            assertThat(body(r)).isEqualTo("ok");
        }
    }

    /** RFC 9112 section 2.2 (a bare LF ends a line) and 5.2 (obs-fold becomes a space). */
    @Test
    void acceptsBareLineFeedsAndFoldedFieldsRfc9112() throws Exception {
        try (ScriptedServer server = new ScriptedServer((c, r, head) -> Reply.of(
                "HTTP/1.1 200 OK\nX-Folded: one\n\ttwo\nContent-Length: 2\n\nok", After.KEEP_OPEN))) {
            HttpResponse r = get(server.url("/"));
            assertThat(r.header("x-folded")).isEqualTo("one two");
            assertThat(body(r)).isEqualTo("ok");
        }
    }

    /** RFC 9112 section 9.3: Connection: close, and HTTP/1.0 without keep-alive, end the connection. */
    @Test
    void doesNotReuseAConnectionTheServerWillClose() throws Exception {
        try (ScriptedServer server = new ScriptedServer((c, r, head) -> Reply.of(c == 0
                ? "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 1\r\n\r\na"
                : "HTTP/1.0 200 OK\r\nContent-Length: 1\r\n\r\nb", After.KEEP_OPEN))) {
            assertThat(body(get(server.url("/")))).isEqualTo("a");
            assertThat(body(get(server.url("/")))).isEqualTo("b");
            assertThat(body(get(server.url("/")))).isEqualTo("b");
            assertThat(server.connections()).isEqualTo(3);
        }
    }

    /** RFC 9112 section 6.3 rule 5: differing Content-Length values are an unrecoverable error. */
    @Test
    void rejectsConflictingContentLengthsRfc9112Section6_3() throws Exception {
        try (ScriptedServer server = new ScriptedServer((c, r, head) -> Reply.of(
                "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nabc", After.KEEP_OPEN))) {
            assertThat(failure(server.url("/"), ONE_MIB, FIVE_SECONDS)).isEqualTo("malformed response: Content-Length 2, 3");
        }
    }

    /** RFC 9112 section 6.3 rule 3: Transfer-Encoding wins over Content-Length, and the connection is not reused. */
    @Test
    void transferEncodingWinsOverContentLength() throws Exception {
        try (ScriptedServer server = new ScriptedServer((c, r, head) -> Reply.of("HTTP/1.1 200 OK\r\n"
                + "Content-Length: 100\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n", After.KEEP_OPEN))) {
            assertThat(body(get(server.url("/")))).isEqualTo("abc");
            assertThat(body(get(server.url("/")))).isEqualTo("abc");
            assertThat(server.connections()).isEqualTo(2);
        }
    }

    /** RFC 9112 section 6.3 rule 1: 204 and 304 have no body, whatever the fields say. */
    @Test
    void readsNoBodyFor204And304() throws Exception {
        try (ScriptedServer server = new ScriptedServer((c, r, head) -> Reply.of(r == 0
                ? "HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n"
                : "HTTP/1.1 304 Not Modified\r\n\r\n", After.KEEP_OPEN))) {
            assertThat(get(server.url("/")).body()).isEmpty();
            assertThat(get(server.url("/")).status()).isEqualTo(304);
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void cutsTheBodyAtTheLimitAndDropsTheConnection() throws Exception {
        String big = "x".repeat(100_000);
        try (ScriptedServer server = new ScriptedServer((c, r, head) -> ok(big))) {
            HttpResponse r = client.get(server.url("/"), (status, headers) -> 1000, FIVE_SECONDS).get(10, TimeUnit.SECONDS);
            assertThat(r.body()).hasSize(1000);
            assertThat(r.truncated()).isTrue();
            assertThat(get(server.url("/")).body()).hasSize(100_000);
            assertThat(server.connections()).isEqualTo(2);
        }
    }

    @Test
    void aHeadLargerThanTheLimitIsAnError() throws Exception {
        String huge = "X-Big: " + "y".repeat(ResponseParser.MAX_HEAD_BYTES) + "\r\n";
        try (ScriptedServer server = new ScriptedServer((c, r, head) -> Reply.of("HTTP/1.1 200 OK\r\n" + huge + "\r\n",
                After.KEEP_OPEN))) {
            assertThat(failure(server.url("/"), ONE_MIB, FIVE_SECONDS)).startsWith("malformed response: ");
        }
    }

    @Test
    void garbageIsNotAResponse() throws Exception {
        try (ScriptedServer server = new ScriptedServer((c, r, head) -> Reply.of("SSH-2.0-OpenSSH_9.2\r\n\r\n", After.CLOSE))) {
            assertThat(failure(server.url("/"), ONE_MIB, FIVE_SECONDS)).startsWith("malformed response: status line");
        }
    }

    /**
     * RFC 9112 section 9.3.1 and RFC 9110 section 9.2.2: a reused connection that the server had
     * closed fails before any byte of the response, and a GET, being idempotent, is sent again once.
     */
    @Test
    void retriesAGetOnceWhenAReusedConnectionTurnsOutClosed() throws Exception {
        try (ScriptedServer server = new ScriptedServer((c, r, head) -> c == 0 && r == 1
                ? new Reply(new byte[0], After.CLOSE) : ok("fine"))) {
            assertThat(body(get(server.url("/a")))).isEqualTo("fine");
            assertThat(body(get(server.url("/b")))).isEqualTo("fine");
            assertThat(server.connections()).isEqualTo(2);
            assertThat(server.requestHeads).hasSize(3);
        }
    }

    @Test
    void doesNotRetryOnceAPartOfTheResponseArrived() throws Exception {
        try (ScriptedServer server = new ScriptedServer((c, r, head) -> r == 0 ? ok("fine")
                : Reply.of("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", After.CLOSE))) {
            get(server.url("/a"));
            assertThat(failure(server.url("/b"), ONE_MIB, FIVE_SECONDS))
                    .isEqualTo("connection closed before the response was complete");
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void theDeadlineNamesTheStepItStoppedAt() throws Exception {
        long short_ = TimeUnit.MILLISECONDS.toNanos(300);
        try (ScriptedServer silent = new ScriptedServer((c, r, head) -> new Reply(new byte[0], After.STALL));
             ScriptedServer trickle = new ScriptedServer((c, r, head) -> Reply.of(
                     "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nhalf", After.STALL))) {
            assertThat(failure(silent.url("/"), ONE_MIB, short_)).isEqualTo("timeout (waiting for the response)");
            assertThat(failure(trickle.url("/"), ONE_MIB, short_)).isEqualTo("timeout (reading the body)");
        }
    }

    @Test
    void aRefusedConnectionSaysSo() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertThat(failure("http://127.0.0.1:" + port + "/", ONE_MIB, FIVE_SECONDS)).isEqualTo("connection refused");
    }

    /** RFC 6761 section 6.4: names under .invalid never resolve, and are not asked of DNS. */
    @Test
    void invalidNamesAreUnknownWithoutALookupRfc6761() {
        assertThat(failure("https://www.example.invalid/x", ONE_MIB, FIVE_SECONDS)).isEqualTo("unknown host");
    }

    /** Field octets are kept as received, so that a raw UTF-8 Location can be read as UTF-8 later. */
    @Test
    void keepsFieldOctetsAsReceived() throws Exception {
        byte[] head = "HTTP/1.1 302 Found\r\nLocation: /caf\u00c3\u00a9\r\nContent-Length: 0\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        try (ScriptedServer server = new ScriptedServer((c, r, h) -> new Reply(head, After.KEEP_OPEN))) {
            String location = get(server.url("/")).header("Location");
            assertThat(location.getBytes(StandardCharsets.ISO_8859_1))
                    .isEqualTo("/caf\u00e9".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void cancellingTheFutureClosesTheConnection() throws Exception {
        try (ScriptedServer server = new ScriptedServer((c, r, head) -> new Reply(new byte[0], After.STALL))) {
            CompletableFuture<HttpResponse> f = client.get(server.url("/"), ONE_MIB, FIVE_SECONDS);
            while (server.requestHeads.isEmpty()) {
                Thread.onSpinWait();
            }
            f.cancel(true);
            assertThat(server.stalledClosedByClient.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void closingFailsWhatIsInFlightAndEndsTheLoopThread() throws Exception {
        try (ScriptedServer server = new ScriptedServer((c, r, head) -> new Reply(new byte[0], After.STALL))) {
            CompletableFuture<HttpResponse> f = client.get(server.url("/"), ONE_MIB, FIVE_SECONDS);
            while (server.requestHeads.isEmpty()) {
                Thread.onSpinWait();
            }
            client.close();
            ExecutionException e = catchThrowableOfType(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
            assertThat(e.getCause()).hasMessage("client closed");
            assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("links-http-loop") && t.isAlive());
            assertThat(failure(server.url("/"), ONE_MIB, FIVE_SECONDS)).isEqualTo("client closed");
        }
    }
}
