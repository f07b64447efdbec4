package edu.ute.concurrency.examples.http;

/**
 * One header field line of a request: the name in lower case (field names are case-insensitive,
 * RFC 9110 section 5.1) and the value with the surrounding optional whitespace removed.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name  the field name, lower case, e.g. {@code "host"}
 * @param value the field value as ISO-8859-1 text, e.g. {@code "localhost:8080"}
 */
public record HttpField(String name, String value) {
}
