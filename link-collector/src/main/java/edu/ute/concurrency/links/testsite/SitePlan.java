package edu.ute.concurrency.links.testsite;

/**
 * What the test site answers for a request: {@link GeneratedSite} for the big deterministic site,
 * a lambda for a hand-written one in a test. Must be thread-safe (called concurrently).
 */
@FunctionalInterface
public interface SitePlan {

    /**
     * @param path    the request path (as sent, not decoded)
     * @param query   the query without '?', or null
     * @param baseUrl the site's own base URL, {@code http://127.0.0.1:PORT}, for absolute links
     * @return the response; never null (use {@link SiteResponse#notFound()})
     */
    SiteResponse respond(String path, String query, String baseUrl);
}
