package edu.ute.concurrency.examples.http;

/**
 * What {@link HttpRequestParser#parse} hands back once it has seen enough bytes: either a complete
 * {@link HttpRequest} or an {@link HttpParseError} naming the status to answer with.
 *
 * <p>A {@code switch} over the two cases is exhaustive, so a server cannot forget the error path.
 * Both cases are immutable records, safe to pass between threads.
 */
public sealed interface ParseResult permits HttpRequest, HttpParseError {
}
