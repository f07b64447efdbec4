package edu.ute.concurrency.examples.http;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Turns an {@link HttpResponse} into the bytes of an HTTP/1.1 response message. Shared by the three
 * servers of this package, so all of them send exactly the same bytes.
 *
 * <pre>{@code
 * HttpResponseWriter writer = new HttpResponseWriter();
 * byte[] bytes = writer.encode(response);   // status line, headers, CRLF, content
 * out.write(bytes);
 * }</pre>
 *
 * <p>Every response carries {@code Date} in IMF-fixdate ({@code Sun, 06 Nov 1994 08:49:37 GMT}, RFC
 * 9110 section 5.6.7), {@code Content-Length} (also on HEAD, where it is the length the GET would
 * send, and on errors), and {@code Connection: keep-alive} or {@code close}, so that a client always
 * knows where the response ends and whether the connection stays open.
 *
 * <p>Thread-safe: the formatted date is cached for the current second in a volatile field, because
 * formatting a date per response is a measurable share of a small response's cost.
 */
public final class HttpResponseWriter {

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private record CachedDate(long epochSecond, String text) {
    }

    private final Clock clock;
    private volatile CachedDate cachedDate = new CachedDate(Long.MIN_VALUE, "");

    /** A writer dating responses with the system clock. */
    public HttpResponseWriter() {
        this(Clock.systemUTC());
    }

    /** A writer dating responses with {@code clock} (tests use a fixed clock). */
    public HttpResponseWriter(Clock clock) {
        this.clock = clock;
    }

    /** The complete response message: status line, header fields, empty line, content unless HEAD. */
    public byte[] encode(HttpResponse response) {
        StringBuilder head = new StringBuilder(192);
        head.append("HTTP/1.1 ").append(response.status()).append(' ')
                .append(reasonPhrase(response.status())).append("\r\n");
        head.append("Date: ").append(date()).append("\r\n");
        head.append("Server: ute-concurrency\r\n");
        if (response.contentType() != null) {
            head.append("Content-Type: ").append(response.contentType()).append("\r\n");
        }
        head.append("Content-Length: ").append(response.content().length).append("\r\n");
        for (HttpField field : response.extraFields()) {
            head.append(field.name()).append(": ").append(field.value()).append("\r\n");
        }
        head.append("Connection: ").append(response.close() ? "close" : "keep-alive").append("\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (response.headOnly() || response.content().length == 0) {
            return headBytes;
        }
        byte[] message = new byte[headBytes.length + response.content().length];
        System.arraycopy(headBytes, 0, message, 0, headBytes.length);
        System.arraycopy(response.content(), 0, message, headBytes.length, response.content().length);
        return message;
    }

    /** The current time in IMF-fixdate, formatted at most once per second. */
    String date() {
        Instant now = clock.instant();
        CachedDate cached = cachedDate;
        if (cached.epochSecond() != now.getEpochSecond()) {
            // benign race: two threads may both format the same second; either result is right
            cached = new CachedDate(now.getEpochSecond(), IMF_FIXDATE.format(now));
            cachedDate = cached;
        }
        return cached.text();
    }

    /** The reason phrase of the status codes this server sends (RFC 9110 section 15). */
    public static String reasonPhrase(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 417 -> "Expectation Failed";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            case 505 -> "HTTP Version Not Supported";
            default -> "Status " + status;
        };
    }
}
