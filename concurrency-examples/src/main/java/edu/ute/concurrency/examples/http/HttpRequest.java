package edu.ute.concurrency.examples.http;

import java.util.List;

/**
 * A complete, checked HTTP/1.x request head, as produced by {@link HttpRequestParser}. Any request
 * content has already been read and discarded by the parser (this teaching server ignores it).
 *
 * <p>Immutable and thread-safe.
 *
 * @param method        the method token, case-sensitive as RFC 9110 requires ({@code "get"} is not {@code "GET"})
 * @param target        the request-target exactly as sent, e.g. {@code "/stats?x=1"} or {@code "http://h/"}
 * @param path          the path part of the target, without the query, e.g. {@code "/stats"}
 * @param minorVersion  0 for HTTP/1.0, 1 for HTTP/1.1 (a higher 1.x minor is served as 1.1)
 * @param fields        the header fields in the order received, names in lower case
 * @param keepAlive     whether the client lets the connection stay open after the response
 *                      (HTTP/1.1 unless {@code Connection: close}; HTTP/1.0 only with
 *                      {@code Connection: keep-alive})
 * @param contentUnread true if the request announced content that was not read (an
 *                      {@code Expect: 100-continue} request answered before its content): the
 *                      connection must then be closed after the response
 */
public record HttpRequest(
        String method,
        String target,
        String path,
        int minorVersion,
        List<HttpField> fields,
        boolean keepAlive,
        boolean contentUnread) implements ParseResult {

    public HttpRequest {
        fields = List.copyOf(fields);
    }

    /** The first value of the named field (any case), or {@code null} if absent. */
    public String field(String name) {
        for (HttpField field : fields) {
            if (field.name().equalsIgnoreCase(name)) {
                return field.value();
            }
        }
        return null;
    }
}
