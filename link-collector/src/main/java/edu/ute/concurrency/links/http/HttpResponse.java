package edu.ute.concurrency.links.http;

import java.util.ArrayList;
import java.util.List;

/**
 * One HTTP/1.1 response as it came off the wire: the status, the header fields in order, and the
 * body after transfer decoding (chunked framing removed) but before content decoding (gzip is
 * still gzip). Immutable.
 *
 * <p>Header values are kept byte for byte: each octet is one {@code char} (ISO-8859-1), so a field
 * that a server sent as raw UTF-8 can still be read as UTF-8 by whoever knows it should be
 * ({@code Location}, see RFC 9110 section 5.5).
 *
 * @param status    the status code (never 1xx: interim responses are skipped)
 * @param headers   the header fields, names as sent
 * @param body      the body bytes kept (at most the body limit)
 * @param truncated the server sent more than the limit; the rest was not read
 */
public record HttpResponse(int status, List<Header> headers, byte[] body, boolean truncated) {

    /** One header field; the value has its surrounding whitespace removed. */
    public record Header(String name, String value) {
    }

    public HttpResponse {
        headers = List.copyOf(headers);
    }

    /** The first value of the field {@code name} (case-insensitive), or null. */
    public String header(String name) {
        return firstValue(headers, name);
    }

    /** Every value of the field {@code name} (case-insensitive), in order. */
    public List<String> headerValues(String name) {
        List<String> values = new ArrayList<>();
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                values.add(h.value());
            }
        }
        return values;
    }

    static String firstValue(List<Header> headers, String name) {
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.value();
            }
        }
        return null;
    }
}
