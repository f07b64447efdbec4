package edu.ute.concurrency.examples.http;

import static edu.ute.concurrency.examples.http.ParserFeed.bytesReadBeforeError;
import static edu.ute.concurrency.examples.http.ParserFeed.error;
import static edu.ute.concurrency.examples.http.ParserFeed.request;
import static edu.ute.concurrency.examples.http.ParserFeed.results;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Every limit of the parser, tried exactly at the limit (accepted) and one byte past it (refused,
 * at that byte). These limits are what keeps a hostile client from making the server buffer or
 * count without end, so each is pinned at its boundary rather than somewhere far beyond it.
 */
class HttpRequestParserLimitsTest {

    private static final int LIMIT = 64; // the smallest limit HttpServerConfig allows

    private static final HttpServerConfig SMALL = HttpServerConfig.defaults()
            .withMaxRequestLineBytes(LIMIT)
            .withMaxHeaderBytes(LIMIT)
            .withMaxHeaderFields(3)
            .withMaxBodyBytes(1000);

    private static final String NEXT = "GET /next HTTP/1.1\r\nHost: h\r\n\r\n";
    private static final String CHUNKED_HEAD = "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n";

    // ---- request line: RFC 9112 section 3, request-line = method SP request-target SP HTTP-version

    /** "GET " + a target of {@code targetLength} bytes + " HTTP/1.1": 13 bytes besides the target. */
    private static String requestLine(int targetLength) {
        return "GET /" + "a".repeat(targetLength - 1) + " HTTP/1.1";
    }

    @Test
    void requestLineOfExactlyTheLimitIsAccepted_rfc9112Section3() {
        String line = requestLine(LIMIT - 13);
        assertThat(line).hasSize(LIMIT);
        assertThat(request(SMALL, line + "\r\nHost: h\r\n\r\n").target()).hasSize(LIMIT - 13);
        // the line end is not part of the request line, whichever of the two a client sends
        assertThat(request(SMALL, line + "\nHost: h\n\n").target()).hasSize(LIMIT - 13);
    }

    @Test
    void requestLineOneByteOverIs414AtTheLastByteOfTheVersion_rfc9112Section3() {
        String text = requestLine(LIMIT - 12) + "\r\nHost: h\r\n\r\n";
        assertThat(error(SMALL, text)).isEqualTo(new HttpParseError(414, "request line longer than 64 bytes"));
        assertThat(bytesReadBeforeError(SMALL, text)).isEqualTo(LIMIT + 1);
    }

    @Test
    void requestLineCrossingTheLimitInsideTheTargetIs414AtThatByte_rfc9112Section3() {
        String text = requestLine(LIMIT) + "\r\nHost: h\r\n\r\n";
        assertThat(error(SMALL, text).status()).isEqualTo(414);
        assertThat(bytesReadBeforeError(SMALL, text)).isEqualTo(LIMIT + 1);
    }

    @Test
    void methodOfSixteenBytesIsParsedAndSeventeenIs501_rfc9112Section3() {
        assertThat(request(SMALL, "ABCDEFGHIJKLMNOP / HTTP/1.1\r\nHost: h\r\n\r\n").method())
                .isEqualTo("ABCDEFGHIJKLMNOP");
        assertThat(error(SMALL, "ABCDEFGHIJKLMNOPQ / HTTP/1.1\r\nHost: h\r\n\r\n").status()).isEqualTo(501);
    }

    // ---- empty lines before the request line: RFC 9112 section 2.2 says to ignore at least one

    @Test
    void sixtyFourBytesOfEmptyLinesAreIgnored_rfc9112Section2_2() {
        assertThat(request(SMALL, "\n".repeat(64) + NEXT).path()).isEqualTo("/next");
        assertThat(request(SMALL, "\r\n".repeat(32) + NEXT).path()).isEqualTo("/next");
    }

    @Test
    void theSixtyFifthByteOfEmptyLinesIs400_rfc9112Section2_2() {
        HttpParseError expected = new HttpParseError(400, "too many empty lines before the request line");
        assertThat(error(SMALL, "\n".repeat(65) + NEXT)).isEqualTo(expected);
        assertThat(bytesReadBeforeError(SMALL, "\n".repeat(65) + NEXT)).isEqualTo(65);
        assertThat(error(SMALL, "\r\n".repeat(32) + "\r\n" + NEXT)).isEqualTo(expected);
        assertThat(bytesReadBeforeError(SMALL, "\r\n".repeat(32) + "\r\n" + NEXT)).isEqualTo(65);
    }

