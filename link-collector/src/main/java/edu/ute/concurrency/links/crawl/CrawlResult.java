package edu.ute.concurrency.links.crawl;

import java.util.List;
import java.util.SortedMap;

/**
 * What a crawl found, in a canonical order (everything sorted by URL) so that two results can be
 * compared with {@link #sameFindingsAs}: that is how the tests prove that all schedulers agree.
 *
 * <p>Immutable and thread-safe.
 *
 * @param startUrl    the normalised start URL
 * @param pages       every resource of the site fetched successfully, keyed by its final URL
 * @param brokenLinks every link whose target answered 4xx/5xx, failed, looped or could not be parsed
 * @param redirects   link to final URL, for every link that redirects to a page or out of scope
 * @param linkStatus  for every link of every page, and the start URL: "ok 200", "404",
 *                    "not checked (out of scope)"...
 * @param summary     counts and whether the crawl ran to completion
 */
public record CrawlResult(String startUrl, List<Page> pages, List<BrokenLink> brokenLinks,
                          SortedMap<String, String> redirects, SortedMap<String, String> linkStatus,
                          Summary summary) {

    /**
     * One fetched resource.
     *
     * @param url            final URL (after redirects): the page's identity
     * @param depth          shortest link distance from the start URL
     * @param status         HTTP status (2xx)
     * @param contentType    media type; only text/html (and XHTML) is parsed
     * @param bytes          body bytes read
     * @param truncated      body cut at the cap
     * @param links          normalised links, distinct, in document order
     * @param malformedLinks links that could not be parsed, as written
     * @param problem        why the links of this HTML page could not be read, "" if they could
     */
    public record Page(String url, int depth, int status, String contentType, long bytes, boolean truncated,
                       List<String> links, List<String> malformedLinks, String problem) {
    }

    /**
     * A link that does not work, with every page that contains it.
     *
     * @param url        the link's target (normalised), or the link as written if malformed
     * @param reason     "404", "500", "timeout", "redirect loop", "malformed URL"...
     * @param status     the last HTTP status seen, 0 if none
     * @param finalUrl   where its redirects led (same as url if none)
     * @param linkedFrom the pages containing the link, sorted
     */
    public record BrokenLink(String url, String reason, int status, String finalUrl, List<String> linkedFrom) {
    }

    /**
     * Counts.
     *
     * @param fetched    URLs fetched: each URL once, redirect hops and external links included,
     *                   robots.txt not counted
     * @param pages      pages in the result
     * @param broken     broken links
     * @param complete   true if the crawl ran out of work; false if stopped by the deadline
     * @param stopReason why it stopped early, or "" if complete
     */
    public record Summary(int fetched, int pages, int broken, boolean complete, String stopReason) {
    }

    /** True when both results found the same pages (with the same links) and the same broken links. */
    public boolean sameFindingsAs(CrawlResult other) {
        return pages.equals(other.pages) && brokenLinks.equals(other.brokenLinks) && redirects.equals(other.redirects);
    }
}
