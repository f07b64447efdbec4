package edu.ute.concurrency.links.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The parser is fed whatever the socket delivers: every response here is parsed whole, one byte at
 * a time, and in random pieces (fixed seed), and must give the same result each way.
 */
class ResponseParserTest {

    private static final String CHUNKED = "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"
            + "3;x=\"a;b\"\r\nabc\r\n10\r\n0123456789abcdef\r\n0\r\nT: 1\r\n\r\n";

    private static HttpResponse parse(String raw, int limit, int[] pieces) throws HttpFailure {
        ResponseParser p = new ResponseParser((s, h) -> limit);
        byte[] bytes = raw.getBytes(StandardCharsets.ISO_8859_1);
        int at = 0;
        for (int i = 0; at < bytes.length; i++) {
            int n = Math.min(pieces[i % pieces.length], bytes.length - at);
            ByteBuffer piece = ByteBuffer.wrap(bytes, at, n);
            if (p.feed(piece)) {
                return p.response();
            }
            at += n;
        }
        assertThat(p.endOfInput()).as("complete at end of input").isTrue();
        return p.response();
    }

    private static void sameInEveryPieceSize(String raw, int limit, String body, boolean truncated) throws HttpFailure {
        Random random = new Random(7);
        int[] randomPieces = random.ints(64, 1, 20).toArray();
        for (int[] pieces : new int[][] {{raw.length()}, {1}, {2}, {3}, randomPieces}) {
            HttpResponse r = parse(raw, limit, pieces);
            assertThat(new String(r.body(), StandardCharsets.ISO_8859_1)).isEqualTo(body);
            assertThat(r.truncated()).isEqualTo(truncated);
        }
    }

    @Test
    void chunkedInAnyPieces() throws HttpFailure {
        sameInEveryPieceSize(CHUNKED, 1000, "abc0123456789abcdef", false);
    }

    @Test
    void chunkedCutAtTheLimitInAnyPieces() throws HttpFailure {
        sameInEveryPieceSize(CHUNKED, 5, "abc01", true);
    }

    @Test
    void contentLengthInAnyPieces() throws HttpFailure {
        sameInEveryPieceSize("HTTP/1.1 404 Not Found\r\ncontent-length:  5 \r\n\r\nhello", 1000, "hello", false);
        sameInEveryPieceSize("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", 3, "hel", true);
    }

    @Test
    void untilCloseInAnyPieces() throws HttpFailure {
        sameInEveryPieceSize("HTTP/1.0 200 OK\r\n\r\nto the end", 1000, "to the end", false);
    }

    @Test
    void aStatusLineWithoutReasonPhraseIsFine() throws HttpFailure {
        assertThat(parse("HTTP/1.1 200\r\nContent-Length: 0\r\n\r\n", 10, new int[] {1}).status()).isEqualTo(200);
    }

    @Test
    void rejectsWhatIsNotHttp11() {
        assertThatThrownBy(() -> parse("HTTP/2 200 OK\r\n\r\n", 10, new int[] {100})).hasMessageContaining("status line");
        assertThatThrownBy(() -> parse("HTTP/1.1 2000 OK\r\n\r\n", 10, new int[] {100})).hasMessageContaining("status line");
        assertThatThrownBy(() -> parse("HTTP/1.1 200 OK\r\nno colon\r\n\r\n", 10, new int[] {100})).hasMessageContaining("header line");
        assertThatThrownBy(() -> parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 10, new int[] {100}))
                .hasMessageContaining("chunk size");
        assertThatThrownBy(() -> parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n", 10, new int[] {100}))
                .hasMessageContaining("chunk data longer");
        assertThatThrownBy(() -> parse("HTTP/1.1 101 Switching Protocols\r\n\r\n", 10, new int[] {100}))
                .hasMessageContaining("101");
        assertThatThrownBy(() -> parse("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", 10, new int[] {100}))
                .hasMessageContaining("Content-Length");
    }

    @Test
    void aConnectionWithBytesAfterTheResponseIsNotReused() throws HttpFailure {
        ResponseParser p = new ResponseParser((s, h) -> 100);
        ByteBuffer in = ByteBuffer.wrap("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\naEXTRA".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(p.feed(in)).isTrue();
        assertThat(p.persistent()).isFalse();
    }

    @Test
    void aTruncatedChunkedBodyIsIncompleteAtEndOfInput() throws HttpFailure {
        ResponseParser p = new ResponseParser((s, h) -> 100);
        assertThat(p.feed(ByteBuffer.wrap("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab"
                .getBytes(StandardCharsets.ISO_8859_1)))).isFalse();
        assertThat(p.endOfInput()).isFalse();
    }
}
