package edu.ute.concurrency.links.http;

import java.util.List;

/**
 * How many body bytes of a response to keep, chosen once its status and header fields are known:
 * an HTML page is read up to a large cap, an image or an error page only a little, so that a huge
 * body costs a closed connection rather than its size.
 */
@FunctionalInterface
public interface BodyLimit {

    /** The most body bytes to keep for this response (0 for none). */
    int bytesFor(int status, List<HttpResponse.Header> headers);
}
