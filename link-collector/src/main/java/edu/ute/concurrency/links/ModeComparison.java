package edu.ute.concurrency.links;

import edu.ute.concurrency.links.crawl.CrawlMode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code link-collector --compare}: crawls the test site with every mode, Java and Python, each
 * crawl in a fresh process as a user runs it, and prints wall time, CPU time and the speed-up
 * over the sequential crawl of the same language.
 *
 * <ul>
 *   <li>The test site runs in its own JVM, started first, so that no crawl pays for it. Its
 *       per-request latency stands in for the network; its in-flight counter gives the largest
 *       number of requests a crawl really had in flight.</li>
 *   <li>Java rows: {@code java} (this JDK) with the options of {@link JvmOptions}, this class path
 *       as one jar, {@code LinkCollector URL --mode M --format json --skip-external}. Python rows:
 *       {@code crawler.py URL --mode M} from {@code link-collector/python}, with the interpreter
 *       {@link PythonInterpreter} finds; rows it cannot run are listed as skipped, with the reason.
 *       Both skip external links: the course's crawler does not check them.</li>
 *   <li>Wall time is from the process start to its exit, start-up included. CPU time is user + system
 *       time of the process and its threads, as the kernel counts it for a child that has been
 *       waited for ({@code /proc/self/stat}, Linux); elsewhere the column says n/a.</li>
 *   <li>Every report is compared byte for byte with the Java sequential one ("same result").</li>
 *   <li>Before the table, one crawl per language runs unmeasured, so that no row pays for reading
 *       the JDK's or Python's files from disk, and each language's start-up cache is made if
 *       needed: the JVM's class-data archive ({@link JvmOptions}), Python's {@code __pycache__}.</li>
 * </ul>
 *
 * <p>A comparison command, not a benchmark harness: {@code --runs N} repeats each row and prints
 * the medians; a shared machine still moves single numbers. HOW TO RUN:
 * {@code mvn -q -pl link-collector compile exec:exec -Dexec.mainClass=edu.ute.concurrency.links.LinkCollector -Dexec.appArgs="--compare"}
 */
final class ModeComparison {

    private ModeComparison() {
    }

    /** One measured row: medians over the runs. */
    private record Row(int latencyMs, String language, String mode, int concurrency, int pages, double wall,
                       double cpu, int maxInFlight, String sameAsSequential) {
    }

    private record Measured(double wall, double cpu, int maxInFlight, byte[] report) {
    }

