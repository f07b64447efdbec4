package edu.ute.concurrency.examples.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HttpRequestParserTest {

    private static final HttpServerConfig CONFIG = HttpServerConfig.defaults().withMaxBodyBytes(1000);

    /** Feeds {@code text} in one piece and returns every result, stopping after an error. */
    private static List<ParseResult> parseAll(String text) {
        return parseAll(new HttpRequestParser(CONFIG), text.getBytes(StandardCharsets.ISO_8859_1), Integer.MAX_VALUE);
    }

    private static List<ParseResult> parseAll(HttpRequestParser parser, byte[] bytes, int pieceSize) {
        List<ParseResult> results = new ArrayList<>();
        for (int from = 0; from < bytes.length; from += pieceSize) {
            ByteBuffer piece = ByteBuffer.wrap(bytes, from, Math.min(pieceSize, bytes.length - from));
            ParseResult result;
            while ((result = parser.parse(piece)) != null) {
                results.add(result);
                if (result instanceof HttpParseError) {
                    return results;
                }
            }
        }
        return results;
    }

    private static ParseResult single(String text) {
        List<ParseResult> results = parseAll(text);
        assertThat(results).as(text).hasSize(1);
        return results.getFirst();
    }

    private static int errorStatus(String text) {
        ParseResult result = single(text);
        assertThat(result).as(text).isInstanceOf(HttpParseError.class);
        return ((HttpParseError) result).status();
    }

    @Test
    void parsesASimpleGet() {
        HttpRequest request = (HttpRequest) single("GET /stats?x=1 HTTP/1.1\r\nHost: localhost:8080\r\nAccept:  */* \r\n\r\n");
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.target()).isEqualTo("/stats?x=1");
        assertThat(request.path()).isEqualTo("/stats");
        assertThat(request.minorVersion()).isEqualTo(1);
        assertThat(request.field("HOST")).isEqualTo("localhost:8080");
        assertThat(request.field("accept")).isEqualTo("*/*");
        assertThat(request.keepAlive()).isTrue();
    }

    @Test
    void sameRequestsWhateverThePieceSize() {
        byte[] three = ("GET / HTTP/1.1\r\nHost: h\r\n\r\n"
                + "POST /p HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello"
                + "PUT /c HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        for (int piece : new int[] {1, 2, 3, 7, 64, three.length}) {
            List<ParseResult> results = parseAll(new HttpRequestParser(CONFIG), three, piece);
            assertThat(results).as("piece size %d", piece).hasSize(3)
                    .extracting(r -> ((HttpRequest) r).method()).containsExactly("GET", "POST", "PUT");
        }
    }

    @Test
    void phaseFollowsTheRequest() {
        HttpRequestParser parser = new HttpRequestParser(CONFIG);
        assertThat(parser.phase()).isEqualTo(HttpRequestParser.Phase.IDLE);
        parser.parse(ByteBuffer.wrap("G".getBytes(StandardCharsets.US_ASCII)));
        assertThat(parser.phase()).isEqualTo(HttpRequestParser.Phase.HEAD);
        parser.parse(ByteBuffer.wrap("ET / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\na".getBytes(StandardCharsets.US_ASCII)));
        assertThat(parser.phase()).isEqualTo(HttpRequestParser.Phase.CONTENT);
        assertThat(parser.parse(ByteBuffer.wrap("bc".getBytes(StandardCharsets.US_ASCII)))).isInstanceOf(HttpRequest.class);
        assertThat(parser.phase()).isEqualTo(HttpRequestParser.Phase.IDLE);
    }

    @Test
    void skipsEmptyLinesBeforeTheRequestLine() {
        assertThat(single("\r\n\nGET / HTTP/1.1\r\nHost: h\r\n\r\n")).isInstanceOf(HttpRequest.class);
    }

    @Test
    void http10KeepsAliveOnlyWhenAsked() {
        assertThat(((HttpRequest) single("GET / HTTP/1.0\r\n\r\n")).keepAlive()).isFalse();
        assertThat(((HttpRequest) single("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n")).keepAlive()).isTrue();
        assertThat(((HttpRequest) single("GET / HTTP/1.1\r\nHost: h\r\nConnection: foo, close\r\n\r\n")).keepAlive()).isFalse();
    }

    @Test
    void higherMinorVersionIsServedAsHttp11() {
        assertThat(((HttpRequest) single("GET / HTTP/1.7\r\nHost: h\r\n\r\n")).minorVersion()).isEqualTo(1);
    }

    @Test
    void absoluteFormGivesThePath() {
        assertThat(((HttpRequest) single("GET http://example.com:80?q HTTP/1.1\r\nHost: example.com\r\n\r\n")).path())
                .isEqualTo("/");
        assertThat(((HttpRequest) single("GET HTTP://example.com/a/b?q HTTP/1.1\r\nHost: x\r\n\r\n")).path())
                .isEqualTo("/a/b");
    }

    @Test
    void emptyHostIsAllowedAndIpv6HostToo() {
        assertThat(single("GET / HTTP/1.1\r\nHost:\r\n\r\n")).isInstanceOf(HttpRequest.class);
        assertThat(single("GET / HTTP/1.1\r\nHost: [::1]:8080\r\n\r\n")).isInstanceOf(HttpRequest.class);
    }

    @Test
    void identicalContentLengthsAreOneLength() {
        assertThat(parseAll("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 2, 2\r\n\r\nokGET / HTTP/1.1\r\nHost: h\r\n\r\n"))
                .hasSize(2).allMatch(r -> r instanceof HttpRequest);
    }

    @Test
    void expectContinueWithContentIsAnsweredAtOnceAndLeavesTheContentUnread() {
        HttpRequest request = (HttpRequest) single(
                "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\nExpect: 100-continue\r\n\r\n");
        assertThat(request.contentUnread()).isTrue();
        assertThat(request.keepAlive()).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ' / HTTP/1.1\\r\\nHost: h\\r\\n\\r\\n'                                     | 400
            'GET  / HTTP/1.1\\r\\nHost: h\\r\\n\\r\\n'                                 | 400
            'GET / HTTP/1.1 \\r\\nHost: h\\r\\n\\r\\n'                                 | 400
            'GET / http/1.1\\r\\nHost: h\\r\\n\\r\\n'                                  | 400
            'GET / HTTP/1.10\\r\\nHost: h\\r\\n\\r\\n'                                 | 400
            'GET / HTTP/11\\r\\nHost: h\\r\\n\\r\\n'                                   | 400
            'GET /\\r\\n\\r\\n'                                                       | 400
            'GET /a b HTTP/1.1\\r\\nHost: h\\r\\n\\r\\n'                               | 400
            'GET /a<b HTTP/1.1\\r\\nHost: h\\r\\n\\r\\n'                               | 400
            'GET /%zz HTTP/1.1\\r\\nHost: h\\r\\n\\r\\n'                               | 400
            'GET * HTTP/1.1\\r\\nHost: h\\r\\n\\r\\n'                                  | 400
            'GET a HTTP/1.1\\r\\nHost: h\\r\\n\\r\\n'                                  | 400
            'GET / HTTP/1.1\\rHost: h\\r\\n\\r\\n'                                     | 400
            'GET / HTTP/1.1\\r\\nHost: h\\r\\n\\r\\r\\n'                               | 400
            'GET / HTTP/1.1\\r\\nHost: h\\rX: y\\r\\n\\r\\n'                           | 400
            'GET / HTTP/1.1\\r\\n Host: h\\r\\n\\r\\n'                                 | 400
            'GET / HTTP/1.1\\r\\nHost: h\\r\\nX: a\\r\\n b\\r\\n\\r\\n'                 | 400
            'GET / HTTP/1.1\\r\\nHost : h\\r\\n\\r\\n'                                 | 400
            'GET / HTTP/1.1\\r\\nHo st: h\\r\\n\\r\\n'                                 | 400
            'GET / HTTP/1.1\\r\\nHost: h\\r\\nX: a\\u0000b\\r\\n\\r\\n'                 | 400
            'GET / HTTP/1.1\\r\\n\\r\\n'                                              | 400
            'GET / HTTP/1.1\\r\\nHost: a\\r\\nHost: a\\r\\n\\r\\n'                      | 400
            'GET / HTTP/1.0\\r\\nHost: a\\r\\nhost: b\\r\\n\\r\\n'                      | 400
            'GET / HTTP/1.1\\r\\nHost: a b\\r\\n\\r\\n'                                | 400
            'GET / HTTP/1.1\\r\\nHost: a:8o\\r\\n\\r\\n'                               | 400
            'POST / HTTP/1.1\\r\\nHost: h\\r\\nContent-Length: -1\\r\\n\\r\\n'           | 400
            'POST / HTTP/1.1\\r\\nHost: h\\r\\nContent-Length: 1, 2\\r\\n\\r\\n'         | 400
            'POST / HTTP/1.1\\r\\nHost: h\\r\\nContent-Length: 99999999999999999999\\r\\n\\r\\n' | 400
            'POST / HTTP/1.1\\r\\nHost: h\\r\\nContent-Length: 1001\\r\\n\\r\\n'         | 413
            'POST / HTTP/1.1\\r\\nHost: h\\r\\nTransfer-Encoding: chunked\\r\\nContent-Length: 1\\r\\n\\r\\n' | 400
            'POST / HTTP/1.0\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n'               | 400
            'POST / HTTP/1.1\\r\\nHost: h\\r\\nTransfer-Encoding: gzip\\r\\n\\r\\n'      | 400
            'POST / HTTP/1.1\\r\\nHost: h\\r\\nTransfer-Encoding: gzip, chunked\\r\\n\\r\\n' | 501
            'POST / HTTP/1.1\\r\\nHost: h\\r\\nTransfer-Encoding: chunked, chunked\\r\\n\\r\\n' | 400
            'POST / HTTP/1.1\\r\\nHost: h\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\nzz\\r\\n' | 400
            'POST / HTTP/1.1\\r\\nHost: h\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n3\\r\\nabcX' | 400
            'POST / HTTP/1.1\\r\\nHost: h\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n3E9\\r\\n' | 413
            'GET / HTTP/1.1\\r\\nHost: h\\r\\nExpect: something\\r\\n\\r\\n'           | 417
            'GET / HTTP/2.0\\r\\nHost: h\\r\\n\\r\\n'                                  | 505
            'GET / HTTP/0.9\\r\\n\\r\\n'                                              | 505
            'ABCDEFGHIJKLMNOPQRSTU / HTTP/1.1\\r\\n'                                   | 501
            """)
    void rejects(String escaped, int status) {
        String request = escaped.replace("\\r", "\r").replace("\\n", "\n").replace("\\u0000", "\u0000");
        assertThat(errorStatus(request)).isEqualTo(status);
    }

    @Test
    void lowercaseMethodIsAValidTokenButNotGet() {
        assertThat(((HttpRequest) single("get / HTTP/1.1\r\nHost: h\r\n\r\n")).method()).isEqualTo("get");
    }

    @Test
    void requestLineOverTheLimitIs414AsSoonAsItIsCrossed() {
        HttpRequestParser parser = new HttpRequestParser(CONFIG.withMaxRequestLineBytes(100));
        ParseResult result = parser.parse(ByteBuffer.wrap(("GET /" + "a".repeat(200)).getBytes(StandardCharsets.US_ASCII)));
        assertThat(result).isEqualTo(new HttpParseError(414, "request line longer than 100 bytes"));
    }

    @Test
    void headerSectionOverTheLimitIs431() {
        HttpRequestParser parser = new HttpRequestParser(CONFIG.withMaxHeaderBytes(100));
        String request = "GET / HTTP/1.1\r\nHost: h\r\nX: " + "v".repeat(100) + "\r\n\r\n";
        assertThat(parseAll(parser, request.getBytes(StandardCharsets.US_ASCII), 1000))
                .containsExactly(new HttpParseError(431, "header section larger than 100 bytes"));
    }

    @Test
    void moreHeaderFieldsThanTheLimitIs431() {
        HttpRequestParser parser = new HttpRequestParser(CONFIG.withMaxHeaderFields(3));
        String request = "GET / HTTP/1.1\r\nHost: h\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n";
        assertThat(parseAll(parser, request.getBytes(StandardCharsets.US_ASCII), 1000))
                .containsExactly(new HttpParseError(431, "more than 3 header fields"));
    }

    @Test
    void garbageIsRefusedAtItsFirstImpossibleByte() {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        garbage[3] = 0x01; // a control byte: never part of a method, whatever came before
        HttpRequestParser parser = new HttpRequestParser(CONFIG);
        ByteBuffer bytes = ByteBuffer.wrap(garbage);
        assertThat(parser.parse(bytes)).isInstanceOfSatisfying(HttpParseError.class,
                error -> assertThat(error.status()).isEqualTo(400));
        assertThat(bytes.position()).isLessThanOrEqualTo(4); // decided without reading the rest
    }

    @Test
    void errorIsTerminal() {
        HttpRequestParser parser = new HttpRequestParser(CONFIG);
        ParseResult first = parser.parse(ByteBuffer.wrap("\u0001".getBytes(StandardCharsets.ISO_8859_1)));
        assertThat(parser.parse(ByteBuffer.wrap("GET / HTTP/1.1\r\nHost: h\r\n\r\n".getBytes(StandardCharsets.US_ASCII))))
                .isSameAs(first);
    }
}