    @Test
    void eachPipelinedRequestMayBePrecededByEmptyLines_rfc9112Section2_2() {
        String text = "\n".repeat(40) + NEXT + "\n".repeat(40) + NEXT;
        assertThat(results(SMALL, text)).hasSize(2).allMatch(HttpRequest.class::isInstance);
    }

    // ---- header section: 431 (RFC 6585 section 5) when the field lines exceed the limit

    @Test
    void headerFieldLinesOfExactlyTheLimitAreAccepted() {
        String fields = "Host: h\r\nX: " + "v".repeat(50) + "\r\n";
        assertThat(fields).hasSize(LIMIT);
        assertThat(request(SMALL, "GET / HTTP/1.1\r\n" + fields + "\r\n").field("x")).hasSize(50);
        String bareLf = "Host: h\nX: " + "v".repeat(52) + "\n";
        assertThat(bareLf).hasSize(LIMIT);
        assertThat(request(SMALL, "GET / HTTP/1.1\n" + bareLf + "\n").field("x")).hasSize(52);
    }

    @Test
    void headerFieldLinesOneByteOverAre431AtThatByte() {
        String head = "GET / HTTP/1.1\r\n";
        String text = head + "Host: h\r\nX: " + "v".repeat(51) + "\r\n\r\n";
        assertThat(error(SMALL, text)).isEqualTo(new HttpParseError(431, "header section larger than 64 bytes"));
        assertThat(bytesReadBeforeError(SMALL, text)).isEqualTo(head.length() + LIMIT + 1);
    }

    @Test
    void headerSectionCrossingTheLimitInAFieldNameIs431AtThatByte() {
        String head = "GET / HTTP/1.1\r\n";
        String text = head + "Host: h\r\n" + "N".repeat(60) + ": v\r\n\r\n";
        assertThat(error(SMALL, text).status()).isEqualTo(431);
        assertThat(bytesReadBeforeError(SMALL, text)).isEqualTo(head.length() + LIMIT + 1);
    }

    @Test
    void exactlyTheMaximumNumberOfFieldsIsAcceptedOneMoreIs431() {
        assertThat(request(SMALL, "GET / HTTP/1.1\r\nHost: h\r\nA: 1\r\nB: 2\r\n\r\n").fields()).hasSize(3);
        assertThat(error(SMALL, "GET / HTTP/1.1\r\nHost: h\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n"))
                .isEqualTo(new HttpParseError(431, "more than 3 header fields"));
    }

    // ---- content: 413 (RFC 9110 section 15.5.14) beyond maxBodyBytes

    @Test
    void contentLengthOfExactlyTheLimitIsReadAndTheNextRequestFound_rfc9112Section6_2() {
        String text = "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1000\r\n\r\n" + "x".repeat(1000) + NEXT;
        assertThat(results(SMALL, text)).hasSize(2)
                .extracting(r -> ((HttpRequest) r).path()).containsExactly("/", "/next");
    }

    @Test
    void contentLengthOneOverTheLimitIs413BeforeAnyContentIsRead() {
        String head = "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1001\r\n\r\n";
        assertThat(error(SMALL, head + "x".repeat(1001)))
                .isEqualTo(new HttpParseError(413, "content of 1001 bytes is larger than the limit of 1000 bytes"));
        assertThat(bytesReadBeforeError(SMALL, head + "x".repeat(1001))).isEqualTo(head.length());
    }

    @Test
    void chunkedContentOfExactlyTheLimitIsAccepted_rfc9112Section7_1() {
        String text = CHUNKED_HEAD + "1f4\r\n" + "x".repeat(500) + "\r\n1F4\r\n" + "y".repeat(500) + "\r\n0\r\n\r\n" + NEXT;
        assertThat(results(SMALL, text)).hasSize(2).allMatch(HttpRequest.class::isInstance);
    }

