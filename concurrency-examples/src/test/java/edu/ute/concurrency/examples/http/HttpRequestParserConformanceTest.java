package edu.ute.concurrency.examples.http;

import static edu.ute.concurrency.examples.http.ParserFeed.error;
import static edu.ute.concurrency.examples.http.ParserFeed.request;
import static edu.ute.concurrency.examples.http.ParserFeed.results;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The parser against the grammar and the rules of RFC 9112 (message syntax) and RFC 9110
 * (semantics), one rule per test, with both sides of each rule: what must be accepted and what must
 * be refused. The section is in each test's name.
 */
class HttpRequestParserConformanceTest {

    private static final HttpServerConfig CONFIG = HttpServerConfig.defaults().withMaxBodyBytes(1000);

    private static final String NEXT = "GET /next HTTP/1.1\r\nHost: h\r\n\r\n";
    private static final String CHUNKED_HEAD = "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n";

    private static HttpRequest get(String target, String host) {
        return request(CONFIG, "GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
    }

    private static int statusOf(String target, String host) {
        return error(CONFIG, "GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n").status();
    }

    /** The paths of every request {@code text} holds, failing on an error. */
    private static Object[] paths(String text) {
        return results(CONFIG, text).stream()
                .map(r -> r instanceof HttpRequest request ? request.path() : r)
                .toArray();
    }

    // ---- percent-encoding in the request-target: RFC 9112 section 3.2, RFC 3986 section 2.1

    @Test
    void percentFollowedByTwoHexDigitsOfEitherCaseIsValid_rfc3986Section2_1() {
        HttpRequest request = get("/%41%2f%2F/%e2%82%AC?q=%20%0a", "h");
        assertThat(request.target()).isEqualTo("/%41%2f%2F/%e2%82%AC?q=%20%0a");
        assertThat(request.path()).isEqualTo("/%41%2f%2F/%e2%82%AC");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/%", "/%4", "/a%", "/%G1", "/%1G", "/%41%", "/%41%4", "/%%41", "/?q=%x0"})
    void percentNotFollowedByTwoHexDigitsIs400_rfc3986Section2_1(String target) {
        assertThat(error(CONFIG, "GET " + target + " HTTP/1.1\r\nHost: h\r\n\r\n"))
                .isEqualTo(new HttpParseError(400, "'%' not followed by two hex digits in the request-target"));
    }

    // ---- request-target forms: RFC 9112 sections 3.2.1 to 3.2.4

    @Test
    void absoluteFormGivesThePathAndKeepsTheTarget_rfc9112Section3_2_2() {
        HttpRequest request = get("http://example.com/a/b?c=d", "example.com");
        assertThat(request.target()).isEqualTo("http://example.com/a/b?c=d");
        assertThat(request.path()).isEqualTo("/a/b");
        assertThat(get("http://example.com", "example.com").path()).isEqualTo("/");
        assertThat(get("http://[::1]:8080/x", "[::1]:8080").path()).isEqualTo("/x");
        assertThat(get("https://user@example.com:443/", "example.com").path()).isEqualTo("/");
    }

    @Test
    void absoluteFormSchemeMayHoldLettersDigitsPlusMinusAndDot_rfc3986Section3_1() {
        assertThat(get("svn+ssh.v-2://host/repo", "host").path()).isEqualTo("/repo");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://", "http:///a", "http://?q", "://h/", "h_t://h/", "ht%74p://h/", "example.com/a"})
    void absoluteFormWithoutAuthorityOrWithABadSchemeIs400_rfc9112Section3_2_2(String target) {
        assertThat(statusOf(target, "h")).isEqualTo(400);
    }

    @Test
    void asteriskFormIsForOptionsOnly_rfc9112Section3_2_4() {
        assertThat(request(CONFIG, "OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n").path()).isEqualTo("*");
        assertThat(error(CONFIG, "GET * HTTP/1.1\r\nHost: h\r\n\r\n").status()).isEqualTo(400);
    }

    @Test
    void authorityFormIsForConnectOnly_rfc9112Section3_2_3() {
        assertThat(request(CONFIG, "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n").path())
                .isEqualTo("example.com:443");
        assertThat(error(CONFIG, "GET example.com:443 HTTP/1.1\r\nHost: example.com\r\n\r\n").status()).isEqualTo(400);
    }

    // ---- Host: RFC 9110 section 7.2, uri-host [ ":" port ] with uri-host from RFC 3986 section 3.2.2

    // an empty reg-name is grammatical, so ":80" is a valid Host too
    @ParameterizedTest
    @ValueSource(strings = {"[::1]", "[::1]:8080", "[2001:DB8::7]:80", "[::ffff:192.0.2.128]", "[v7.fe80::1]", "[::1]:", ":80"})
    void bracketedIpLiteralsAndAnEmptyRegNameAreValidHosts_rfc3986Section3_2_2(String host) {
        assertThat(get("/", host).field("host")).isEqualTo(host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"::1", "[::1", "[]", "[::1]x", "[::1]8080", "[::1]:80a", "[::g]", "[fe80::1%25eth0]", "[::1]]"})
    void malformedIpLiteralsAre400_rfc9112Section3_2(String host) {
        assertThat(statusOf("/", host)).isEqualTo(400);
    }

    @Test
    void regNameMayHoldUnreservedSubDelimsAndPercentEncoding_rfc3986Section3_2_2() {
        String host = "a-b.c_d~e!f$g&h'i(j)k*l+m,n;o=p%41:8080";
        assertThat(get("/", host).field("host")).isEqualTo(host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"b\u00fccher.example", "a/b", "a@b", "a:8080:1", "a:-1"})
    void regNameOutsideItsAsciiCharacterSetOrABadPortIs400_rfc3986Section3_2_2(String host) {
        assertThat(statusOf("/", host)).isEqualTo(400);
    }

    // ---- Content-Length: RFC 9110 section 8.6, RFC 9112 section 6.3

    @ParameterizedTest
    @ValueSource(strings = {"0, 5", "5, 0", "0,5", "5, 5, 0"})
    void listOfDifferentContentLengthsIs400EvenWhenOneIsZero_rfc9112Section6_3(String value) {
        // a front end that takes the first value and a back end that takes the last would frame
        // this message differently: a request smuggling shape
        assertThat(error(CONFIG, "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: " + value + "\r\n\r\nhello"))
                .isEqualTo(new HttpParseError(400, "conflicting Content-Length values"));
    }

    @Test
    void contentLengthLinesThatDisagreeAre400_rfc9112Section6_3() {
        assertThat(error(CONFIG, "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\nContent-Length: 5\r\n\r\nhello"))
                .isEqualTo(new HttpParseError(400, "conflicting Content-Length values"));
    }

    @Test
    void repeatedZeroContentLengthMeansNoContent_rfc9110Section8_6() {
        assertThat(paths("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 0, 0\r\n\r\n" + NEXT))
                .containsExactly("/", "/next");
    }

    @Test
    void contentLengthOfEighteenDigitsIsParsedNineteenAreRefused_rfc9110Section8_6() {
        // "a recipient MUST anticipate potentially large decimal numerals and prevent parsing errors
        // due to integer conversion overflows": 18 decimal digits always fit in a long
        assertThat(paths("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 000000000000000005\r\n\r\nhello" + NEXT))
                .containsExactly("/", "/next");
        assertThat(error(CONFIG, "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 0000000000000000005\r\n\r\nhello"))
                .isEqualTo(new HttpParseError(400, "invalid Content-Length '0000000000000000005'"));
    }

    @Test
    void contentLengthIsDecimal_rfc9110Section8_6() {
        assertThat(paths("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 9\r\n\r\n123456789" + NEXT))
                .containsExactly("/", "/next");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+5", "5 5", "0x5", "5.0", "-0"})
    void contentLengthThatIsNotOnlyDigitsIs400_rfc9110Section8_6(String value) {
        assertThat(error(CONFIG, "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: " + value + "\r\n\r\n").status())
                .isEqualTo(400);
    }

    /** Content-Length = 1*DIGIT: an empty value (or a list of nothing) is no length at all, so 400. */
    @ParameterizedTest
    @ValueSource(strings = {"", " ", ",", " , "})
    void contentLengthWithNoDigitsIs400_rfc9110Section8_6(String value) {
        assertThat(error(CONFIG, "POST / HTTP/1.1\r\nHost: h\r\nContent-Length:" + value + "\r\n\r\nhello").status())
                .isEqualTo(400);
    }

    // ---- chunked transfer coding: RFC 9112 section 7.1

    @Test
    void transferCodingNamesAreCaseInsensitive_rfc9112Section7() {
        String text = "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: Chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n" + NEXT;
        assertThat(paths(text)).containsExactly("/", "/next");
    }

    @Test
    void transferEncodingListedOverTwoFieldLinesIsOneList_rfc9110Section5_3() {
        String text = "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n";
        assertThat(error(CONFIG, text)).isEqualTo(new HttpParseError(501, "transfer coding 'gzip' is not implemented"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5;name=value", "5;name=\"quoted;value\"", "5 ;name = value", "5\t;a;b=c", "5;flag"})
    void chunkExtensionsAreIgnored_rfc9112Section7_1_1(String sizeLine) {
        String text = CHUNKED_HEAD + sizeLine + "\r\nhello\r\n0;last=chunk\r\n\r\n" + NEXT;
        assertThat(paths(text)).containsExactly("/", "/next");
    }

    @Test
    void controlByteInAChunkExtensionIs400_rfc9112Section7_1_1() {
        assertThat(error(CONFIG, CHUNKED_HEAD + "5;a\u0001b\r\nhello\r\n0\r\n\r\n"))
                .isEqualTo(new HttpParseError(400, "control byte 0x01 in a chunk extension"));
        assertThat(error(CONFIG, CHUNKED_HEAD + "5;a\u007fb\r\nhello\r\n0\r\n\r\n").status()).isEqualTo(400);
        assertThat(paths(CHUNKED_HEAD + "5;a=\tb\u0080\r\nhello\r\n0\r\n\r\n" + NEXT)).containsExactly("/", "/next");
    }

    @Test
    void bareCrInAChunkSizeLineIs400_rfc9112Section2_2() {
        assertThat(error(CONFIG, CHUNKED_HEAD + "5;a\rhello").status()).isEqualTo(400);
        assertThat(error(CONFIG, CHUNKED_HEAD + "5\rhello").status()).isEqualTo(400);
    }

    @Test
    void chunkedMessageWithBareLineFeedsIsParsed_rfc9112Section2_2() {
        String text = CHUNKED_HEAD + "5;x\nhello\n0\nX: 1\n\n" + NEXT;
        assertThat(paths(text)).containsExactly("/", "/next");
    }

    @Test
    void bareLineFeedEndsALineWithTheSameChecksAsCrLf_rfc9112Section2_2() {
        assertThat(error(CONFIG, "GET / HTTP/2.0\n\n").status()).isEqualTo(505);
        HttpParseError tooLarge = new HttpParseError(413, "chunked content larger than the limit of 1000 bytes");
        assertThat(error(CONFIG, CHUNKED_HEAD + "3E9\n")).isEqualTo(tooLarge);
        assertThat(error(CONFIG, CHUNKED_HEAD + "3E9;x\n")).isEqualTo(tooLarge);
    }

    @Test
    void chunkSizeIsHexDigitsOnly_rfc9112Section7_1() {
        assertThat(error(CONFIG, CHUNKED_HEAD + "5x\r\nhello\r\n"))
                .isEqualTo(new HttpParseError(400, "byte 0x78 in a chunk size"));
    }

    @Test
    void chunkDataMustEndInALineEnd_rfc9112Section7_1() {
        assertThat(error(CONFIG, CHUNKED_HEAD + "3\r\nabc\rX").status()).isEqualTo(400);
        assertThat(error(CONFIG, CHUNKED_HEAD + "3\r\nabcd\r\n").status()).isEqualTo(400);
    }

    @Test
    void trailerFieldsAreReadAndDiscarded_rfc9112Section7_1_2() {
        String text = CHUNKED_HEAD + "3\r\nabc\r\n0\r\nExpires: Sun, 06 Nov 1994 08:49:37 GMT\r\nX-Sum:\t1\r\n\r\n" + NEXT;
        assertThat(paths(text)).containsExactly("/", "/next");
    }

    @Test
    void controlByteOrBareCrInATrailerIs400_rfc9112Section7_1_2() {
        assertThat(error(CONFIG, CHUNKED_HEAD + "0\r\nX: a\u0000b\r\n\r\n"))
                .isEqualTo(new HttpParseError(400, "control byte 0x00 in a trailer field"));
        assertThat(error(CONFIG, CHUNKED_HEAD + "0\r\n\u0001: a\r\n\r\n").status()).isEqualTo(400);
        assertThat(error(CONFIG, CHUNKED_HEAD + "0\r\nX: a\u007f\r\n\r\n").status()).isEqualTo(400);
        assertThat(error(CONFIG, CHUNKED_HEAD + "0\r\nX: a\rb\r\n\r\n").status()).isEqualTo(400);
        assertThat(error(CONFIG, CHUNKED_HEAD + "0\r\nX: a\r\n\rb").status()).isEqualTo(400);
    }

    @Test
    void contentIsReadInTheContentPhase() {
        HttpRequestParser parser = new HttpRequestParser(CONFIG);
        assertThat(parser.parse(ascii(CHUNKED_HEAD + "3\r\nab"))).isNull();
        assertThat(parser.phase()).isEqualTo(HttpRequestParser.Phase.CONTENT);
        assertThat(parser.parse(ascii("c\r\n0\r\nX: 1\r\n"))).isNull();
        assertThat(parser.phase()).isEqualTo(HttpRequestParser.Phase.CONTENT);
        assertThat(parser.parse(ascii("\r\n"))).isInstanceOf(HttpRequest.class);
        assertThat(parser.phase()).isEqualTo(HttpRequestParser.Phase.IDLE);
    }

    // ---- the start of a message: RFC 9112 section 2.2

    @Test
    void anEmptyLineBeforeTheRequestLineStartsTheHeaderTimeout_rfc9112Section2_2() {
        HttpRequestParser parser = new HttpRequestParser(CONFIG);
        assertThat(parser.parse(ascii("\r\n"))).isNull();
        assertThat(parser.phase()).isEqualTo(HttpRequestParser.Phase.HEAD);
    }

    @Test
    void bareCrBeforeTheRequestLineIs400_rfc9112Section2_2() {
        assertThat(error(CONFIG, "\rGET / HTTP/1.1\r\nHost: h\r\n\r\n"))
                .isEqualTo(new HttpParseError(400, "bare CR before the request line"));
    }

    // ---- field lines: RFC 9112 section 5, RFC 9110 section 5.5

    @Test
    void whitespaceAroundAFieldValueIsNotPartOfIt_rfc9110Section5_5() {
        HttpRequest request = request(CONFIG, "GET / HTTP/1.1\r\nHost: h\r\nX-Long: " + "z".repeat(40)
                + "\r\nY: \t a b \t \r\nAbc: x\r\nZ:  \r\n\r\n");
        assertThat(request.field("y")).isEqualTo("a b");
        assertThat(request.field("z")).isEmpty();
    }

    @Test
    void aLongFieldValueIsKeptWhole() {
        String value = "v".repeat(3000);
        assertThat(request(CONFIG, "GET / HTTP/1.1\r\nHost: h\r\nX: " + value + "\r\n\r\n").field("x")).isEqualTo(value);
    }

    /** Requests refused with 400, each with the message that says what is wrong and where. */
    static Stream<Arguments> refusals() {
        String head = "GET / HTTP/1.1\r\nHost: h\r\n";
        return Stream.of(
                Arguments.of(" / HTTP/1.1\r\n", "request line starts with whitespace"),
                Arguments.of("G\u0001T / HTTP/1.1\r\n", "byte 0x01 cannot be part of a method (request line byte 2)"),
                Arguments.of("GET /\r\n", "request line has no HTTP version (HTTP/0.9 requests are not supported)"),
                Arguments.of("GET /\n", "request line has no HTTP version (HTTP/0.9 requests are not supported)"),
                Arguments.of("GET /a\u007f HTTP/1.1\r\n", "byte 0x7f is not allowed in a request-target (request line byte 7)"),
                Arguments.of("GET %zz HTTP/1.1\r\n", "'%' not followed by two hex digits in the request-target"),
                Arguments.of("GET / HTTP/1.1\r\n Host: h\r\n", "whitespace between the request line and the first header field"),
                Arguments.of(head + " X: 1\r\n", "obsolete line folding (header line 2 starts with whitespace)"),
                Arguments.of(head + "(X: 1\r\n", "byte 0x28 cannot start a field name (header field 2)"),
                Arguments.of(head + "X\t: 1\r\n", "whitespace before ':' in header field 2"),
                Arguments.of(head + "X : 1\r\n", "whitespace before ':' in header field 2"),
                Arguments.of(head + "X(: 1\r\n", "byte 0x28 in the name of header field 2"),
                Arguments.of(head + "X: a\u0001\r\n", "control byte 0x01 in the value of header field 2"),
                Arguments.of(head + "X: a\rb\r\n", "bare CR in header field 2"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void refusalSaysWhatIsWrongAndWhere_rfc9112Section5(String text, String message) {
        assertThat(error(CONFIG, text + "\r\n")).isEqualTo(new HttpParseError(400, message));
    }

    // ---- Expect: RFC 9110 section 10.1.1

    @Test
    void expectIsIgnoredInHttp10_rfc9110Section10_1_1() {
        HttpRequest request = request(CONFIG, "POST / HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nok");
        assertThat(request.contentUnread()).isFalse();
        assertThat(request(CONFIG, "GET / HTTP/1.0\r\nExpect: something-else\r\n\r\n").minorVersion()).isZero();
    }

    @Test
    void expectationNameIsCaseInsensitive_rfc9110Section10_1_1() {
        HttpRequest request = request(CONFIG, "POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-Continue\r\nContent-Length: 5\r\n\r\n");
        assertThat(request.contentUnread()).isTrue();
    }

    @Test
    void expectContinueWithoutContentIsAnOrdinaryRequest_rfc9110Section10_1_1() {
        HttpRequest request = request(CONFIG, "GET / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\n\r\n");
        assertThat(request.contentUnread()).isFalse();
        assertThat(request.keepAlive()).isTrue();
    }

    @Test
    void afterARequestWhoseContentWasLeftUnreadNothingMoreIsParsed() {
        HttpRequestParser parser = new HttpRequestParser(CONFIG);
        String head = "POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n";
        assertThat(parser.parse(ascii(head))).isInstanceOf(HttpRequest.class);
        ByteBuffer more = ascii("hello" + NEXT);
        assertThat(parser.parse(more)).isNull();
        assertThat(more.position()).isZero();
    }

    // ---- persistence: RFC 9112 section 9.3

    @Test
    void connectionOptionsAreCaseInsensitiveAndCloseWins_rfc9112Section9_3() {
        assertThat(request(CONFIG, "GET / HTTP/1.1\r\nHost: h\r\nConnection: Close\r\n\r\n").keepAlive()).isFalse();
        assertThat(request(CONFIG, "GET / HTTP/1.0\r\nConnection: keep-alive, close\r\n\r\n").keepAlive()).isFalse();
    }

    private static ByteBuffer ascii(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
