package edu.ute.concurrency.links.crawl;

/**
 * A snapshot of a running crawl, for the progress line on stderr. Immutable.
 *
 * @param done     URLs fetched (with their redirects)
 * @param queued   URLs admitted and waiting
 * @param inFlight URLs being fetched now
 * @param errors   broken links found so far
 */
public record CrawlProgress(int done, int queued, int inFlight, int errors) {

    /** Receives progress snapshots about once a second; must be quick and thread-safe. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = p -> { };

        void onProgress(CrawlProgress progress);
    }

    @Override
    public String toString() {
        return "pages done " + done + ", queued " + queued + ", in flight " + inFlight + ", errors " + errors;
    }
}