    static int run(CollectorOptions options, PrintStream stdout, PrintStream stderr) throws IOException, InterruptedException {
        int concurrency = options.settings().concurrency();
        Path work = Files.createTempDirectory("link-compare");
        Optional<Path> crawlerPy = pythonCrawler();
        PythonInterpreter.Search withAiohttp = PythonInterpreter.find(List.of("aiohttp"));
        PythonInterpreter.Search plain = withAiohttp.found().isPresent() ? withAiohttp : PythonInterpreter.find(List.of());
        List<String> skipped = new ArrayList<>();
        Optional<PythonInterpreter> python = crawlerPy.isEmpty() ? Optional.empty() : plain.found();
        if (crawlerPy.isEmpty()) {
            skipped.add("every Python row: link-collector/python/crawler.py not found next to the classes");
        } else if (python.isEmpty()) {
            skipped.add("every Python row: no usable python3 (" + plain.whyNot() + ")");
        } else if (withAiohttp.found().isEmpty()) {
            skipped.add("python asyncio: no interpreter imports aiohttp (" + withAiohttp.whyNot()
                    + "); install it with pip install -r link-collector/python/requirements.txt or set UTE_PYTHON");
        }
        boolean pythonAsyncio = python.isPresent() && withAiohttp.found().isPresent();

        Process site = new ProcessBuilder(java().toString(), "-cp", System.getProperty("java.class.path"),
                "edu.ute.concurrency.links.testsite.TestSite", "--pages", String.valueOf(options.comparePages()),
                "--no-slow-traps", "--control-stdin")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (BufferedReader siteOut = new BufferedReader(new InputStreamReader(site.getInputStream(), StandardCharsets.UTF_8));
             Writer siteIn = new OutputStreamWriter(site.getOutputStream(), StandardCharsets.UTF_8)) {
            String first = siteOut.readLine();
            if (first == null || !first.startsWith("listening on ")) {
                stderr.println("link-collector: test site did not start: " + first);
                return CollectorOptions.ERROR;
            }
            String url = first.substring("listening on ".length());
            SiteControl control = new SiteControl(siteIn, siteOut);
            Path jar = JvmOptions.crawlJar(work);
            Crawls crawls = new Crawls(url, work, jar, crawlerPy.orElse(null), python.orElse(null));

            List<String> javaCommand = crawls.javaCommand("MODE", concurrency);
            stderr.println("compare: test site " + url + "; java " + System.getProperty("java.version") + ": "
                    + String.join(" ", javaCommand.subList(0, javaCommand.indexOf(LinkCollector.class.getName()) + 1)) + " ...");
            python.ifPresent(p -> stderr.println("compare: python " + p.version() + " at " + p.executable()
                    + (p.modules().isEmpty() ? "" : " (" + String.join(", ", p.modules()) + ")")));
            control.command("latency 0");
            stderr.println("compare: one unmeasured crawl per language first (disk cache"
                    + (JvmOptions.archiveReady(jar) ? ")" : ", and the JVM records its class-data archive)"));
            crawls.firstRun(concurrency, control);
            if (python.isPresent()) {
                crawls.measure("python", "threads", concurrency, control);
            }

            List<Row> rows = new ArrayList<>();
            for (int latency : options.latencies()) {
                control.command("latency " + latency);
                byte[] reference = null;
                List<String[]> plan = new ArrayList<>();
                for (CrawlMode mode : CrawlMode.values()) {
                    plan.add(new String[] {"java", mode.option()});
                }
                if (python.isPresent()) {
                    for (String mode : List.of("sequential", "threads", "futures", "asyncio")) {
                        if (!mode.equals("asyncio") || pythonAsyncio) {
                            plan.add(new String[] {"python", mode});
                        }
                    }
                }
                for (String[] row : plan) {
                    int c = row[1].equals("sequential") ? 1 : concurrency;
                    Measured m = crawls.median(row[0], row[1], c, control, options.runs(), latency, stderr);
                    if (reference == null) {
                        reference = m.report();
                    }
                    rows.add(new Row(latency, row[0], row[1], c, pages(m.report()), m.wall(), m.cpu(), m.maxInFlight(),
                            Arrays.equals(m.report(), reference) ? "yes" : "NO"));
                }
                if (latency == options.latencies().get(0)) {
                    for (String[] row : List.of(new String[] {"java", "async"}, new String[] {"python", "asyncio"})) {
                        if (row[0].equals("java") || pythonAsyncio) {
                            Measured m = crawls.median(row[0], row[1], 256, control, options.runs(), latency, stderr);
                            rows.add(new Row(latency, row[0], row[1], 256, pages(m.report()), m.wall(), m.cpu(),
                                    m.maxInFlight(), Arrays.equals(m.report(), reference) ? "yes" : "NO"));
                        }
                    }
                }
            }
            print(rows, options.runs(), skipped, stdout);
            return rows.stream().allMatch(r -> r.sameAsSequential().equals("yes")) ? CollectorOptions.OK : CollectorOptions.ERROR;
        } finally {
            site.getOutputStream().close();   // EOF on the control channel stops the site
            if (!site.waitFor(10, TimeUnit.SECONDS)) {
                site.destroyForcibly();
            }
            try (var files = Files.list(work)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(work);
        }
    }

    /** The crawls of one comparison: how to start each, and how to time it. */
    private record Crawls(String url, Path work, Path jar, Path crawlerPy, PythonInterpreter python) {

        List<String> javaCommand(String mode, int concurrency) {
            return javaCommand(JvmOptions.forCrawl(jar), mode, concurrency);
        }

        /** Unmeasured: reads the JDK's files into the disk cache and makes the class-data archive if needed. */
        void firstRun(int concurrency, SiteControl control) throws IOException, InterruptedException {
            List<String> cmd = javaCommand(JvmOptions.archiveReady(jar) ? JvmOptions.forCrawl(jar)
                    : JvmOptions.forFirstRun(jar), "async", concurrency);
            run(cmd, "java async (first run)", control);
        }

        List<String> javaCommand(List<String> jvmOptions, String mode, int concurrency) {
            List<String> cmd = new ArrayList<>();
            cmd.add(java().toString());
            cmd.addAll(jvmOptions);
            cmd.addAll(List.of("-cp", jar.toString(), LinkCollector.class.getName(), url,
                    "--mode", mode, "--concurrency", String.valueOf(concurrency), "--format", "json", "--quiet",
                    "--skip-external", "--no-fail-on-broken", "--max-pages", "100000", "--depth", "100",
                    "--output", work.resolve("report.json").toString()));
            return cmd;
        }

        List<String> pythonCommand(String mode, int concurrency) {
            return List.of(python.executable().toString(), crawlerPy.toString(), url, "--mode", mode,
                    "--concurrency", String.valueOf(concurrency), "--quiet", "--max-pages", "100000", "--depth", "100",
                    "--output", work.resolve("report.json").toString());
        }

        Measured median(String language, String mode, int concurrency, SiteControl control, int runs, int latency,
                        PrintStream stderr) throws IOException, InterruptedException {
            List<Measured> all = new ArrayList<>();
            for (int i = 1; i <= runs; i++) {
                stderr.printf("compare: %s %s, concurrency %d, %d ms%s%n", language, mode, concurrency, latency,
                        runs > 1 ? ", run " + i + " of " + runs : "");
                all.add(measure(language, mode, concurrency, control));
            }
            List<Double> walls = all.stream().map(Measured::wall).sorted().toList();
            List<Double> cpus = all.stream().map(Measured::cpu).sorted().toList();
            int peak = all.stream().mapToInt(Measured::maxInFlight).max().orElse(0);
            byte[] report = all.get(0).report();
            boolean allSame = all.stream().allMatch(m -> Arrays.equals(m.report(), report));
            return new Measured(walls.get(walls.size() / 2), cpus.get(cpus.size() / 2), peak,
                    allSame ? report : new byte[0]);
        }

        Measured measure(String language, String mode, int concurrency, SiteControl control)
                throws IOException, InterruptedException {
            List<String> cmd = language.equals("java") ? javaCommand(mode, concurrency) : pythonCommand(mode, concurrency);
            return run(cmd, language + " " + mode, control);
        }

        Measured run(List<String> cmd, String what, SiteControl control) throws IOException, InterruptedException {
            Path report = work.resolve("report.json");
            Files.deleteIfExists(report);
            control.command("reset");
            long cpuBefore = ChildCpu.ticks();
            long t0 = System.nanoTime();
            ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(work.resolve("output.txt").toFile());
            // Python may keep its compiled bytecode (__pycache__), as the JVM keeps its class-data
            // archive: each language starts the way it does on a user's machine.
            builder.environment().remove("PYTHONDONTWRITEBYTECODE");
            Process p = builder.start();
            p.getOutputStream().close();
            int status = p.waitFor();
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = ChildCpu.seconds(ChildCpu.ticks() - cpuBefore);
            if (status > 1 || !Files.exists(report)) {
                throw new IOException(what + " failed (exit " + status + "): "
                        + Files.readString(work.resolve("output.txt")).strip());
            }
            int maxInFlight = Integer.parseInt(control.command("stats").split(" ")[1]);
            return new Measured(wall, cpu, maxInFlight, Files.readAllBytes(report));
        }
    }

    private static int pages(byte[] report) {
        String text = new String(report, 0, Math.min(report.length, 400), StandardCharsets.UTF_8);
        int at = text.indexOf("\"pages\": ");
        if (at < 0) {
            return 0;
        }
        int end = text.indexOf(',', at);
        return Integer.parseInt(text.substring(at + 9, end).strip());
    }

    private static void print(List<Row> rows, int runs, List<String> skipped, PrintStream out) {
        out.println("| latency | language | mode | concurrency | pages | wall s | CPU s | × sequential | max in flight | same result |");
        out.println("|---:|---|---|---:|---:|---:|---:|---:|---:|:---:|");
        for (Row r : rows) {
            Row sequential = rows.stream().filter(s -> s.latencyMs() == r.latencyMs() && s.language().equals(r.language())
                    && s.mode().equals("sequential")).findFirst().orElse(null);
            String speedup = sequential == null ? "n/a" : String.format("%.1f", sequential.wall() / r.wall());
            out.printf("| %d ms | %s | %s | %d | %d | %.2f | %s | %s | %d | %s |%n", r.latencyMs(), r.language(), r.mode(),
                    r.concurrency(), r.pages(), r.wall(), ChildCpu.available() ? String.format("%.2f", r.cpu()) : "n/a",
                    speedup, r.maxInFlight(), r.sameAsSequential());
        }
        for (Row j : rows) {
            if (j.language().equals("java") && j.mode().equals("async")) {
                rows.stream().filter(p -> p.language().equals("python") && p.mode().equals("asyncio")
                        && p.latencyMs() == j.latencyMs() && p.concurrency() == j.concurrency()).findFirst()
                        .ifPresent(p -> out.printf("java async / python asyncio at %d ms, concurrency %d: wall %.2f×, CPU %.2f×%n",
                                j.latencyMs(), j.concurrency(), j.wall() / p.wall(), j.cpu() / p.cpu()));
            }
        }
        for (String s : skipped) {
            out.println("skipped " + s);
        }
        out.printf("%s; one fresh process per crawl; medians of %d run%s; CPU = user + system of the crawling process%n",
                machine(), runs, runs == 1 ? "" : "s");
    }

    private static String machine() {
        return String.format("machine: %d CPUs, %s %s, %s", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.vendor"), System.getProperty("java.version"), System.getProperty("os.name"));
    }

    static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** {@code link-collector/python/crawler.py}, found from where this class was loaded (target/classes). */
    private static Optional<Path> pythonCrawler() {
        List<Path> guesses = new ArrayList<>();
        try {
            Path classes = Path.of(ModeComparison.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            guesses.add(classes.getParent().getParent().resolve("python/crawler.py"));   // module/target/classes
        } catch (URISyntaxException | RuntimeException e) {
            // no code source (unusual class loader): fall back to the working directory
        }
        guesses.add(Path.of("python/crawler.py"));
        guesses.add(Path.of("link-collector/python/crawler.py"));
        return guesses.stream().filter(Files::isRegularFile).map(Path::toAbsolutePath).findFirst();
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

    /**
     * CPU time of the children this process has waited for, from {@code /proc/self/stat} (fields
     * cutime and cstime, in clock ticks of 1/100 s on Linux).
     */
    static final class ChildCpu {
        private static final Path STAT = Path.of("/proc/self/stat");
        private static final double TICKS_PER_SECOND = 100.0;

        private ChildCpu() {
        }

        static boolean available() {
            return Files.isReadable(STAT);
        }

        static long ticks() {
            if (!available()) {
                return 0;
            }
            try {
                String stat = Files.readString(STAT);
                // The command name (field 2) may contain spaces: count fields after its closing ')'.
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(f[13]) + Long.parseLong(f[14]);   // fields 16 and 17: cutime, cstime
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        static double seconds(long ticks) {
            return ticks / TICKS_PER_SECOND;
        }
    }
}
