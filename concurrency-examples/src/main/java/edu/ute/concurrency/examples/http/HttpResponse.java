package edu.ute.concurrency.examples.http;

import java.util.List;

/**
 * A response to be written by {@link HttpResponseWriter}: status, content and the few headers that
 * vary. The writer adds the headers every response carries ({@code Date}, {@code Server},
 * {@code Content-Length}, {@code Connection}).
 *
 * <p>Immutable and thread-safe (the content array is shared, never modified).
 *
 * @param status       the status code, e.g. 200
 * @param contentType  the {@code Content-Type} value, e.g. {@code "text/html; charset=utf-8"}
 * @param extraFields  further header fields, e.g. {@code Allow} on a 405
 * @param content      the content; its length is the {@code Content-Length}, also for HEAD
 * @param headOnly     true to answer a HEAD request: every header of the GET, no content
 * @param close        true to send {@code Connection: close} and close the connection afterwards
 */
public record HttpResponse(
        int status,
        String contentType,
        List<HttpField> extraFields,
        byte[] content,
        boolean headOnly,
        boolean close) {

    public HttpResponse {
        extraFields = List.copyOf(extraFields);
    }
}
