package edu.ute.concurrency.links.url;

/**
 * Thrown when a URL cannot be normalised into something a crawler can fetch: no host for an http
 * URL, a port that is not a number, an invalid character in the host. The message says what is wrong.
 */
public final class MalformedLinkException extends IllegalArgumentException {

    public MalformedLinkException(String message) {
        super(message);
    }
}
