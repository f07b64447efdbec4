package edu.ute.concurrency.links.http;

import java.io.IOException;

/**
 * An exchange that gave no usable response. The message is a short description meant for a
 * report, the same in every run for the same cause: {@code "connection refused"},
 * {@code "unknown host"}, {@code "timeout (waiting for the response)"},
 * {@code "TLS failure: certificate not trusted"}, {@code "malformed response: ..."}.
 */
public final class HttpFailure extends IOException {

    public HttpFailure(String description) {
        super(description);
    }

    public HttpFailure(String description, Throwable cause) {
        super(description, cause);
    }
}
