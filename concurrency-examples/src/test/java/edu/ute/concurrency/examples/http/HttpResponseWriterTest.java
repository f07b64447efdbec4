package edu.ute.concurrency.examples.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpResponseWriterTest {

    /** RFC 9110 section 5.6.7's own example date. */
    private final HttpResponseWriter writer =
            new HttpResponseWriter(Clock.fixed(Instant.parse("1994-11-06T08:49:37Z"), ZoneOffset.UTC));

    @Test
    void writesStatusLineHeadersAndContent() {
        byte[] content = "<p>é</p>".getBytes(StandardCharsets.UTF_8);
        String message = new String(writer.encode(new HttpResponse(200, "text/html; charset=utf-8", List.of(),
                content, false, false)), StandardCharsets.UTF_8);
        assertThat(message).isEqualTo("""
                HTTP/1.1 200 OK\r
                Date: Sun, 06 Nov 1994 08:49:37 GMT\r
                Server: ute-concurrency\r
                Content-Type: text/html; charset=utf-8\r
                Content-Length: 9\r
                Connection: keep-alive\r
                \r
                <p>é</p>""");
    }

    @Test
    void headKeepsTheContentLengthButSendsNoContent() {
        String message = new String(writer.encode(new HttpResponse(200, "text/plain", List.of(),
                new byte[123], true, true)), StandardCharsets.US_ASCII);
        assertThat(message).contains("Content-Length: 123\r\n").contains("Connection: close\r\n").endsWith("\r\n\r\n");
    }

    @Test
    void methodNotAllowedCarriesAllow() {
        String message = new String(writer.encode(DemoSite.errorPage(405, "no", List.of(new HttpField("Allow", "GET, HEAD")),
                false, false)), StandardCharsets.UTF_8);
        assertThat(message).startsWith("HTTP/1.1 405 Method Not Allowed\r\n").contains("\r\nAllow: GET, HEAD\r\n");
    }

    @Test
    void dateDayOfMonthHasTwoDigits() {
        HttpResponseWriter early = new HttpResponseWriter(Clock.fixed(Instant.parse("2026-03-01T00:00:05Z"), ZoneOffset.UTC));
        assertThat(early.date()).isEqualTo("Sun, 01 Mar 2026 00:00:05 GMT");
    }
}
