package edu.ute.concurrency.links;

import edu.ute.concurrency.links.crawl.CrawlResult;
import edu.ute.concurrency.links.crawl.CrawlSettings;
import edu.ute.concurrency.links.testsite.GeneratedSite;
import edu.ute.concurrency.links.testsite.SiteSpec;
import edu.ute.concurrency.links.testsite.TestSite;
import edu.ute.concurrency.links.url.MalformedLinkException;
import edu.ute.concurrency.links.url.UrlNormalizer;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

/**
 * The link collector's command line: crawls a site with one of five schedulers and reports every
 * page, its links and the broken links (with the pages that contain them).
 *
 * <pre>
 * link-collector URL [--mode sequential|threads|futures|async|virtual] [--depth N] [--max-pages N]
 *                    [--concurrency N] [--timeout S] [--scope same-origin|same-host|same-domain|all]
 *                    [--include REGEX] [--exclude REGEX] [--format text|json|csv] [--output FILE] ...
 * link-collector --demo       crawls the module's own test site on a free loopback port
 * link-collector --compare    times every mode, Java and Python, against the test site
 * </pre>
 * Results go to stdout (or {@code --output FILE}, written to a temporary name and moved into
 * place), progress to stderr. Exit status: 0 no broken links, 1 broken links, 2 usage, 3 error
 * ({@link CollectorOptions}).
 *
 * <p>HOW TO RUN (from the repository root; the demo needs no network):
 * <pre>
 * mvn -q -pl link-collector compile exec:exec -Dexec.mainClass=edu.ute.concurrency.links.LinkCollector -Dexec.appArgs="--demo"
 * </pre>
 * Expected: progress lines on stderr, then a report starting
 * {@code Crawl of http://127.0.0.1:PORT/: 3xx pages, ... broken links}, listing the site's
 * 404/500 links, the redirect loop, the too-long redirect chain and the page that timed out.
 */
public final class LinkCollector {

    /** Set by the Ctrl-C hook: the JVM is already exiting, and System.exit would block the hook. */
    private static volatile boolean exitingOnCtrlC;

