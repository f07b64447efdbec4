package edu.ute.concurrency.links;

import edu.ute.concurrency.links.crawl.CrawlMode;
import edu.ute.concurrency.links.crawl.CrawlSettings;
import edu.ute.concurrency.links.crawl.PageFetcher;
import edu.ute.concurrency.links.report.ReportFormat;
import edu.ute.concurrency.links.url.CrawlScope;
import edu.ute.concurrency.links.url.UrlFilter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The parsed command line of {@link LinkCollector}. {@link #parse} checks every value and says
 * which option is wrong; nothing is half-parsed. Immutable.
 *
 * @param url            the start URL (null with --demo or --compare)
 * @param mode           the scheduler
 * @param settings       the crawl settings (start URL filled in later for --demo)
 * @param timeoutGiven   whether --timeout was given (the demo uses a shorter default)
 * @param format         output format
 * @param output         output file, or null for stdout
 * @param quiet          nothing on stderr but errors
 * @param failOnBroken   exit 1 when broken links were found
 * @param demo           crawl the built-in test site
 * @param compare        run the speed comparison
 * @param comparePages   pages of the comparison site
 * @param latencies      per-request latencies of the comparison, in ms
 * @param runs           runs of each comparison row (the medians are printed)
 * @param help           print the usage
 */
public record CollectorOptions(String url, CrawlMode mode, CrawlSettings settings, boolean timeoutGiven,
                               ReportFormat format, Path output, boolean quiet, boolean failOnBroken,
                               boolean demo, boolean compare, int comparePages, List<Integer> latencies,
                               int runs, boolean help) {

    /** Exit status: the crawl ran and found no broken link. */
    public static final int OK = 0;
    /** Exit status: broken links were found (the start URL included). */
    public static final int BROKEN_LINKS = 1;
    /** Exit status: the command line is wrong. */
    public static final int USAGE = 2;
    /** Exit status: the check could not be done or reported (output not written, interrupted). */
    public static final int ERROR = 3;

    public static final String HELP = """
            usage: link-collector URL [options]      crawl a site and report its links and broken links
                   link-collector --demo [options]   crawl the built-in test site (no network needed)
                   link-collector --compare [--pages N] [--latencies MS,MS] [--concurrency N] [--runs N]
                                                     time every mode, Java and Python, one process per crawl
            options:
              --mode M            sequential | threads | futures | async | virtual   (default async)
              --depth N           follow links at most N steps from the start        (default 10)
              --max-pages N       fetch at most N linked pages of the site            (default 1000)
              --concurrency N     requests in flight at most (not sequential)         (default 16)
              --timeout S         per request, name lookup to last byte, seconds      (default 10; demo 2)
              --deadline S        for the whole crawl, seconds                        (default 600)
              --scope S           which links are crawled as pages of the site        (default same-origin)
            %s
              --skip-external     list links outside the scope without requesting them
              --include REGEX     check only URLs in which REGEX is found (repeatable)
              --exclude REGEX     do not request URLs in which REGEX is found (repeatable)
              --user-agent UA     User-Agent header; robots.txt groups are matched against its
                                  product token, the part before the first '/'    (default %s)
              --ignore-robots     do not read robots.txt
              --delay MS          politeness delay between requests to one origin     (default 0)
              --max-redirects N   redirects per link before it counts as broken       (default 10)
              --max-body-kib N    cut HTML bodies after N KiB                          (default 4096)
              --insecure          accept any TLS certificate (encryption without authentication)
              --format F          text | json | csv                                   (default text)
              --output FILE       write the report to FILE instead of stdout
              --no-fail-on-broken exit 0 even if broken links were found
              --quiet             nothing on stderr but errors
              --help              this text
            links outside the scope are checked with one GET each (at most %d at a time per host;
            GET, not HEAD: many servers answer HEAD with 405 or 404 where GET works). The crawler asks
            for gzip and deflate and decodes them. robots.txt is read once per origin; its Crawl-delay
            is honoured up to %d s. A 429 Too Many Requests (or 503 with Retry-After) holds the origin
            back for the time asked, up to %d s, and is retried at most %d times.
            exit status: 0 no broken links, 1 broken links found (the start URL included), 2 usage error,
                         3 the check could not be done (output not written, interrupted).
            A link checker's job in a CI pipeline is to fail the build when a link is broken, as lychee,
            muffet and linkchecker do: so broken links exit 1 unless --no-fail-on-broken is given.
            --demo exits 0 when its crawl completes: its broken links are planted.
            """;

    /** {@link #HELP} with the scopes and limits filled in. */
    public static String usage() {
        StringBuilder scopes = new StringBuilder();
        for (CrawlScope s : CrawlScope.values()) {
            scopes.append(String.format("                    %-12s %s%n", s.option(), s.meaning()));
        }
        return HELP.formatted(scopes.toString().stripTrailing(), CrawlSettings.DEFAULT_USER_AGENT,
                PageFetcher.EXTERNAL_PER_HOST, PageFetcher.MAX_CRAWL_DELAY_SECONDS, PageFetcher.MAX_RETRY_AFTER_SECONDS,
                PageFetcher.MAX_RETRIES);
    }

    /** Parses {@code args}; throws with a message naming the bad option. */
    public static CollectorOptions parse(String[] args) throws UsageException {
        String url = null;
        CrawlMode mode = CrawlMode.ASYNC;
        CrawlSettings s = CrawlSettings.defaults("http://unset.invalid/");
        boolean timeoutGiven = false;
        ReportFormat format = ReportFormat.TEXT;
        Path output = null;
        boolean quiet = false;
        boolean failOnBroken = true;
        boolean demo = false;
        boolean compare = false;
        int comparePages = 500;
        List<Integer> latencies = List.of(50, 20);
        int runs = 1;
        List<String> include = new ArrayList<>();
        List<String> exclude = new ArrayList<>();
        boolean concurrencyGiven = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            try {
                switch (a) {
                    case "--help", "-h" -> {
                        return new CollectorOptions(null, mode, s, false, format, null, true, false, false, false, 0, latencies,
                                runs, true);
                    }
                    case "--demo" -> demo = true;
                    case "--compare" -> compare = true;
                    case "--mode" -> mode = CrawlMode.fromOption(value(args, ++i, a));
                    case "--depth" -> s = s.withMaxDepth(intValue(args, ++i, a));
                    case "--max-pages" -> s = s.withMaxPages(intValue(args, ++i, a));
                    case "--concurrency" -> {
                        s = s.withConcurrency(intValue(args, ++i, a));
                        concurrencyGiven = true;
                    }
                    case "--timeout" -> {
                        s = s.withRequestTimeout(seconds(args, ++i, a));
                        timeoutGiven = true;
                    }
                    case "--deadline" -> s = s.withDeadline(seconds(args, ++i, a));
                    case "--scope" -> s = s.withScope(CrawlScope.fromOption(value(args, ++i, a)));
                    case "--skip-external" -> s = s.withCheckExternal(false);
                    case "--include" -> include.add(value(args, ++i, a));
                    case "--exclude" -> exclude.add(value(args, ++i, a));
                    case "--user-agent" -> s = s.withUserAgent(value(args, ++i, a));
                    case "--ignore-robots" -> s = s.withObeyRobots(false);
                    case "--delay" -> s = s.withPolitenessDelay(Duration.ofMillis(intValue(args, ++i, a)));
                    case "--max-redirects" -> s = s.withMaxRedirects(intValue(args, ++i, a));
                    case "--max-body-kib" -> {
                        int kib = intValue(args, ++i, a);
                        if (kib < 1 || kib > 1024 * 1024) {
                            throw new IllegalArgumentException("must be 1..1048576");
                        }
                        s = s.withMaxBodyBytes(kib * 1024);
                    }
                    case "--insecure" -> s = s.withVerifyTls(false);
                    case "--format" -> format = ReportFormat.fromOption(value(args, ++i, a));
                    case "--output" -> output = Path.of(value(args, ++i, a));
                    case "--quiet" -> quiet = true;
                    case "--fail-on-broken" -> failOnBroken = true;
                    case "--no-fail-on-broken" -> failOnBroken = false;
                    case "--pages" -> comparePages = intValue(args, ++i, a);
                    case "--latencies" -> latencies = latencyList(value(args, ++i, a));
                    case "--runs" -> {
                        runs = intValue(args, ++i, a);
                        if (runs < 1 || runs > 99) {
                            throw new IllegalArgumentException("must be 1..99");
                        }
                    }
                    default -> {
                        if (a.startsWith("-")) {
                            throw new UsageException("unknown option " + a);
                        }
                        if (url != null) {
                            throw new UsageException("more than one URL: " + url + " and " + a);
                        }
                        url = a;
                    }
                }
            } catch (IllegalArgumentException e) {
                throw new UsageException("bad value for " + a + ": " + e.getMessage());
            }
        }
        int modes = (url != null ? 1 : 0) + (demo ? 1 : 0) + (compare ? 1 : 0);
        if (modes != 1) {
            throw new UsageException(modes == 0 ? "no URL given (or --demo, --compare)"
                    : "give exactly one of URL, --demo, --compare");
        }
        try {
            s = s.withFilter(UrlFilter.of(include, exclude));
        } catch (IllegalArgumentException e) {
            throw new UsageException("bad value for " + (include.isEmpty() ? "--exclude" : "--include/--exclude")
                    + ": " + e.getMessage());
        }
        if (compare && !concurrencyGiven) {
            s = s.withConcurrency(32);
        }
        if (comparePages < 2) {
            throw new UsageException("bad value for --pages: must be >= 2");
        }
        if (url != null) {
            s = s.withStartUrl(url);
        }
        return new CollectorOptions(url, mode, s, timeoutGiven, format, output, quiet, failOnBroken, demo, compare,
                comparePages, latencies, runs, false);
    }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    private static int intValue(String[] args, int i, String option) throws UsageException {
        String v = value(args, i, option);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new UsageException("bad value for " + option + ": \"" + v + "\" is not a whole number");
        }
    }

    private static Duration seconds(String[] args, int i, String option) throws UsageException {
        String v = value(args, i, option);
        try {
            double secs = Double.parseDouble(v);
            if (!(secs > 0) || secs > 86_400) {
                throw new UsageException("bad value for " + option + ": must be > 0 and <= 86400 seconds");
            }
            return Duration.ofNanos((long) (secs * 1e9));
        } catch (NumberFormatException e) {
            throw new UsageException("bad value for " + option + ": \"" + v + "\" is not a number of seconds");
        }
    }

    private static List<Integer> latencyList(String v) {
        List<Integer> list = new ArrayList<>();
        for (String part : v.split(",")) {
            int ms = Integer.parseInt(part.trim());
            if (ms < 0 || ms > 10_000) {
                throw new IllegalArgumentException("latency must be 0..10000 ms");
            }
            list.add(ms);
        }
        return List.copyOf(list);
    }
}
