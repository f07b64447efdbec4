package edu.ute.concurrency.links.testsite;

/**
 * The shape of a {@link GeneratedSite}. Same spec, same site, byte for byte (except the port in
 * absolute links). Immutable.
 *
 * @param pages        number of HTML pages in the main tree ({@code /} and {@code /page/1.html}...)
 * @param linksPerPage about how many links each page has
 * @param seed         seed of the random extra links
 * @param slowTraps    include the huge page and the page that never finishes (tests and demo: yes;
 *                     speed comparison: no, they would measure the timeout, not the scheduler)
 * @param hugeBytes    size of the huge page
 */
public record SiteSpec(int pages, int linksPerPage, long seed, boolean slowTraps, long hugeBytes) {

    public SiteSpec {
        if (pages < 2 || linksPerPage < 4) {
            throw new IllegalArgumentException("need at least 2 pages and 4 links per page");
        }
    }

    /** 300 pages, 10 links each, seed 42, all traps, a 6 MiB huge page. */
    public static SiteSpec standard() {
        return new SiteSpec(300, 10, 42, true, 6L * 1024 * 1024);
    }

    public SiteSpec withPages(int n) {
        return new SiteSpec(n, linksPerPage, seed, slowTraps, hugeBytes);
    }

    public SiteSpec withSlowTraps(boolean on) {
        return new SiteSpec(pages, linksPerPage, seed, on, hugeBytes);
    }
}
