package edu.ute.concurrency.links;

import edu.ute.concurrency.links.crawl.CrawlMode;
import edu.ute.concurrency.links.crawl.CrawlResult;
import edu.ute.concurrency.links.crawl.CrawlSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code link-collector --compare}: crawls the test site with every mode and prints wall time,
 * pages/s, CPU time, threads started and the speed-up over the sequential crawl.
 *
 * <p>The test site runs in a <em>separate JVM</em> (started here, with the same JDK and class path),
 * so that the CPU time measured ({@code OperatingSystemMXBean.getProcessCpuTime}) is the crawler's
 * alone. The site's per-request latency stands in for the network; its in-flight counter gives the
 * largest number of requests the mode really had in flight. Every mode is run once unmeasured
 * first (latency 0) so that JIT compilation is not charged to whichever mode runs first, and each
 * result is checked against the sequential one ("same" column).
 *
 * <p>This is a comparison command, not a benchmark harness: one run per cell, numbers are noisy on a
 * shared machine. HOW TO RUN:
 * {@code mvn -q -pl link-collector compile exec:exec -Dexec.mainClass=edu.ute.concurrency.links.LinkCollector -Dexec.appArgs="--compare"}
 */
final class ModeComparison {

    private ModeComparison() {
    }

    private record Row(int latencyMs, String mode, int concurrency, int pages, double wallSeconds,
                       double cpuSeconds, long threadsStarted, int peakExtraThreads, int maxInFlight, boolean same) {
    }

    static int run(CollectorOptions options, PrintStream stdout, PrintStream stderr)
            throws IOException, InterruptedException {
        int concurrency = options.settings().concurrency();
        Process site = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dsun.net.httpserver.nodelay=true", "-cp", System.getProperty("java.class.path"),
                "edu.ute.concurrency.links.testsite.TestSite", "--pages", String.valueOf(options.comparePages()),
                "--no-slow-traps", "--control-stdin")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (BufferedReader siteOut = new BufferedReader(new InputStreamReader(site.getInputStream(), StandardCharsets.UTF_8));
             Writer siteIn = new OutputStreamWriter(site.getOutputStream(), StandardCharsets.UTF_8)) {
            String first = siteOut.readLine();
            if (first == null || !first.startsWith("listening on ")) {
                stderr.println("link-collector: test site did not start: " + first);
                return 1;
            }
            String url = first.substring("listening on ".length());
            CrawlSettings base = options.settings().withStartUrl(url).withMaxPages(100_000).withMaxDepth(100);
            SiteControl control = new SiteControl(siteIn, siteOut);

            stderr.println("compare: warming up every mode at latency 0 against " + url);
            control.command("latency 0");
            for (CrawlMode mode : CrawlMode.values()) {
                mode.crawler().crawl(base);
            }
            List<Row> rows = new ArrayList<>();
            for (int latency : options.latencies()) {
                control.command("latency " + latency);
                CrawlResult reference = null;
                for (CrawlMode mode : CrawlMode.values()) {
                    stderr.printf("compare: %s at %d ms%n", mode.option(), latency);
                    Measured m = measure(mode, base, control);
                    if (reference == null) {
                        reference = m.result;
                    }
                    rows.add(m.row(latency, mode.option(), mode == CrawlMode.SEQUENTIAL ? 1 : concurrency,
                            m.result.sameFindingsAs(reference)));
                }
                if (latency == options.latencies().get(0)) {
                    stderr.printf("compare: async with 256 in flight at %d ms%n", latency);
                    Measured m = measure(CrawlMode.ASYNC, base.withConcurrency(256), control);
                    rows.add(m.row(latency, "async", 256, m.result.sameFindingsAs(reference)));
                }
            }
            print(rows, stdout);
            return 0;
        } finally {
            site.getOutputStream().close();   // EOF on the control channel stops the site
            if (!site.waitFor(10, TimeUnit.SECONDS)) {
                site.destroyForcibly();
            }
        }
    }

    private record Measured(CrawlResult result, double wall, double cpu, long started, int peakExtra, int maxInFlight) {
        Row row(int latency, String mode, int concurrency, boolean same) {
            return new Row(latency, mode, concurrency, result.summary().pages(), wall, cpu, started, peakExtra,
                    maxInFlight, same);
        }
    }

    private static Measured measure(CrawlMode mode, CrawlSettings settings, SiteControl control)
            throws IOException, InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        control.command("reset");
        int liveBefore = threads.getThreadCount();
        threads.resetPeakThreadCount();
        long startedBefore = threads.getTotalStartedThreadCount();
        long cpuBefore = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        CrawlResult result = mode.crawler().crawl(settings);
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
        long started = threads.getTotalStartedThreadCount() - startedBefore;
        int peakExtra = threads.getPeakThreadCount() - liveBefore;
        String stats = control.command("stats");   // "maxInFlight N requests M"
        int maxInFlight = Integer.parseInt(stats.split(" ")[1]);
        return new Measured(result, wall, cpu, started, peakExtra, maxInFlight);
    }

    private static void print(List<Row> rows, PrintStream out) {
        out.println("| latency | mode | concurrency | pages | wall s | pages/s | CPU s | threads started | peak extra threads | max in flight | × sequential | CPU × seq | same result |");
        out.println("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|");
        Row sequential = null;
        for (Row r : rows) {
            if (r.mode().equals("sequential")) {
                sequential = r;
            }
            double speedup = sequential == null ? Double.NaN : sequential.wallSeconds() / r.wallSeconds();
            double cpuRatio = sequential == null ? Double.NaN : r.cpuSeconds() / sequential.cpuSeconds();
            out.printf("| %d ms | %s | %d | %d | %.2f | %.0f | %.2f | %d | %d | %d | %.1f | %.2f | %s |%n",
                    r.latencyMs(), r.mode(), r.concurrency(), r.pages(), r.wallSeconds(), r.pages() / r.wallSeconds(),
                    r.cpuSeconds(), r.threadsStarted(), r.peakExtraThreads(), r.maxInFlight(), speedup, cpuRatio,
                    r.same() ? "yes" : "NO");
        }
        out.println("threads started / peak extra threads: platform threads (ThreadMXBean); the virtual mode's"
                + " one virtual thread per fetch is not counted there. Excludes JDK pools already running"
                + " (common pool, virtual-thread carriers) after the warm-up.");
        out.printf("machine: %d CPUs, %s %s, %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.vendor"), System.getProperty("java.version"), System.getProperty("os.name"));
    }

    /** Line protocol with the site process: one command, one line back. */
    private record SiteControl(Writer in, BufferedReader out) {
        String command(String line) throws IOException {
            in.write(line + "\n");
            in.flush();
            String reply = out.readLine();   // every command is answered, so it has taken effect
            if (reply == null) {
                throw new IOException("test site process ended");
            }
            return reply;
        }
    }
}
