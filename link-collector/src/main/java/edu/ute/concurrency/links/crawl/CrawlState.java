package edu.ute.concurrency.links.crawl;

import edu.ute.concurrency.links.crawl.CrawlResult.BrokenLink;
import edu.ute.concurrency.links.crawl.CrawlResult.Page;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The shared core of every scheduler: which URLs were seen, at which depth, which are admitted for
 * fetching, what each fetch gave. Schedulers only move {@link CrawlTask}s between this class and
 * the network; every decision about <em>what</em> to fetch is made here, once, which is why all
 * schedulers return the same {@link CrawlResult}.
 *
 * <p>Protocol: {@link #start()} gives the first task; for every task the scheduler calls
 * {@link #started} when it begins fetching and {@link #complete} with the outcome, which returns
 * the new tasks it admits. The crawl is over when no task is queued or in flight.
 *
 * <p>Depth under concurrency: a page may first be found through a long path and later through a
 * shorter one (a concurrent crawl does not finish pages in breadth-first order). The state keeps
 * the shortest depth seen and, when a depth gets shorter, propagates it: to the links of an
 * already fetched page, and to URLs that were too deep before and now are admitted. So the set of
 * pages within {@code --depth} and their depths are the same in every run and every mode. When
 * {@code --max-pages} cuts a crawl short, the count is exact but <em>which</em> pages made it depends
 * on timing in the concurrent modes.
 *
 * <p>Thread-safety: every public method is {@code synchronized}; they are short and never block.
 */
public final class CrawlState {

    private enum NodeState { OUT_OF_SCOPE, TOO_DEEP, OVER_LIMIT, QUEUED, DONE }

    /** Everything known about one normalised URL. */
    private static final class Node {
        final String url;
        int depth;
        NodeState state;
        FetchOutcome outcome;     // this URL's own fetch, once DONE
        FetchOutcome page;        // the page whose identity this URL is (own fetch or via a redirect)

        Node(String url, int depth) {
            this.url = url;
            this.depth = depth;
        }
    }

    private final CrawlSettings settings;
    private final Predicate<String> inScope;
    private final String startUrl;
    private final Map<String, Node> nodes = new HashMap<>();
    private int admitted;
    private int started;
    private int completed;
    private int errors;

    /**
     * @param settings the crawl's settings (start URL, depth and page limits)
     * @param inScope  which normalised URLs may be fetched
     * @param startUrl the normalised start URL
     */
    public CrawlState(CrawlSettings settings, Predicate<String> inScope, String startUrl) {
        this.settings = settings;
        this.inScope = inScope;
        this.startUrl = startUrl;
    }

    /** Admits the start URL; returns its task. */
    public synchronized List<CrawlTask> start() {
        List<CrawlTask> out = new ArrayList<>();
        offer(startUrl, 0, out);
        return out;
    }

    /** The scheduler begins fetching {@code task} (for the progress counters). */
    public synchronized void started(CrawlTask task) {
        started++;
    }

    /** Records the outcome of {@code task}; returns the tasks this admits (possibly none). */
    public synchronized List<CrawlTask> complete(CrawlTask task, FetchOutcome outcome) {
        completed++;
        List<CrawlTask> out = new ArrayList<>();
        Node node = nodes.get(task.url());
        node.state = NodeState.DONE;
        node.outcome = outcome;
        if (outcome.kind().isBroken()) {
            errors++;
        }
        if (outcome.kind() == FetchOutcome.Kind.PAGE) {
            if (outcome.finalUrl().equals(node.url)) {
                if (node.page == null) {
                    node.page = outcome;
                    expand(node, out);
                }
            } else {
                attachPage(outcome.finalUrl(), node.depth, outcome, out);
            }
        }
        return out;
    }

    /** The scheduler gave up on {@code task} (crawl stopped): it stays "not checked". */
    public synchronized void abandoned(CrawlTask task) {
        completed++;
    }

    /** Counters for the progress line. */
    public synchronized CrawlProgress progress() {
        return new CrawlProgress(completed, admitted - started, started - completed, errors);
    }

    /** A page reached through a redirect: the final URL is its identity. */
    private void attachPage(String finalUrl, int depth, FetchOutcome outcome, List<CrawlTask> out) {
        Node target = nodes.get(finalUrl);
        if (target == null) {
            target = new Node(finalUrl, depth);
            target.state = NodeState.DONE;   // its content is known: never fetch it again
            nodes.put(finalUrl, target);
        }
        if (target.page == null) {
            target.page = outcome;
            target.depth = Math.min(target.depth, depth);
            if (target.state == NodeState.TOO_DEEP || target.state == NodeState.OVER_LIMIT) {
                target.state = NodeState.DONE;
            }
            expand(target, out);
        } else if (depth < target.depth) {
            lower(target, depth, out);
        }
    }

    private void expand(Node page, List<CrawlTask> out) {
        for (String link : page.page.links()) {
            offer(link, page.depth + 1, out);
        }
    }

    /** A link to {@code url} was found at {@code depth}. */
    private void offer(String url, int depth, List<CrawlTask> out) {
        Node node = nodes.get(url);
        if (node == null) {
            node = new Node(url, depth);
            nodes.put(url, node);
            if (!inScope.test(url)) {
                node.state = NodeState.OUT_OF_SCOPE;
            } else {
                admit(node, out);
            }
        } else if (depth < node.depth) {
            lower(node, depth, out);
        }
    }

    /** {@code node} turned out to be closer to the start: propagate the shorter depth. */
    private void lower(Node node, int depth, List<CrawlTask> out) {
        node.depth = depth;
        switch (node.state) {
            case OUT_OF_SCOPE, QUEUED -> { }   // a queued node uses its current depth when it completes
            case TOO_DEEP, OVER_LIMIT -> admit(node, out);
            case DONE -> {
                if (node.page != null && node.page.finalUrl().equals(node.url)) {
                    expand(node, out);
                } else if (node.outcome != null && node.outcome.kind() == FetchOutcome.Kind.PAGE) {
                    Node target = nodes.get(node.outcome.finalUrl());
                    if (target != null && depth < target.depth) {
                        lower(target, depth, out);
                    }
                }
            }
        }
    }

    private void admit(Node node, List<CrawlTask> out) {
        if (node.depth > settings.maxDepth()) {
            node.state = NodeState.TOO_DEEP;
        } else if (admitted >= settings.maxPages()) {
            node.state = NodeState.OVER_LIMIT;
        } else {
            node.state = NodeState.QUEUED;
            admitted++;
            out.add(new CrawlTask(node.url, node.depth));
        }
    }

    /**
     * The findings so far, in canonical order.
     *
     * @param stopReason why the crawl stopped early, or {@code null} if it ran out of work
     */
    public synchronized CrawlResult result(String stopReason) {
        List<Page> pages = new ArrayList<>();
        SortedMap<String, String> redirects = new TreeMap<>();
        Map<String, TreeSet<String>> linkedFrom = new HashMap<>();
        for (Node node : nodes.values()) {
            if (node.page != null && node.page.finalUrl().equals(node.url)) {
                FetchOutcome p = node.page;
                pages.add(new Page(node.url, node.depth, p.status(), p.contentType(), p.bytesRead(), p.truncated(),
                        p.links(), p.malformedLinks()));
                for (String link : p.links()) {
                    linkedFrom.computeIfAbsent(link, k -> new TreeSet<>()).add(node.url);
                }
                for (String link : p.malformedLinks()) {
                    linkedFrom.computeIfAbsent(link, k -> new TreeSet<>()).add(node.url);
                }
            }
            if (node.outcome != null && !node.outcome.finalUrl().equals(node.url)
                    && (node.outcome.kind() == FetchOutcome.Kind.PAGE || node.outcome.kind() == FetchOutcome.Kind.LEFT_SCOPE)) {
                redirects.put(node.url, node.outcome.finalUrl());
            }
        }
        pages.sort((a, b) -> a.url().compareTo(b.url()));

        TreeMap<String, BrokenLink> broken = new TreeMap<>();
        SortedMap<String, String> linkStatus = new TreeMap<>();
        for (Page page : pages) {
            for (String link : page.links()) {
                Node target = nodes.get(link);
                linkStatus.put(link, statusOf(target));
                if (target.state == NodeState.DONE && target.outcome != null && target.outcome.kind().isBroken()
                        && target.page == null) {
                    FetchOutcome o = target.outcome;
                    broken.put(link, new BrokenLink(link, o.detail(), o.status(), o.finalUrl(),
                            List.copyOf(linkedFrom.get(link))));
                }
            }
            for (String link : page.malformedLinks()) {
                linkStatus.put(link, "malformed URL");
                broken.put(link, new BrokenLink(link, "malformed URL", 0, link, List.copyOf(linkedFrom.get(link))));
            }
        }
        Node start = nodes.get(startUrl);
        if (start != null && start.outcome != null && start.outcome.kind().isBroken() && !broken.containsKey(startUrl)) {
            FetchOutcome o = start.outcome;
            broken.put(startUrl, new BrokenLink(startUrl, o.detail(), o.status(), o.finalUrl(), List.of()));
        }
        CrawlResult.Summary summary = new CrawlResult.Summary(completed, pages.size(), broken.size(),
                stopReason == null, stopReason == null ? "" : stopReason);
        return new CrawlResult(startUrl, List.copyOf(pages), List.copyOf(broken.values()), redirects, linkStatus, summary);
    }

    private static String statusOf(Node node) {
        if (node.page != null) {
            return "ok " + node.page.status() + (node.page.finalUrl().equals(node.url) ? "" : " via redirect");
        }
        return switch (node.state) {
            case OUT_OF_SCOPE -> "not checked (out of scope)";
            case TOO_DEEP -> "not checked (deeper than --depth)";
            case OVER_LIMIT -> "not checked (--max-pages reached)";
            case QUEUED -> "not checked (crawl stopped)";
            case DONE -> switch (node.outcome.kind()) {
                case PAGE -> "ok " + node.outcome.status() + " via redirect";
                case BLOCKED_BY_ROBOTS -> "not checked (robots.txt)";
                case LEFT_SCOPE -> "redirects out of scope to " + node.outcome.finalUrl();
                default -> node.outcome.detail();
            };
        };
    }
}
