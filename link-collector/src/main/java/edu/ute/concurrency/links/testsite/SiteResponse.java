package edu.ute.concurrency.links.testsite;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * One response of the test site: a status, a content type, an optional Location, other headers, and
 * a body that is sent whole, sent forever slowly ({@link Shape#HANGING}), or generated up to a large
 * size ({@link Shape#HUGE}) without being held in memory. Immutable.
 *
 * @param status      HTTP status
 * @param contentType Content-Type header, or null for none
 * @param location    Location header, or null. Sent byte for byte as its chars (ISO-8859-1), so
 *                    {@link #rawUtf8(String)} can put raw UTF-8 on the wire, as some servers do
 * @param body        the body (for HUGE: the first bytes; for HANGING: what is sent before the stall)
 * @param tail        HUGE only: the last bytes, after the filler
 * @param totalBytes  HUGE only: the full length
 * @param shape       how the body is sent
 * @param headers     further headers, in order (values sent as ISO-8859-1, like {@code location})
 */
public record SiteResponse(int status, String contentType, String location, byte[] body, byte[] tail,
                           long totalBytes, Shape shape, Map<String, String> headers) {

    /** How the body is sent. */
    public enum Shape { WHOLE, HUGE, HANGING }

    public SiteResponse {
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public static SiteResponse html(int status, String html) {
        return of(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    public static SiteResponse html(String html) {
        return html(200, html);
    }

    public static SiteResponse of(int status, String contentType, byte[] body) {
        return new SiteResponse(status, contentType, null, body, new byte[0], 0, Shape.WHOLE, Map.of());
    }

    public static SiteResponse redirect(int status, String location) {
        return new SiteResponse(status, "text/html", location,
                ("<a href=\"" + location + "\">moved</a>").getBytes(StandardCharsets.UTF_8), new byte[0], 0,
                Shape.WHOLE, Map.of());
    }

    public static SiteResponse notFound() {
        return html(404, "<!DOCTYPE html><title>404</title><h1>Not found</h1><a href=\"/\">home</a>");
    }

    /** An HTML page of {@code totalBytes} bytes: {@code head}, filler, then {@code tail}. */
    public static SiteResponse huge(String head, String tail, long totalBytes) {
        return new SiteResponse(200, "text/html; charset=utf-8", null, head.getBytes(StandardCharsets.UTF_8),
                tail.getBytes(StandardCharsets.UTF_8), totalBytes, Shape.HUGE, Map.of());
    }

    /** Headers and {@code head} are sent, then nothing more, ever (until the site closes). */
    public static SiteResponse hanging(String head) {
        return new SiteResponse(200, "text/html; charset=utf-8", null, head.getBytes(StandardCharsets.UTF_8),
                new byte[0], 0, Shape.HANGING, Map.of());
    }

    /**
     * {@code text}'s UTF-8 bytes as one char each: a header value that the site sends as raw UTF-8
     * (servers do this with non-ASCII paths in {@code Location}, although RFC 9110 section 5.5 asks
     * for ASCII).
     */
    public static String rawUtf8(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** This response with one more header. */
    public SiteResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new SiteResponse(status, contentType, location, body, tail, totalBytes, shape, more);
    }

    /** This (WHOLE) response with its body compressed in the {@code gzip} coding (RFC 9110 section 8.4.1.3). */
    public SiteResponse gzipped() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return encoded("gzip", out.toByteArray());
    }

    /** This (WHOLE) response with its body in the {@code deflate} coding: zlib data (RFC 9110 section 8.4.1.2). */
    public SiteResponse deflated() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream zlib = new DeflaterOutputStream(out, new Deflater(Deflater.BEST_COMPRESSION))) {
            zlib.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return encoded("deflate", out.toByteArray());
    }

    /** This response with {@code encodedBody} sent under {@code Content-Encoding: coding}. */
    public SiteResponse encoded(String coding, byte[] encodedBody) {
        if (shape != Shape.WHOLE) {
            throw new IllegalStateException("only a whole body can be encoded");
        }
        return new SiteResponse(status, contentType, location, encodedBody, tail, totalBytes, shape, headers)
                .withHeader("Content-Encoding", coding);
    }
}
