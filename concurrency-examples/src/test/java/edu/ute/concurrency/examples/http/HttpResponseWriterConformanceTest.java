package edu.ute.concurrency.examples.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The writer's output against RFC 9112 section 4 (status line) and RFC 9110 (fields and content). */
class HttpResponseWriterConformanceTest {

    private static String text(byte[] message) {
        return new String(message, StandardCharsets.ISO_8859_1);
    }

    private static HttpResponse response(int status, String contentType, byte[] content, boolean headOnly) {
        return new HttpResponse(status, contentType, List.of(), content, headOnly, false);
    }

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now;

        ManualClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            200 | OK
            400 | Bad Request
            404 | Not Found
            405 | Method Not Allowed
            408 | Request Timeout
            413 | Content Too Large
            414 | URI Too Long
            417 | Expectation Failed
            431 | Request Header Fields Too Large
            500 | Internal Server Error
            501 | Not Implemented
            503 | Service Unavailable
            505 | HTTP Version Not Supported
            """)
    void statusLineCarriesTheReasonPhraseOfRfc9110Section15(int status, String phrase) {
        assertThat(HttpResponseWriter.reasonPhrase(status)).isEqualTo(phrase);
        byte[] message = new HttpResponseWriter().encode(response(status, null, new byte[0], false));
        assertThat(text(message)).startsWith("HTTP/1.1 " + status + " " + phrase + "\r\n");
    }

    @Test
    void statusWithoutAKnownPhraseStillHasAReasonPhrase_rfc9112Section4() {
        // reason-phrase is optional text a client must ignore; the line keeps its SP either way
        assertThat(HttpResponseWriter.reasonPhrase(418)).isEqualTo("Status 418");
    }

    @Test
    void emptyContentIsTheHeadAloneWithContentLengthZero_rfc9110Section8_6() {
        HttpResponseWriter writer = new HttpResponseWriter(Clock.fixed(Instant.parse("1994-11-06T08:49:37Z"), ZoneOffset.UTC));
        assertThat(text(writer.encode(new HttpResponse(200, null, List.of(), new byte[0], false, true)))).isEqualTo("""
                HTTP/1.1 200 OK\r
                Date: Sun, 06 Nov 1994 08:49:37 GMT\r
                Server: ute-concurrency\r
                Content-Length: 0\r
                Connection: close\r
                \r
                """);
    }

    @Test
    void extraFieldsFollowContentLengthInTheGivenOrder() {
        HttpResponse response = new HttpResponse(405, "text/plain", List.of(new HttpField("Allow", "GET, HEAD"),
                new HttpField("Retry-After", "5")), "no".getBytes(StandardCharsets.US_ASCII), false, false);
        String message = text(new HttpResponseWriter().encode(response));
        assertThat(message).containsSubsequence("Content-Length: 2\r\n", "Allow: GET, HEAD\r\n",
                "Retry-After: 5\r\n", "Connection: keep-alive\r\n\r\nno");
        assertThat(message).endsWith("\r\n\r\nno");
    }

    @Test
    void headAnswerIsTheGetHeadWithoutContent_rfc9110Section9_3_2() {
        HttpResponseWriter writer = new HttpResponseWriter(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        byte[] content = "hello".getBytes(StandardCharsets.US_ASCII);
        String get = text(writer.encode(response(200, "text/plain", content, false)));
        String head = text(writer.encode(response(200, "text/plain", content, true)));
        assertThat(get).isEqualTo(head + "hello");
    }

    @Test
    void dateIsFormattedOncePerSecondAndFollowsTheClock_rfc9110Section6_6_1() {
        ManualClock clock = new ManualClock(Instant.parse("2026-12-31T23:59:59.100Z"));
        HttpResponseWriter writer = new HttpResponseWriter(clock);
        String first = writer.date();
        assertThat(first).isEqualTo("Thu, 31 Dec 2026 23:59:59 GMT");
        clock.advance(Duration.ofMillis(800));
        assertThat(writer.date()).isSameAs(first);
        clock.advance(Duration.ofMillis(100));
        assertThat(writer.date()).isEqualTo("Fri, 01 Jan 2027 00:00:00 GMT");
        assertThat(text(writer.encode(response(200, null, new byte[0], false))))
                .contains("\r\nDate: Fri, 01 Jan 2027 00:00:00 GMT\r\n");
    }
}
