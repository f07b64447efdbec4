package edu.ute.concurrency.links.crawl;

import edu.ute.concurrency.links.crawl.CrawlResult.BrokenLink;
import edu.ute.concurrency.links.crawl.CrawlResult.Page;
import edu.ute.concurrency.links.url.UrlNormalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The shared core of every scheduler: which URLs are known, at which depth, which are fetched,
 * what each fetch gave. Schedulers only move {@link CrawlTask}s between this class and the network;
 * every decision about <em>what</em> to fetch is made here, once, which is why all schedulers
 * return the same {@link CrawlResult}.
 *
 * <p>Protocol: {@link #start()} gives the first task; for every task the scheduler calls
 * {@link #started} when it begins fetching and {@link #complete} with the outcome, which returns
 * the new tasks it admits. The crawl is over when no task is queued or in flight.
 *
 * <p>One URL, one request. A URL is a node; a page's links and a redirect's target are edges to
 * other nodes. A redirect is not followed inside one fetch: its target is offered here like a
 * link, so a page reached both directly and through redirects (or through two redirect chains)
 * is requested once, whichever way comes first. What a link finally leads to is worked out when
 * the result is built, by walking the redirect edges from it: loops and chains longer than
 * {@code --max-redirects} are found there, exactly as if each link had been followed on its own.
 *
 * <p>Two distances are kept per node and only ever get shorter, whatever order the fetches finish
 * in: its <em>depth</em> (links from the start; a redirect keeps the depth of its source) and its
 * <em>hops</em> (redirects from the nearest link to it). A node is fetched once its depth is within
 * {@code --depth} and its hops within {@code --max-redirects}; when a shorter path turns up later,
 * the shorter distance is propagated (to a fetched page's links, along a redirect) and a node that
 * was too far may become due. So the set of fetched URLs and every depth are the same in every run
 * and every mode. When {@code --max-pages} cuts a crawl short, the count is exact but <em>which</em>
 * pages made it depends on timing in the concurrent modes.
 *
 * <p>Scope: a URL in the crawl scope is crawled (its links read); any other http(s) URL is only
 * checked for its status (when external links are checked); URLs excluded by {@code --exclude} or
 * missing an {@code --include} are listed, not fetched. A start URL that redirects elsewhere
 * ({@code http://example.org/} to {@code https://www.example.org/}) takes the scope with it: the
 * origins its redirects lead to are in scope too.
 *
 * <p>Thread-safety: every public method is {@code synchronized}; they are short and never block.
 */
public final class CrawlState {

    private static final int FAR = Integer.MAX_VALUE / 2;

    private enum NodeState {
        /** Not fetched: not http(s), or outside the scope while external links are not checked. */
        OUT_OF_SCOPE,
        /** Not fetched: {@code --exclude}/{@code --include}. */
        EXCLUDED,
        TOO_DEEP,
        OVER_LIMIT,
        /** Reached only through more redirects than allowed. */
        TOO_FAR,
        QUEUED,
        DONE
    }

    /** Everything known about one normalised URL. */
    private static final class Node {
        final String url;
        CrawlTask.Purpose purpose;
        NodeState state;
        int depth = FAR;
        int hops = FAR;
        boolean onStartChain;
        FetchOutcome outcome;

        Node(String url) {
            this.url = url;
        }
    }

    private final CrawlSettings settings;
    private final String startUrl;
    private final List<String> extraOrigins = new ArrayList<>();   // where the start URL's redirects led
    private final Map<String, Node> nodes = new HashMap<>();
    private int admittedPages;
    private int handedOut;
    private int started;
    private int completed;
    private int finished;
    private int errors;

    /**
     * @param settings the crawl's settings (scope, filters, depth, page and redirect limits)
     * @param startUrl the normalised start URL
     */
    public CrawlState(CrawlSettings settings, String startUrl) {
        this.settings = settings;
        this.startUrl = startUrl;
    }

    /** Admits the start URL; returns its task. */
    public synchronized List<CrawlTask> start() {
        List<CrawlTask> out = new ArrayList<>();
        Node start = node(startUrl);
        start.onStartChain = true;
        improve(start, 0, 0, out);
        return out;
    }

    /** The scheduler begins fetching {@code task} (for the progress counters). */
    public synchronized void started(CrawlTask task) {
        started++;
    }

    /** Records the outcome of {@code task}; returns the tasks this admits (possibly none). */
    public synchronized List<CrawlTask> complete(CrawlTask task, FetchOutcome outcome) {
        completed++;
        finished++;
        List<CrawlTask> out = new ArrayList<>();
        Node n = nodes.get(task.url());
        n.state = NodeState.DONE;
        n.outcome = outcome;
        switch (outcome.kind()) {
            case PAGE -> {
                if (n.purpose == CrawlTask.Purpose.CRAWL) {
                    for (String link : outcome.links()) {
                        improve(node(link), n.depth + 1, 0, out);
                    }
                }
            }
            case REDIRECT -> {
                String target = outcome.redirectTo();
                if (n.onStartChain && !nodes.containsKey(target) && !inScope(target)) {
                    extraOrigins.add(UrlNormalizer.origin(target));   // the site the user asked for lives there
                }
                Node next = node(target);
                next.onStartChain |= n.onStartChain;
                improve(next, n.depth, n.hops + 1, out);
            }
            case HTTP_ERROR, FAILED -> errors++;
            case BLOCKED_BY_ROBOTS -> { }
        }
        return out;
    }

    /** The scheduler gave up on {@code task} (crawl stopped): it stays "not checked". */
    public synchronized void abandoned(CrawlTask task) {
        finished++;
    }

    /** Counters for the progress line. */
    public synchronized CrawlProgress progress() {
        return new CrawlProgress(finished, handedOut - started, started - finished, errors);
    }

    // ---- admission ------------------------------------------------------------------------------

    /** The node for {@code url}, created (and its purpose decided) on first sight. */
    private Node node(String url) {
        Node n = nodes.get(url);
        if (n != null) {
            return n;
        }
        n = new Node(url);
        nodes.put(url, n);
        if (!UrlNormalizer.isHttp(url)) {
            n.state = NodeState.OUT_OF_SCOPE;
        } else if (!url.equals(startUrl) && !settings.filter().admits(url)) {
            n.state = NodeState.EXCLUDED;
        } else if (url.equals(startUrl) || inScope(url)) {
            n.purpose = CrawlTask.Purpose.CRAWL;
        } else if (settings.checkExternal()) {
            n.purpose = CrawlTask.Purpose.CHECK;
        } else {
            n.state = NodeState.OUT_OF_SCOPE;
        }
        return n;
    }

    private boolean inScope(String url) {
        if (settings.scope().contains(startUrl, url)) {
            return true;
        }
        for (String origin : extraOrigins) {
            if (settings.scope().contains(origin + "/", url)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code n} was reached at {@code depth} and {@code hops}: keep the shorter distances, and if
     * either got shorter, pass that on and see whether {@code n} is now due.
     */
    private void improve(Node n, int depth, int hops, List<CrawlTask> out) {
        boolean shallower = depth < n.depth;
        boolean nearer = hops < n.hops;
        if (!shallower && !nearer) {
            return;
        }
        n.depth = Math.min(n.depth, depth);
        n.hops = Math.min(n.hops, hops);
        switch (n.state == null ? NodeState.TOO_FAR : n.state) {
            case OUT_OF_SCOPE, EXCLUDED, QUEUED -> { }   // a queued node uses its current depth when it completes
            case TOO_DEEP, OVER_LIMIT, TOO_FAR -> consider(n, out);
            case DONE -> {
                if (n.outcome.kind() == FetchOutcome.Kind.PAGE && n.purpose == CrawlTask.Purpose.CRAWL && shallower) {
                    for (String link : n.outcome.links()) {
                        improve(node(link), n.depth + 1, 0, out);
                    }
                } else if (n.outcome.kind() == FetchOutcome.Kind.REDIRECT) {
                    improve(node(n.outcome.redirectTo()), n.depth, n.hops + 1, out);
                }
            }
        }
    }

    /** Hands {@code n} out as a task if its distances and the limits allow it. */
    private void consider(Node n, List<CrawlTask> out) {
        if (n.purpose == CrawlTask.Purpose.CRAWL && n.depth > settings.maxDepth()) {
            n.state = NodeState.TOO_DEEP;
        } else if (n.hops > settings.maxRedirects()) {
            n.state = NodeState.TOO_FAR;
        } else if (n.hops == 0 && n.purpose == CrawlTask.Purpose.CRAWL && admittedPages >= settings.maxPages()) {
            n.state = NodeState.OVER_LIMIT;
        } else {
            if (n.hops == 0 && n.purpose == CrawlTask.Purpose.CRAWL) {
                admittedPages++;   // a linked page counts; the hops of a redirect continue their link
            }
            n.state = NodeState.QUEUED;
            handedOut++;
            out.add(new CrawlTask(n.url, n.depth, n.purpose));
        }
    }

    // ---- the result -----------------------------------------------------------------------------

    /** Where a link finally led: its redirects walked to a page, an error, or a reason it was not checked. */
    private record Verdict(String status, boolean broken, String reason, int httpStatus, String finalUrl,
                           boolean viaRedirect) {
    }

    private Verdict verdict(Node link) {
        Node n = link;
        Set<String> visited = new HashSet<>();
        visited.add(n.url);
        int lastRedirectStatus = 0;
        while (true) {
            boolean via = n != link;
            NodeState state = n.state == null ? NodeState.TOO_FAR : n.state;
            switch (state) {
                case OUT_OF_SCOPE -> {
                    return via ? new Verdict("redirects out of scope to " + n.url, false, "", lastRedirectStatus, n.url, true)
                            : notChecked("out of scope", n);
                }
                case EXCLUDED -> {
                    return notChecked(via ? "redirects to an excluded URL" : "excluded", n);
                }
                case TOO_DEEP -> {
                    return notChecked("deeper than --depth", n);
                }
                case OVER_LIMIT -> {
                    return notChecked("--max-pages reached", n);
                }
                case TOO_FAR, QUEUED -> {
                    return notChecked("crawl stopped", n);
                }
                case DONE -> { }
            }
            FetchOutcome o = n.outcome;
            switch (o.kind()) {
                case PAGE -> {
                    return new Verdict("ok " + o.status() + (via ? " via redirect" : ""), false, "", o.status(), n.url, via);
                }
                case BLOCKED_BY_ROBOTS -> {
                    return notChecked(o.detail().equals("disallowed by robots.txt") ? "robots.txt" : o.detail(), n);
                }
                case HTTP_ERROR, FAILED -> {
                    return new Verdict(o.detail(), true, o.detail(), o.status(), n.url, via);
                }
                case REDIRECT -> {
                    Node next = nodes.get(o.redirectTo());
                    lastRedirectStatus = o.status();
                    if (visited.contains(next.url)) {
                        return new Verdict("redirect loop", true, "redirect loop", o.status(), next.url, true);
                    }
                    if (visited.size() > settings.maxRedirects()) {
                        String reason = "more than " + settings.maxRedirects() + " redirects";
                        return new Verdict(reason, true, reason, o.status(), next.url, true);
                    }
                    visited.add(next.url);
                    n = next;
                }
            }
        }
    }

    private static Verdict notChecked(String why, Node n) {
        return new Verdict("not checked (" + why + ")", false, "", 0, n.url, false);
    }

    /**
     * The findings so far, in canonical order.
     *
     * @param stopReason why the crawl stopped early, or {@code null} if it ran out of work
     */
    public synchronized CrawlResult result(String stopReason) {
        List<Page> pages = new ArrayList<>();
        Map<String, TreeSet<String>> linkedFrom = new HashMap<>();
        for (Node node : nodes.values()) {
            if (node.state == NodeState.DONE && node.purpose == CrawlTask.Purpose.CRAWL
                    && node.outcome.kind() == FetchOutcome.Kind.PAGE) {
                FetchOutcome p = node.outcome;
                pages.add(new Page(node.url, node.depth, p.status(), p.contentType(), p.bytes(), p.truncated(),
                        p.links(), p.malformedLinks(), p.problem()));
                for (String link : p.links()) {
                    linkedFrom.computeIfAbsent(link, k -> new TreeSet<>()).add(node.url);
                }
                for (String link : p.malformedLinks()) {
                    linkedFrom.computeIfAbsent(link, k -> new TreeSet<>()).add(node.url);
                }
            }
        }
        pages.sort((a, b) -> a.url().compareTo(b.url()));

        TreeMap<String, BrokenLink> broken = new TreeMap<>();
        SortedMap<String, String> linkStatus = new TreeMap<>();
        SortedMap<String, String> redirects = new TreeMap<>();
        Set<String> linked = new TreeSet<>(linkedFrom.keySet());
        linked.add(startUrl);
        for (String url : linked) {
            Node n = nodes.get(url);
            if (n == null) {
                linkStatus.put(url, "malformed URL");
                broken.put(url, new BrokenLink(url, "malformed URL", 0, url, List.copyOf(linkedFrom.get(url))));
                continue;
            }
            Verdict v = verdict(n);
            linkStatus.put(url, v.status());
            if (v.broken()) {
                List<String> from = linkedFrom.containsKey(url) ? List.copyOf(linkedFrom.get(url)) : List.of();
                broken.put(url, new BrokenLink(url, v.reason(), v.httpStatus(), v.finalUrl(), from));
            } else if (v.viaRedirect()) {
                redirects.put(url, v.finalUrl());
            }
        }
        CrawlResult.Summary summary = new CrawlResult.Summary(completed, pages.size(), broken.size(),
                stopReason == null, stopReason == null ? "" : stopReason);
        return new CrawlResult(startUrl, List.copyOf(pages), List.copyOf(broken.values()), redirects, linkStatus, summary);
    }
}
