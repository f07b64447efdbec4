package edu.ute.concurrency.examples.http;

/**
 * A request the parser refused, with the status code to answer (400, 408, 413, 414, 417, 431, 501,
 * 505) and a message naming what was wrong and where. After an error the connection is answered
 * and closed: the parser cannot know where the next request would start.
 *
 * <p>Immutable and thread-safe.
 *
 * @param status  the HTTP status code to send
 * @param message a short explanation for the error page, e.g. "whitespace before ':' in header field 2"
 */
public record HttpParseError(int status, String message) implements ParseResult {
}
