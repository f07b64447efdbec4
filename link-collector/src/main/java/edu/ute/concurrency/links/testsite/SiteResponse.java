package edu.ute.concurrency.links.testsite;

import java.nio.charset.StandardCharsets;

/**
 * One response of the test site: a status, a content type, an optional Location, and a body that
 * is sent whole, sent forever slowly ({@link Shape#HANGING}), or generated up to a large size
 * ({@link Shape#HUGE}) without being held in memory. Immutable.
 *
 * @param status      HTTP status
 * @param contentType Content-Type header, or null for none
 * @param location    Location header, or null
 * @param body        the body (for HUGE: the first bytes; for HANGING: what is sent before the stall)
 * @param tail        HUGE only: the last bytes, after the filler
 * @param totalBytes  HUGE only: the full length
 * @param shape       how the body is sent
 */
public record SiteResponse(int status, String contentType, String location, byte[] body, byte[] tail,
                           long totalBytes, Shape shape) {

    /** How the body is sent. */
    public enum Shape { WHOLE, HUGE, HANGING }

    public static SiteResponse html(int status, String html) {
        return new SiteResponse(status, "text/html; charset=utf-8", null, html.getBytes(StandardCharsets.UTF_8),
                new byte[0], 0, Shape.WHOLE);
    }

    public static SiteResponse html(String html) {
        return html(200, html);
    }

    public static SiteResponse of(int status, String contentType, byte[] body) {
        return new SiteResponse(status, contentType, null, body, new byte[0], 0, Shape.WHOLE);
    }

    public static SiteResponse redirect(int status, String location) {
        return new SiteResponse(status, "text/html", location,
                ("<a href=\"" + location + "\">moved</a>").getBytes(StandardCharsets.UTF_8), new byte[0], 0, Shape.WHOLE);
    }

    public static SiteResponse notFound() {
        return html(404, "<!DOCTYPE html><title>404</title><h1>Not found</h1><a href=\"/\">home</a>");
    }

    /** An HTML page of {@code totalBytes} bytes: {@code head}, filler, then {@code tail}. */
    public static SiteResponse huge(String head, String tail, long totalBytes) {
        return new SiteResponse(200, "text/html; charset=utf-8", null, head.getBytes(StandardCharsets.UTF_8),
                tail.getBytes(StandardCharsets.UTF_8), totalBytes, Shape.HUGE);
    }

    /** Headers and {@code head} are sent, then nothing more, ever (until the site closes). */
    public static SiteResponse hanging(String head) {
        return new SiteResponse(200, "text/html; charset=utf-8", null, head.getBytes(StandardCharsets.UTF_8),
                new byte[0], 0, Shape.HANGING);
    }
}