    private LinkCollector() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (!exitingOnCtrlC) {
            System.exit(status);
        }
    }

    /** Runs the command line; returns the exit status. */
    public static int run(String[] args, PrintStream stdout, PrintStream stderr) {
        CollectorOptions options;
        try {
            options = CollectorOptions.parse(args);
        } catch (UsageException e) {
            stderr.println("link-collector: " + e.getMessage());
            stderr.println("try: link-collector --help");
            return CollectorOptions.USAGE;
        }
        if (options.help()) {
            stdout.print(CollectorOptions.usage());
            return CollectorOptions.OK;
        }
        try {
            if (options.compare()) {
                return ModeComparison.run(options, stdout, stderr);
            }
            if (options.demo()) {
                return demo(options, stdout, stderr);
            }
            try {
                UrlNormalizer.normalize(options.url());
            } catch (MalformedLinkException e) {
                stderr.println("link-collector: bad URL \"" + options.url() + "\": " + e.getMessage());
                return CollectorOptions.USAGE;
            }
            if (!UrlNormalizer.isHttp(UrlNormalizer.normalize(options.url()))) {
                stderr.println("link-collector: URL must start with http:// or https://: " + options.url());
                return CollectorOptions.USAGE;
            }
            return crawlAndReport(options, options.settings(), stdout, stderr);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stderr.println("link-collector: interrupted");
            return CollectorOptions.ERROR;
        } catch (IOException e) {
            stderr.println("link-collector: " + e.getMessage());
            return CollectorOptions.ERROR;
        }
    }

    private static int demo(CollectorOptions options, PrintStream stdout, PrintStream stderr)
            throws IOException, InterruptedException {
        try (TestSite site = TestSite.start(new GeneratedSite(SiteSpec.standard()))) {
            if (!options.quiet()) {
                stderr.println("demo: test site listening on " + site.url("/") + " (it stops with the crawl)");
            }
            CrawlSettings settings = options.settings().withStartUrl(site.url("/"));
            if (!options.timeoutGiven()) {
                // The site has a page that never finishes: wait 2 s for it, not the default 10.
                settings = settings.withRequestTimeout(Duration.ofSeconds(2));
            }
            int status = crawlAndReport(options, settings, stdout, stderr);
            return status == CollectorOptions.BROKEN_LINKS ? CollectorOptions.OK : status;   // its broken links are planted
        }
    }

    private static int crawlAndReport(CollectorOptions options, CrawlSettings settings, PrintStream stdout,
                                      PrintStream stderr) throws InterruptedException, IOException {
        if (!options.quiet()) {
            stderr.printf("crawling %s with mode %s (concurrency %d, depth %d, max pages %d)%n", settings.startUrl(),
                    options.mode().option(), settings.concurrency(), settings.maxDepth(), settings.maxPages());
        }
        Thread crawling = Thread.currentThread();
        // Ctrl-C: interrupt the crawl, which stops its requests and threads, then let the JVM exit.
        Thread onCtrlC = new Thread(() -> {
            exitingOnCtrlC = true;
            crawling.interrupt();
            try {
                crawling.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "links-ctrl-c");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        CrawlResult result;
        long start = System.nanoTime();
        try {
            result = options.mode().crawler().crawl(settings,
                    options.quiet() ? p -> { } : p -> stderr.println("progress: " + p));
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down (Ctrl-C): the hook is running, nothing to remove.
            }
        }
        if (!options.quiet()) {
            stderr.printf("done in %.2f s: %d pages, %d broken links%n", (System.nanoTime() - start) / 1e9,
                    result.summary().pages(), result.summary().broken());
        }
        write(options, result, stdout);
        if (result.pages().isEmpty()) {
            stderr.println("link-collector: the start URL gave no page: " + startProblem(result));
        } else if (!result.summary().complete()) {
            stderr.println("link-collector: the crawl stopped early (" + result.summary().stopReason()
                    + "): links not reached were not checked");
        }
        boolean broken = !result.brokenLinks().isEmpty();
        return options.failOnBroken() && broken ? CollectorOptions.BROKEN_LINKS : CollectorOptions.OK;
    }

    /** What became of the start URL, in the words of the report. */
    private static String startProblem(CrawlResult result) {
        for (CrawlResult.BrokenLink b : result.brokenLinks()) {
            if (b.url().equals(result.startUrl())) {
                return b.reason() + (b.finalUrl().equals(b.url()) ? "" : " (at " + b.finalUrl() + ")");
            }
        }
        String status = result.linkStatus().get(result.startUrl());
        return status.contains("robots.txt") ? status + " (see --ignore-robots)" : status;
    }

    /** Writes the report to stdout, or to a temporary file moved over --output when complete. */
    private static void write(CollectorOptions options, CrawlResult result, PrintStream stdout) throws IOException {
        if (options.output() == null) {
            PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8));
            options.format().write(result, out);
            return;
        }
        Path target = options.output().toAbsolutePath();
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException("cannot write " + options.output() + ": directory " + dir + " does not exist");
        }
        // A name of our own (pid and clock) rather than Files.createTempFile: that one seeds a
        // SecureRandom, a measurable part of a short run. CREATE_NEW still refuses any existing file.
        Path temp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE); PrintWriter out = new PrintWriter(w)) {
                // Published like any file a program writes, or with the permissions of the file it replaces.
                PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
                if (view != null) {
                    view.setPermissions(Files.exists(target) ? Files.getPosixFilePermissions(target)
                            : PosixFilePermissions.fromString("rw-r--r--"));
                }
                options.format().write(result, out);
                if (out.checkError()) {
                    throw new IOException("cannot write " + temp);
                }
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