    @Test
    void chunksAddingUpToMoreThanTheLimitAre413AtTheSizeLineThatCrossesIt_rfc9112Section7_1() {
        String first = CHUNKED_HEAD + "258\r\n" + "x".repeat(600) + "\r\n";
        String text = first + "258\r\n" + "y".repeat(600) + "\r\n0\r\n\r\n";
        assertThat(error(SMALL, text))
                .isEqualTo(new HttpParseError(413, "chunked content larger than the limit of 1000 bytes"));
        assertThat(bytesReadBeforeError(SMALL, text)).isEqualTo(first.length() + "258\r\n".length());
    }

    @Test
    void chunkSizeOfFifteenHexDigitsIsParsedSixteenAreRefused_rfc9112Section7_1() {
        // "Recipients MUST anticipate potentially large hexadecimal numerals and prevent parsing
        // errors due to integer conversion overflows": 15 hex digits always fit in a long
        String fifteen = CHUNKED_HEAD + "00000000000000a\r\n0123456789\r\n0\r\n\r\n" + NEXT;
        assertThat(results(SMALL, fifteen)).hasSize(2).allMatch(HttpRequest.class::isInstance);
        String sixteen = CHUNKED_HEAD + "000000000000000a\r\n0123456789\r\n0\r\n\r\n";
        assertThat(error(SMALL, sixteen)).isEqualTo(new HttpParseError(413, "chunk size with more than 15 hex digits"));
    }

    @Test
    void theLargestFifteenDigitChunkSizeIsTooLargeNotAnOverflow_rfc9112Section7_1() {
        assertThat(error(SMALL, CHUNKED_HEAD + "fffffffffffffff\r\n"))
                .isEqualTo(new HttpParseError(413, "chunked content larger than the limit of 1000 bytes"));
    }

    @Test
    void chunkExtensionOfExactlyTheLimitIsIgnoredOneByteMoreIs400_rfc9112Section7_1_1() {
        String accepted = CHUNKED_HEAD + "5;" + "e".repeat(LIMIT) + "\r\nhello\r\n0\r\n\r\n" + NEXT;
        assertThat(results(SMALL, accepted)).hasSize(2).allMatch(HttpRequest.class::isInstance);
        String refused = CHUNKED_HEAD + "5;" + "e".repeat(LIMIT + 1) + "\r\nhello\r\n0\r\n\r\n";
        assertThat(error(SMALL, refused)).isEqualTo(new HttpParseError(400, "chunk extension longer than 64 bytes"));
        assertThat(bytesReadBeforeError(SMALL, refused)).isEqualTo(CHUNKED_HEAD.length() + 2 + LIMIT + 1);
    }

    // ---- trailer section: RFC 9112 section 7.1.2, held to the header section's limit

    @Test
    void trailerFieldLinesOfExactlyTheLimitAreAccepted_rfc9112Section7_1_2() {
        String trailer = "A: 1\r\nX: " + "v".repeat(53) + "\r\n";
        assertThat(trailer).hasSize(LIMIT);
        String text = CHUNKED_HEAD + "0\r\n" + trailer + "\r\n" + NEXT;
        assertThat(results(SMALL, text)).hasSize(2).allMatch(HttpRequest.class::isInstance);
    }

    @Test
    void trailerFieldLinesOneByteOverAre431AtThatByte_rfc9112Section7_1_2() {
        String before = CHUNKED_HEAD + "0\r\n";
        String text = before + "A: 1\r\nX: " + "v".repeat(54) + "\r\n\r\n";
        assertThat(error(SMALL, text)).isEqualTo(new HttpParseError(431, "trailer section larger than 64 bytes"));
        assertThat(bytesReadBeforeError(SMALL, text)).isEqualTo(before.length() + LIMIT + 1);
    }

    @Test
    void trailerCrossingTheLimitInsideAFieldIs431AtThatByte_rfc9112Section7_1_2() {
        String before = CHUNKED_HEAD + "0\r\n";
        String text = before + "X: " + "v".repeat(100) + "\r\n\r\n";
        assertThat(error(SMALL, text).status()).isEqualTo(431);
        assertThat(bytesReadBeforeError(SMALL, text)).isEqualTo(before.length() + LIMIT + 1);
    }
}
