package edu.ute.concurrency.examples.rle.measure;

import edu.ute.concurrency.examples.rle.ConcurrentCodec;
import edu.ute.concurrency.examples.rle.ProcessPerImageCodec;
import edu.ute.concurrency.examples.rle.RleStrategy;
import edu.ute.concurrency.examples.support.CommandLine;
import edu.ute.concurrency.examples.support.UsageException;
import edu.ute.concurrency.rle.ImageFiles;
import edu.ute.concurrency.rle.PackedBitImage;
import edu.ute.concurrency.rle.SampleImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * {@code rle compare}: runs every registered strategy ({@link RleStrategy}) on the same workloads,
 * checks that each produced exactly the bytes of the sequential codec, and prints a table of median
 * time, megapixels per second, speedup over sequential and CPU time; writes the same as CSV and as an
 * SVG bar chart ({@link ComparisonChart}).
 *
 * <p>The default workloads are generated (deterministic, nothing to download): a 64×64 icon, a text
 * page at 300 and at 600 dpi, random noise and a blank page of A4 size at 300 dpi, and a batch of 200
 * text pages at 150 dpi. Single images are split per row block; batches are split per image (and, for
 * comparison, per row block by a few strategies); {@code process}, a JVM start per image, runs on a
 * batch only when named in {@code --strategies}. The JDK's own fax codec (ImageIO TIFF with CCITT
 * T.6 compression) runs on the same workloads as a reference for speed and size.
 *
 * <p>Beside the strategies, each workload gets a {@link ParallelCeiling}: the same amount of pure
 * arithmetic as sequential's time, on one thread and split over the threads. Its ratio is what the
 * threads could gain on work of that size on this machine during this run, and each strategy's
 * speedup is also given as a fraction of it. The run ends with a summary in plain words.
 *
 * <p>When a Python with {@code bitarray} is found ({@link PythonCaseStudy#locate()}), the course's
 * Python follows the Java rows on the icon, a text page and a batch (its first {@value
 * #PYTHON_BATCH_IMAGES} images): sequential, threads per row, {@code Pool} per row and a process per
 * image, on the same images written once as PBM, timed inside the Python process, and checked byte for
 * byte against rle-core; the summary then says what the course's hint becomes in each language.
 * Without such a Python one line says which rows were skipped and why.
 *
 * <p>How it times, and why: each cell (strategy × granularity) first warms up so that the JIT has
 * compiled the code; then the cells take timed rounds in turn (round-robin), so that load from
 * elsewhere on the machine hurts all of them alike. A round is a run of back-to-back calls long enough
 * for the clock and the CPU-time counter to resolve, so a pool is timed in steady use, and it starts
 * with one untimed call, which pays for whatever the other cells' rounds left cold (caches, parked
 * threads). A child JVM starts cold anyway and gets neither. The table gives the median over rounds of
 * the time per call; CPU time is this process's (all its threads, JIT and GC included) plus what child
 * JVMs report. Every round's output is checked against the reference. These are measurements of a
 * whole program, not a micro-benchmark (that is {@code RleStrategyBenchmark}): run it on an idle
 * machine. docs/measurements.md has runs with their commands.
 *
 * <p>HOW TO RUN: {@code mvn -q -pl concurrency-examples -am compile exec:exec -Dexec.appArgs="compare"}
 * (about a minute on two cores, and about half a minute more for the Python rows; {@code --quick}
 * takes seconds).
 */
public final class StrategyComparison {
    /** Parallel strategies that also run a batch per row block (one image after another). */
    private static final Set<RleStrategy> BLOCKWISE_ON_BATCHES =
            EnumSet.of(RleStrategy.THREADS, RleStrategy.EXECUTOR, RleStrategy.FORKJOIN, RleStrategy.AUTO);
    /** The JDK's fax codec: a row of the table, not a strategy of the tool. */
    private static final String T6 = "jdk-tiff-t6";
    private static final List<String> DEFAULT_WORKLOADS =
            List.of("icon", "text-300dpi", "text-600dpi", "noise-300dpi", "blank-300dpi", "batch-200x150dpi");
    private static final int MAX_ROUNDS = 2000;
    /**
     * Timed time per cell, at least: with {@code repeats} rounds of {@link #ROUND_NANOS}, enough for a
     * stable median, and short enough that the default run takes about a minute on two cores.
     */
    private static final long MIN_TIMED_NANOS = 150_000_000L;
    /** A round's length: calls back to back for long enough that a pool never goes idle within it. */
    private static final long ROUND_NANOS = 20_000_000L;
    /** What the Python rows' names start with. */
    static final String PYTHON_PREFIX = ComparisonChart.PYTHON_PREFIX;
    /** The ceiling measured at Python's one-thread time. */
    static final String PYTHON_CEILING = PYTHON_PREFIX + ParallelCeiling.NAME;
    /** The course's variants that answer its hint; {@code pool-chunked} and {@code per-bit} are PythonCaseStudy's. */
    private static final Set<PythonCaseStudy.Variant> PYTHON_VARIANTS = EnumSet.of(PythonCaseStudy.Variant.SEQUENTIAL,
            PythonCaseStudy.Variant.THREADS, PythonCaseStudy.Variant.POOL, PythonCaseStudy.Variant.PROCESS);
    /**
     * The single images the Python rows run on (the default's and {@code --quick}'s): the icon, where
     * a hand-off costs more than the work, and a page, where it should pay. The 600-dpi page, noise and
     * blank teach nothing more in Python and would take most of the run.
     */
    private static final Set<String> PYTHON_SINGLE_IMAGES = Set.of("icon", "text-300dpi", "text-150dpi");
    /** A batch's first pages, at most, for the Python rows: a Pool per row takes about 0.1 s a page. */
    static final int PYTHON_BATCH_IMAGES = 8;
    /**
     * Timed rounds of each Python row, at most: its calls take 0.1–1 s where Java's take milliseconds,
     * and the Python rows should not take longer than all the Java rows together.
     */
    static final int PYTHON_REPEATS = 3;

    private final PrintStream out;
    private final int threads;
    private final int repeats;
    private final long budgetNanos;
    private final List<RleStrategy> strategies;
    private final boolean withT6;
    private final List<String> operations;
    private final long minTimedNanos;
    private final long warmUpNanos;
    private final boolean processOnBatches;

    /** A named set of images; a batch is encoded one task per image. */
    record Workload(String name, List<PackedBitImage> images, boolean batch) {
        long pixels() {
            return images.stream().mapToLong(PackedBitImage::pixelCount).sum();
        }

        String size() {
            PackedBitImage first = images.get(0);
            return (batch ? images.size() + " × " : "") + first.width() + "x" + first.height();
        }
    }

    /** One cell of the table; {@code runs} counts calls timed (rounds × calls per round). */
    record Row(String operation, String workload, String size, String strategy, String granularity, int threads, int runs, double medianMs,
            double mpxPerSecond, double speedup, double cpuMs, double cpuRatio, long outputBytes, String identical) {
        boolean is(RleStrategy s) {
            return strategy.equals(s.label());
        }

        /** A strategy of the tool other than the baseline (not the fax codec). */
        boolean isParallel() {
            return RleStrategy.labels().contains(strategy) && !is(RleStrategy.SEQUENTIAL);
        }

        /** The course's Python, timed in its own process ({@code py sequential}, {@code py pool}...). */
        boolean isPython() {
            return strategy.startsWith(PYTHON_PREFIX);
        }

        /** Pure arithmetic: {@code ceiling} beside the Java rows, {@code py ceiling} beside the Python rows. */
        boolean isCeiling() {
            return strategy.equals(ParallelCeiling.NAME) || strategy.equals(PYTHON_CEILING);
        }

        /** A parallel strategy whose work stays in this JVM, so that its CPU time is comparable. */
        boolean isParallelInProcess() {
            return isParallel() && RleStrategy.named(strategy).inProcess();
        }
    }

    private StrategyComparison(PrintStream out, int threads, int repeats, long budgetNanos, long minTimedNanos,
            List<RleStrategy> strategies, boolean withT6, List<String> operations, boolean processOnBatches) {
        this.out = out;
        this.threads = threads;
        this.repeats = repeats;
        this.budgetNanos = budgetNanos;
        this.minTimedNanos = minTimedNanos;
        this.warmUpNanos = minTimedNanos * 2 / 3;
        this.strategies = strategies;
        this.withT6 = withT6;
        this.operations = operations;
        this.processOnBatches = processOnBatches;
    }

    /** {@code rle compare [options]}: reads the options from {@code args}, runs, prints; the exit code. */
    public static int run(CommandLine args, PrintStream out, PrintStream err) throws UsageException, IOException, InterruptedException {
        return run(args, out, err, System.getenv());
    }

    /** As {@link #run(CommandLine, PrintStream, PrintStream)}, {@code environment} standing for this process's. */
    static int run(CommandLine args, PrintStream out, PrintStream err, Map<String, String> environment)
            throws UsageException, IOException, InterruptedException {
        boolean quick = false;
        boolean process = true;
        boolean decode = true;
        boolean python = true;
        List<String> onlyWorkloads = null;
        int threads = Runtime.getRuntime().availableProcessors();
        int repeats = 5;
        Path outDir = Path.of("target", "rle-compare");
        Path dir = null;
        List<String> names = null;
        List<String> known = new ArrayList<>(RleStrategy.labels());
        known.add(T6);
        while (args.hasNext()) {
            switch (args.next()) {
                case "--quick" -> quick = true;
                case "--no-process" -> process = false;
                case "--no-decode" -> decode = false;
                case "--no-python" -> python = false;
                case "--threads" -> threads = args.positiveInt();
                case "--repeats" -> repeats = args.positiveInt();
                case "--out" -> outDir = args.path();
                case "--dir" -> dir = args.path();
                case "--workloads" -> onlyWorkloads = List.of(args.value().split(","));
                case "--strategies" -> names = args.listOf(known);
                default -> throw args.unknown();
            }
        }
        Set<RleStrategy> chosen = new LinkedHashSet<>();
        chosen.add(RleStrategy.SEQUENTIAL); // the reference
        if (names == null) {
            chosen.addAll(Arrays.asList(RleStrategy.values()));
        } else {
            names.stream().filter(n -> !n.equals(T6)).map(RleStrategy::named).forEach(chosen::add);
        }
        if (!process) {
            chosen.removeIf(s -> !s.inProcess());
        }
        boolean withT6 = names == null || names.contains(T6);
        List<Workload> workloads = new ArrayList<>();
        if (dir != null) {
            List<PackedBitImage> images = new ArrayList<>();
            for (Path file : imagesIn(dir)) {
                images.add(ImageFiles.read(file));
            }
            if (images.isEmpty()) {
                err.println("rle: no images in " + dir);
                return 1;
            }
            workloads.add(new Workload(dir.getFileName() + "/", images, true));
        } else {
            out.println("generating workloads" + (quick ? " (quick: scaled down)" : "") + "...");
            List<String> wanted = onlyWorkloads;
            workloads.addAll(quick ? quickWorkloads() : defaultWorkloads(name -> wanted == null || wanted.contains(name)));
        }
        List<String> only = onlyWorkloads;
        if (only != null) {
            List<String> generated = workloads.stream().map(Workload::name).toList();
            for (String name : only) {
                if (!generated.contains(name)) {
                    throw new UsageException("unknown workload '" + name + "' (known: " + String.join(", ", DEFAULT_WORKLOADS)
                            + "; with --quick: " + String.join(", ", quickWorkloads().stream().map(Workload::name).toList()) + ")");
                }
            }
            workloads.removeIf(w -> !only.contains(w.name()));
        }
        StrategyComparison comparison = new StrategyComparison(out, threads, quick ? 1 : repeats,
                quick ? 200_000_000L : 2_000_000_000L, quick ? 15_000_000L : MIN_TIMED_NANOS, List.copyOf(chosen), withT6,
                decode ? List.of("encode", "decode") : List.of("encode"),
                names != null && names.contains(RleStrategy.PROCESS.label())); // named: the batch too, however long
        String machine = machine();
        out.println(machine);
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        if (load > 0.5 * Runtime.getRuntime().availableProcessors()) {
            // Parallel strategies need idle cores to show anything: say so rather than print misleading ratios.
            out.printf(Locale.ROOT, "note: load average %.1f on %d cores: other programs are using the CPU, parallel speedups"
                    + " will come out low; re-run on a quiet machine%n", load, Runtime.getRuntime().availableProcessors());
        }
        List<Row> rows = comparison.compare(workloads);
        boolean pythonFailed = false;
        if (python) {
            try {
                rows = withPython(rows, pythonRows(workloads, threads, quick ? 1 : Math.min(repeats, PYTHON_REPEATS), quick, outDir,
                        environment, out));
            } catch (IOException e) {
                err.println("rle: " + e.getMessage());
                out.println("python: every Python row skipped: its benchmark failed (above)");
                pythonFailed = true;
            }
        }
        out.printf(Locale.ROOT, "load average after: %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        out.println();
        out.print(table(rows));
        out.println();
        if (quick) {
            out.println("(--quick: scaled-down workloads and short timings; the ratios below say little without it)");
        }
        out.print(summary(rows));
        Files.createDirectories(outDir);
        Path csv = outDir.resolve("rle-compare.csv");
        Path svg = outDir.resolve("rle-compare.svg");
        ImageFiles.writeAtomically(csv, csv(rows, machine).getBytes(StandardCharsets.UTF_8));
        List<ComparisonChart.Bar> bars = rows.stream()
                .filter(r -> !r.strategy().equals(RleStrategy.SEQUENTIAL.label()) && !r.strategy().equals(PYTHON_PREFIX + "sequential"))
                .map(r -> new ComparisonChart.Bar(r.operation() + " " + r.workload() + " (" + r.size() + ")", r.strategy()
                        + (r.granularity().equals("block") && isBatch(workloads, r.workload()) ? " per block" : ""), r.speedup()))
                .toList();
        ImageFiles.writeAtomically(svg, ComparisonChart.svg("rle compare: speedup over sequential"
                        + (rows.stream().anyMatch(Row::isPython) ? " (py rows: over py sequential)" : ""),
                machine.replace('\n', ' '), bars).getBytes(StandardCharsets.UTF_8));
        out.println("wrote " + csv.toAbsolutePath() + " and " + svg.toAbsolutePath());
        boolean allIdentical = rows.stream().allMatch(r -> !r.identical().equals("NO"));
        if (!allIdentical) {
            err.println("rle: some strategy produced output different from sequential (see the table)");
            return 1;
        }
        return pythonFailed ? 1 : 0;
    }

    /**
     * The Python rows, by the Java workload they sit under: the course's variants ({@link
     * #PYTHON_VARIANTS}) on the icon, a page and the batch (its first {@link #PYTHON_BATCH_IMAGES}
     * images), written once as PBM into a temporary folder of {@code outDir} and timed by {@link
     * PythonCaseStudy} in one Python process; then {@code py ceiling} at Python's one-thread time.
     * Without a suitable Python, one line says which rows were skipped and why, and none are returned.
     *
     * @throws IOException if the Python benchmark fails
     */
    static Map<String, List<Row>> pythonRows(List<Workload> workloads, int threads, int repeats, boolean quick, Path outDir,
            Map<String, String> environment, PrintStream out) throws IOException, InterruptedException {
        Map<String, Workload> chosen = new LinkedHashMap<>(); // by the file name the Python reports it under
        Map<String, String> under = new LinkedHashMap<>();
        for (Workload w : workloads) {
            if (w.batch() || PYTHON_SINGLE_IMAGES.contains(w.name())) {
                Workload python = w.batch() && w.images().size() > PYTHON_BATCH_IMAGES
                        ? new Workload(w.name().replaceFirst("^batch-\\d+x", "batch-" + PYTHON_BATCH_IMAGES + "x")
                                .replaceFirst("/?$", w.name().startsWith("batch-") ? "" : "-first-" + PYTHON_BATCH_IMAGES),
                                w.images().subList(0, PYTHON_BATCH_IMAGES), true)
                        : w;
                String file = python.name().replaceAll("[^A-Za-z0-9._-]", "_");
                chosen.put(file, python);
                under.put(file, w.name());
            }
        }
        String what = "py sequential, threads, pool and process";
        if (chosen.isEmpty()) {
            out.println("python: skipped the Python rows (" + what + "): they run on the icon, a text page and a batch only");
            return Map.of();
        }
        String on = String.join(", ", chosen.values().stream().map(Workload::name).toList());
        PythonCaseStudy.Lookup lookup = PythonCaseStudy.locate(environment);
        if (!lookup.isFound()) {
            out.println("python: skipped the Python rows (" + what + " on " + on + "): " + lookup.reason());
            return Map.of();
        }
        PythonInterpreter interpreter = lookup.caseStudy().interpreter();
        out.printf(Locale.ROOT, "python: %s (Python %s, bitarray %s): %s on %s%n", interpreter.command(), interpreter.version(),
                interpreter.bitarrayVersion(), what, on);
        Files.createDirectories(outDir);
        Path images = Files.createTempDirectory(outDir, ".python-images-");
        PythonCaseStudy.Benchmark run;
        try {
            List<Path> paths = new ArrayList<>();
            for (Map.Entry<String, Workload> e : chosen.entrySet()) {
                Workload w = e.getValue();
                if (w.batch()) {
                    Path dir = Files.createDirectory(images.resolve(e.getKey()));
                    for (int i = 0; i < w.images().size(); i++) {
                        ImageFiles.write(w.images().get(i), dir.resolve(String.format(Locale.ROOT, "page-%03d.pbm", i)));
                    }
                    paths.add(dir);
                } else {
                    ImageFiles.write(w.images().getFirst(), images.resolve(e.getKey() + ".pbm"));
                    paths.add(images.resolve(e.getKey() + ".pbm"));
                }
            }
            run = lookup.caseStudy().benchmark(paths, new PythonCaseStudy.Settings(PYTHON_VARIANTS, threads, repeats, quick),
                    line -> out.println("python " + line.strip()));
        } finally {
            deleteTree(images);
        }
        Map<String, List<Row>> rows = new LinkedHashMap<>();
        for (Map.Entry<String, Workload> e : chosen.entrySet()) {
            Workload w = e.getValue();
            Optional<PythonCaseStudy.Result> base = run.result(e.getKey(), PythonCaseStudy.Variant.SEQUENTIAL);
            if (base.isEmpty()) {
                throw new IOException("the Python benchmark's report has no sequential row for " + w.name());
            }
            List<Row> mine = new ArrayList<>();
            for (PythonCaseStudy.Variant v : PYTHON_VARIANTS) {
                run.result(e.getKey(), v).ifPresent(r -> mine.add(new Row("encode", w.name(), w.size(), PYTHON_PREFIX + v.python(),
                        r.per(), r.workers(), (int) r.calls(), r.medianMs(), r.mpxPerSecond(), base.get().medianMs() / r.medianMs(),
                        r.cpuMs(), r.cpuMs() / base.get().cpuMs(), r.outputBytes(), r.identical() ? "yes" : "NO")));
            }
            double ceiling = ParallelCeiling.measure(base.get().medianMs(), threads, repeats);
            mine.add(new Row("encode", w.name(), w.size(), PYTHON_CEILING, "-", threads, repeats, base.get().medianMs() / ceiling, 0,
                    ceiling, Double.NaN, Double.NaN, 0, "n/a"));
            rows.put(under.get(e.getKey()), mine);
        }
        return rows;
    }

    /** {@code rows} with each workload's Python rows after its encoding rows. */
    static List<Row> withPython(List<Row> rows, Map<String, List<Row>> python) {
        List<Row> merged = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            merged.add(r);
            boolean lastOfGroup = i + 1 == rows.size() || !rows.get(i + 1).workload().equals(r.workload())
                    || !rows.get(i + 1).operation().equals(r.operation());
            if (lastOfGroup && r.operation().equals("encode")) {
                merged.addAll(python.getOrDefault(r.workload(), List.of()));
            }
        }
        return merged;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The image files of {@code dir}: regular, not hidden, not {@code .rle}, sorted by name. */
    private static List<Path> imagesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith(".") && !name.toLowerCase(Locale.ROOT).endsWith(".rle"))
                    .map(dir::resolve)
                    .sorted().toList();
        }
    }

    private static boolean isBatch(List<Workload> workloads, String name) {
        return workloads.stream().anyMatch(w -> w.name().equals(name) && w.batch());
    }

    /** The default workloads, generated (deterministically) only when {@code wanted} names them. */
    static List<Workload> defaultWorkloads(Predicate<String> wanted) {
        int w = SampleImages.a4Width(300);
        int h = SampleImages.a4Height(300);
        List<Workload> workloads = new ArrayList<>();
        if (wanted.test("icon")) {
            workloads.add(new Workload("icon", List.of(SampleImages.icon()), false));
        }
        if (wanted.test("text-300dpi")) {
            workloads.add(new Workload("text-300dpi", List.of(SampleImages.textPage(300, 1)), false));
        }
        if (wanted.test("text-600dpi")) {
            workloads.add(new Workload("text-600dpi", List.of(SampleImages.textPage(600, 2)), false));
        }
        if (wanted.test("noise-300dpi")) {
            workloads.add(new Workload("noise-300dpi", List.of(SampleImages.noise(w, h, 0.5, 3)), false));
        }
        if (wanted.test("blank-300dpi")) {
            workloads.add(new Workload("blank-300dpi", List.of(SampleImages.blank(w, h)), false));
        }
        if (wanted.test("batch-200x150dpi")) {
            List<PackedBitImage> batch = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                batch.add(SampleImages.textPage(150, 1000 + i));
            }
            workloads.add(new Workload("batch-200x150dpi", batch, true));
        }
        return workloads;
    }

    /** The same shapes, scaled down so that a test runs them in seconds. */
    static List<Workload> quickWorkloads() {
        List<PackedBitImage> batch = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            batch.add(SampleImages.textPage(40, 1000 + i));
        }
        return List.of(
                new Workload("icon", List.of(SampleImages.icon()), false),
                new Workload("text-75dpi", List.of(SampleImages.textPage(75, 1)), false),
                new Workload("text-150dpi", List.of(SampleImages.textPage(150, 2)), false),
                new Workload("noise", List.of(SampleImages.noise(300, 400, 0.5, 3)), false),
                new Workload("blank", List.of(SampleImages.blank(620, 877)), false),
                new Workload("batch-8x40dpi", batch, true));
    }

    static String machine() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return String.format(Locale.ROOT, "machine: %d cores, %s %s (%s), %s %s, max heap %d MB, load average before: %.2f",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.vendor"), Runtime.version(),
                System.getProperty("java.vm.name"), System.getProperty("os.name"), System.getProperty("os.arch"),
                Runtime.getRuntime().maxMemory() >> 20, os.getSystemLoadAverage());
    }

    List<Row> compare(List<Workload> workloads) throws InterruptedException, IOException {
        List<Row> rows = new ArrayList<>();
        for (Workload workload : workloads) {
            for (String operation : operations) {
                out.printf(Locale.ROOT, "%s %s (%s, %.1f Mpx):", operation, workload.name(), workload.size(), workload.pixels() / 1e6);
                rows.addAll(compare(workload, operation));
                out.println();
            }
        }
        return rows;
    }

    private List<Row> compare(Workload workload, String operation) throws InterruptedException, IOException {
        boolean encode = operation.equals("encode");
        List<byte[]> encoded;
        try (ConcurrentCodec sequential = RleStrategy.SEQUENTIAL.create(1)) {
            encoded = encode ? null : sequential.encodeEach(workload.images());
        }
        List<Cell> cells = new ArrayList<>();
        ParallelCeiling ceiling = null;
        try {
            for (RleStrategy strategy : strategies) {
                if (!strategy.inProcess() && workload.batch() && !processOnBatches) {
                    continue; // a JVM start per image of a large batch: most of the run's time, and nothing new to see
                }
                List<String> granularities = !strategy.inProcess() ? List.of("image") // a JVM per row block: absurd
                        : !workload.batch() ? List.of("block")
                        : BLOCKWISE_ON_BATCHES.contains(strategy) ? List.of("image", "block") : List.of("image");
                for (String granularity : granularities) {
                    cells.add(cell(strategy, granularity, workload, encoded));
                }
            }
            if (withT6 && encode) { // ImageIO cannot read back every CCITT file it writes: encode only
                cells.add(tiffT6Cell(workload));
            }
            // The reference: what sequential produced (encoding), or the original images (decoding).
            List<?> expected = encode ? call(cells.get(0).action) : workload.images();
            for (Cell cell : cells) {
                out.print(" " + cell.name + (workload.batch() && cell.granularity.equals("block") ? "/block" : ""));
                out.flush();
                cell.warmUp(expected);
            }
            if (strategies.size() > 1) {
                // The machine's own limit on work of this size, timed in the same rounds as the strategies.
                ceiling = new ParallelCeiling(cells.get(0).fastestNanos, threads);
                Cell one = new Cell(ParallelCeiling.NAME + "-1", "-", null, ceiling.oneThread());
                Cell split = new Cell(ParallelCeiling.NAME, "-", null, ceiling.split());
                out.print(" " + ParallelCeiling.NAME);
                out.flush();
                for (Cell cell : List.of(one, split)) {
                    cell.warmUp(List.of());
                    cells.add(cell);
                }
            }
            // Timed rounds go round-robin over the cells (A B C A B C ...), so that a burst of load from
            // elsewhere on the machine hits every strategy alike instead of whichever ran at that moment.
            boolean running = true;
            while (running) {
                running = false;
                for (Cell cell : cells) {
                    if (!cell.finished()) {
                        cell.timedRound(expected);
                        running = true;
                    }
                }
            }
        } finally {
            for (Cell cell : cells) {
                if (cell.codec != null) {
                    cell.codec.close();
                }
            }
            if (ceiling != null) {
                ceiling.close();
            }
        }
        Cell sequential = cells.get(0);
        List<Row> rows = new ArrayList<>();
        Cell ceilingOne = null;
        for (Cell cell : cells) {
            if (cell.name.startsWith(ParallelCeiling.NAME)) {
                if (cell.name.equals(ParallelCeiling.NAME) && ceilingOne != null) {
                    double ms = median(cell.times);
                    rows.add(new Row(operation, workload.name(), workload.size(), cell.name, cell.granularity, threads,
                            cell.times.size() * cell.reps, ms, 0, median(ceilingOne.times) / ms, cell.cpuMs(),
                            cell.cpuMs() / ceilingOne.cpuMs(), 0, "n/a"));
                } else {
                    ceilingOne = cell;
                }
                continue;
            }
            long bytes = encode ? cell.outputBytes : encoded.stream().mapToLong(b -> b.length).sum();
            double medianMs = median(cell.times);
            rows.add(new Row(operation, workload.name(), workload.size(), cell.name, cell.granularity,
                    cell.codec == null || cell == sequential ? 1 : threads, cell.times.size() * cell.reps, medianMs,
                    workload.pixels() / 1e3 / medianMs, median(sequential.times) / medianMs, cell.cpuMs(),
                    cell.cpuMs() / sequential.cpuMs(), bytes,
                    cell.codec == null ? "n/a" : cell.identical ? "yes" : "NO"));
        }
        return rows;
    }

    /**
     * One strategy at one granularity on one workload (or the JDK's fax codec, whose {@code codec} is
     * null): its action, and the rounds measured so far.
     */
    private final class Cell {
        final String name;
        final String granularity;
        final ConcurrentCodec codec;
        final ProcessPerImageCodec children;
        final Callable<List<?>> action;
        final List<Double> times = new ArrayList<>();
        long timedNanos;
        long cpuNanos;
        int reps = 1; // calls per timed round
        long outputBytes;
        boolean identical = true;
        long fastestNanos = Long.MAX_VALUE; // the fastest warm-up call

        Cell(String name, String granularity, ConcurrentCodec codec, Callable<List<?>> action) {
            this.name = name;
            this.granularity = granularity;
            this.codec = codec;
            this.children = codec instanceof ProcessPerImageCodec p ? p : null;
            this.action = action;
        }

        /**
         * At least 3 calls and two thirds of the minimum timed time, at most half the budget, so that the
         * JIT has compiled the code before timing. A child JVM gets no warm-up: it starts cold every time.
         */
        void warmUp(List<?> expected) throws InterruptedException, IOException {
            long start = System.nanoTime();
            long fastest = Long.MAX_VALUE; // the fastest warm-up call: not fooled by a GC pause
            for (int i = 0; children == null && (i < 3 || System.nanoTime() - start < warmUpNanos)
                    && System.nanoTime() - start < budgetNanos / 2; i++) {
                long t0 = System.nanoTime();
                check(expected, call(action));
                fastest = Math.min(fastest, System.nanoTime() - t0);
            }
            fastestNanos = fastest;
            if (fastest != Long.MAX_VALUE) {
                // Enough calls for a round to last ROUND_NANOS. Timed alone, a call of the icon would
                // mostly measure the caches left cold by the cell before it, and a pool's call would mostly
                // measure waking its threads, parked while the other cells ran.
                reps = (int) Math.max(1, Math.min(20_000, ROUND_NANOS / Math.max(1, fastest)));
            }
        }

        /**
         * Done after at least `repeats` rounds and the minimum timed time (the OS counts CPU time in
         * ticks: short rounds need many), or when the budget is spent (at least one round).
         */
        boolean finished() {
            return !times.isEmpty() && (timedNanos >= budgetNanos || times.size() >= MAX_ROUNDS
                    || (times.size() >= repeats && timedNanos >= minTimedNanos));
        }

        void timedRound(List<?> expected) throws InterruptedException, IOException {
            if (children == null) {
                call(action); // untimed: see the class comment
            }
            long cpu0 = processCpuNanos() + (children == null ? 0 : children.childCpuNanos());
            long t0 = System.nanoTime();
            List<?> output = null;
            for (int i = 0; i < reps; i++) {
                output = call(action);
            }
            long t1 = System.nanoTime();
            long cpu1 = processCpuNanos() + (children == null ? 0 : children.childCpuNanos());
            times.add((t1 - t0) / 1e6 / reps);
            timedNanos += t1 - t0;
            cpuNanos += cpu1 - cpu0;
            check(expected, output);
        }

        double cpuMs() {
            return cpuNanos / 1e6 / times.size() / reps;
        }

        private void check(List<?> expected, List<?> output) {
            if (!output.isEmpty() && output.get(0) instanceof byte[]) {
                outputBytes = output.stream().mapToLong(b -> ((byte[]) b).length).sum();
            }
            if (codec != null) { // the fax codec writes other bytes: nothing to compare
                identical &= same(expected, output);
            }
        }
    }

    private static boolean same(List<?> a, List<?> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.deepEquals(new Object[] {a.get(i)}, new Object[] {b.get(i)})) {
                return false;
            }
        }
        return true;
    }

    private Cell cell(RleStrategy strategy, String granularity, Workload workload, List<byte[]> encoded) {
        ConcurrentCodec codec = strategy.create(strategy == RleStrategy.SEQUENTIAL ? 1 : threads);
        Callable<List<?>> action;
        if (encoded == null && granularity.equals("image")) {
            action = () -> codec.encodeEach(workload.images());
        } else if (encoded == null) {
            action = () -> {
                List<byte[]> files = new ArrayList<>();
                for (PackedBitImage image : workload.images()) {
                    files.add(codec.encode(image));
                }
                return files;
            };
        } else if (granularity.equals("image")) {
            action = () -> codec.decodeEach(encoded);
        } else {
            action = () -> {
                List<PackedBitImage> images = new ArrayList<>();
                for (byte[] file : encoded) {
                    images.add(codec.decode(file));
                }
                return images;
            };
        }
        return new Cell(strategy.label(), granularity, codec, action);
    }

    private Cell tiffT6Cell(Workload workload) {
        List<BufferedImage> prepared = workload.images().stream().map(ImageFiles::toBufferedImage).toList();
        return new Cell(T6, "image", null, () -> {
            List<byte[]> files = new ArrayList<>();
            for (BufferedImage image : prepared) {
                files.add(tiffT6(image));
            }
            return files;
        });
    }

    private static List<?> call(Callable<List<?>> action) throws InterruptedException, IOException {
        try {
            return action.call();
        } catch (InterruptedException | IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    /** The JDK's fax codec: TIFF, compression CCITT T.6 (Group 4), as a reference for speed and size. */
    static byte[] tiffT6(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(ios);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType("CCITT T.6");
                writer.write(null, new IIOImage(image, null, null), param);
            }
            return bytes.toByteArray();
        } finally {
            writer.dispose();
        }
    }

    static String table(List<Row> rows) {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "%-6s %-17s %-16s %-5s %3s %6s %12s %9s %8s %8s %12s %6s %12s %5s%n",
                "op", "workload", "strategy", "per", "thr", "calls", "median µs", "Mpx/s", "speedup", "of ceil", "cpu µs", "cpu×",
                "out bytes", "same"));
        String last = "";
        for (Row r : rows) {
            if (!(r.operation() + r.workload()).equals(last) && !last.isEmpty()) {
                t.append('\n');
            }
            last = r.operation() + r.workload();
            boolean ceiling = r.isCeiling();
            t.append(String.format(Locale.ROOT, "%-6s %-17s %-16s %-5s %3d %6d %,12.1f %9s %7.2f× %8s %12s %6s %12s %5s%n",
                    r.operation(), r.workload(), r.strategy(), r.granularity(), r.threads(), r.runs(), r.medianMs() * 1e3,
                    ceiling ? "-" : String.format(Locale.ROOT, "%.1f", r.mpxPerSecond()), r.speedup(),
                    ofCeiling(rows, r).map(f -> String.format(Locale.ROOT, "%.0f %%", 100 * f)).orElse(""),
                    Double.isFinite(r.cpuMs()) ? String.format(Locale.ROOT, "%,.1f", r.cpuMs() * 1e3) : "-",
                    Double.isFinite(r.cpuRatio()) ? String.format(Locale.ROOT, "%.2f", r.cpuRatio()) : "-",
                    ceiling ? "-" : String.format(Locale.ROOT, "%,d", r.outputBytes()), r.identical()));
        }
        t.append("""
                speedup: sequential's median time over this one's. ceiling: the same amount of pure arithmetic on
                one thread over the same split over the threads, timed in the same rounds: the most the threads
                could gain on work of this size on this machine in this run. of ceil: speedup / ceiling (blank
                where the ceiling is below 1×: work that small gains nothing from being split).
                """);
        if (rows.stream().anyMatch(Row::isPython)) {
            t.append("""
                    py rows: the course's Python, timed inside its own process the same way, on the same images
                    written as PBM; their speedup is against py sequential (Python's one thread), their ceiling
                    (py ceiling) measured at py sequential's time; same: rle-core's bytes exactly.
                    """);
        }
        return t.toString();
    }

    /**
     * A parallel strategy's speedup as a fraction of the ceiling measured beside it; none when there is
     * no ceiling, or when it is below 1× (work so small that splitting it cannot gain anything: a
     * strategy that does not split it would show as many times "the ceiling").
     */
    static Optional<Double> ofCeiling(List<Row> rows, Row r) {
        if (r.isPython() ? r.isCeiling() || r.threads() < 2 : !r.isParallel()) {
            return Optional.empty();
        }
        String ceiling = r.isPython() ? PYTHON_CEILING : ParallelCeiling.NAME;
        return rows.stream()
                .filter(c -> c.strategy().equals(ceiling) && c.operation().equals(r.operation())
                        && c.workload().equals(r.workload()) && c.speedup() >= 1)
                .findFirst()
                .map(c -> r.speedup() / c.speedup());
    }

    /**
     * What a student reads first, in plain words, for encoding: who wins where and by how much of what
     * the machine allowed (the largest single image, split by rows; each batch, one task per image), why
     * the smallest image is not worth sharing, what a JVM per image costs, the CPU time spent, and
     * whether every output was identical.
     */
    static String summary(List<Row> allRows) {
        List<Row> rows = allRows.stream().filter(r -> r.operation().equals("encode")).toList();
        StringBuilder t = new StringBuilder();
        int threads = rows.stream().filter(Row::isParallelInProcess).mapToInt(Row::threads).max().orElse(1);
        t.append("In plain words (encoding, ").append(threads).append(" threads, this run):\n");
        List<String> batches = rows.stream().filter(r -> r.granularity().equals("image") && r.isParallelInProcess())
                .map(Row::workload).distinct().toList();
        Optional<String> page = rows.stream().map(Row::workload).filter(w -> w.equals("text-600dpi")).findFirst()
                .or(() -> rows.stream().filter(r -> r.is(RleStrategy.SEQUENTIAL) && !batches.contains(r.workload()))
                        .max((a, b) -> Double.compare(a.medianMs(), b.medianMs())).map(Row::workload));
        page.ifPresent(w -> fastest(rows, w, "block").ifPresent(best -> sentence(t, String.format(Locale.ROOT,
                "%s (%s), split by rows: %s was fastest, %.2f× sequential%s", w, best.size(), best.strategy(), best.speedup(),
                againstCeiling(rows, best)))));
        for (String batch : batches) {
            fastest(rows, batch, "image").ifPresent(best -> sentence(t, String.format(Locale.ROOT,
                    "%s (%s), one task per image: %s was fastest, %.2f× sequential%s", batch, best.size(), best.strategy(),
                    best.speedup(), againstCeiling(rows, best))));
        }
        List<String> large = new ArrayList<>(batches);
        page.ifPresent(w -> large.add(0, w));
        List<String> autoAgainstFastest = new ArrayList<>();
        for (String w : large) {
            var auto = rows.stream().filter(r -> r.workload().equals(w) && r.is(RleStrategy.AUTO)
                    && r.granularity().equals(batches.contains(w) ? "image" : "block")).findFirst();
            var best = fastest(rows, w, null);
            if (auto.isPresent() && best.isPresent()) {
                double share = Math.min(1, best.get().medianMs() / auto.get().medianMs());
                autoAgainstFastest.add(String.format(Locale.ROOT, "%.0f %% of the fastest's speed on %s", 100 * share, w));
            }
        }
        if (!autoAgainstFastest.isEmpty()) {
            sentence(t, "auto, the default, reached " + String.join(" and ", autoAgainstFastest));
        }
        rows.stream().filter(r -> r.is(RleStrategy.SEQUENTIAL) && !batches.contains(r.workload()))
                .min((a, b) -> a.workload().equals("icon") ? -1 : b.workload().equals("icon") ? 1 : Double.compare(a.medianMs(), b.medianMs()))
                .filter(smallest -> smallest.medianMs() < 0.05) // under 50 µs: less than a hand-off to a pool costs
                .ifPresent(smallest -> {
                    String w = smallest.workload();
                    var pools = rows.stream().filter(r -> r.workload().equals(w) && r.isParallelInProcess()
                            && !r.is(RleStrategy.AUTO) && !r.is(RleStrategy.THREADS)).mapToDouble(Row::speedup).summaryStatistics();
                    var auto = rows.stream().filter(r -> r.workload().equals(w) && r.is(RleStrategy.AUTO)).findFirst();
                    if (pools.getCount() > 0) {
                        String range = String.format(Locale.ROOT, "%.2f", pools.getMin()).equals(String.format(Locale.ROOT, "%.2f", pools.getMax()))
                                ? String.format(Locale.ROOT, "%.2f×", pools.getMin())
                                : String.format(Locale.ROOT, "%.2f–%.2f×", pools.getMin(), pools.getMax());
                        sentence(t, String.format(Locale.ROOT, "%s (%s) encodes in %.1f µs: too little to share. Handed to a"
                                        + " pool it ran at %s sequential: the hand-off costs more than the work%s",
                                w, smallest.size(), smallest.medianMs() * 1e3, range,
                                auto.map(a -> String.format(Locale.ROOT, "; auto kept it on one thread (%.2f×)", a.speedup())).orElse("")));
                    }
                });
        rows.stream().filter(r -> r.is(RleStrategy.PROCESS)).max((a, b) -> Double.compare(a.speedup(), b.speedup()))
                .ifPresent(r -> sentence(t, String.format(Locale.ROOT,
                        "process, a new JVM per image: %.2f× sequential at best: starting a JVM costs far more than encoding an image",
                        r.speedup())));
        rows.stream().filter(r -> large.contains(r.workload()) && r.isParallelInProcess()
                        && r.granularity().equals(batches.contains(r.workload()) ? "image" : "block"))
                .max((a, b) -> Double.compare(a.cpuRatio(), b.cpuRatio()))
                .ifPresent(r -> sentence(t, String.format(Locale.ROOT, "CPU time: at most %.2f× sequential's on those (%s on %s): %s",
                        r.cpuRatio(), r.strategy(), r.workload(), r.cpuRatio() <= 1.2 ? "sharing the work hardly added to it"
                                : "handing the work over and waking threads cost CPU time of their own")));
        python(t, rows);
        long different = allRows.stream().filter(r -> r.identical().equals("NO")).count();
        boolean python = rows.stream().anyMatch(Row::isPython);
        sentence(t, different == 0 ? "Every strategy's output" + (python ? ", and every Python row's," : "") + " was byte-identical to sequential's"
                : different + " results DIFFER from sequential's: see the table (a bug in that strategy)");
        return t.toString();
    }

    /**
     * The course's hint (a Pool per row pays on large images, not on small ones) in each language: where
     * Java's threads won and where not, then per Python workload where its processes lost to pickling,
     * its threads to the GIL (which also makes them burn CPU time handing it over), and a process per
     * image to its start-up.
     */
    private static void python(StringBuilder t, List<Row> rows) {
        List<String> workloads = rows.stream().filter(Row::isPython).map(Row::workload).distinct().toList();
        if (workloads.isEmpty()) {
            return;
        }
        List<String> java = new ArrayList<>();
        for (String w : rows.stream().filter(r -> r.is(RleStrategy.SEQUENTIAL)).map(Row::workload).distinct().toList()) {
            // auto is left out: on work too small to share it does not share it, which is not the hint's question.
            rows.stream().filter(r -> r.workload().equals(w) && r.operation().equals("encode") && r.isParallelInProcess()
                            && !r.is(RleStrategy.AUTO))
                    .max((a, b) -> Double.compare(a.speedup(), b.speedup()))
                    .ifPresent(best -> java.add(String.format(Locale.ROOT, "%s on %s (%.2f×, %s)", verdict(best.speedup()), w,
                            best.speedup(), best.strategy())));
        }
        List<String> pools = new ArrayList<>();
        for (String w : workloads) {
            row(rows, w, "pool").ifPresent(p -> pools.add(String.format(Locale.ROOT, "%s on %s (%.2f×)", verdict(p.speedup()), w,
                    p.speedup())));
        }
        sentence(t, "The course's hint, a Pool per row for large images and not for small ones, in each language: Java's"
                + " fastest threads (auto aside) " + String.join(", ", java) + "; Python's Pool per row " + String.join(", ", pools)
                + " (against the same language's one thread)");
        for (String w : workloads) {
            Optional<Row> seq = row(rows, w, "sequential");
            if (seq.isEmpty()) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            row(rows, w, "pool").ifPresent(p -> parts.add(String.format(Locale.ROOT, "a Pool per row %.2f×%s", p.speedup(),
                    p.speedup() < 0.9 ? String.format(Locale.ROOT, ", lost to pickling: each row goes to a worker and back,"
                            + " %.2f× one thread's CPU time", p.cpuRatio()) : "")));
            row(rows, w, "threads").ifPresent(p -> parts.add(String.format(Locale.ROOT, "threads per row %.2f×%s", p.speedup(),
                    p.speedup() >= 0.9 ? "" : String.format(Locale.ROOT, ", lost to the GIL: one thread runs Python at a time,"
                            + " and passing the lock back and forth cost %.2f× one thread's CPU time", p.cpuRatio()))));
            row(rows, w, "process").ifPresent(p -> parts.add(String.format(Locale.ROOT, "a process per image %.2f×%s", p.speedup(),
                    p.speedup() < 0.9 ? ", lost to starting processes: each costs more than encoding " + (p.size().contains(" × ")
                            ? "a page" : "the image") : "")));
            row(rows, w, "ceiling").ifPresent(c -> parts.add(String.format(Locale.ROOT,
                    "two threads of pure arithmetic reached %.2f× on work as long", c.speedup())));
            String slower = javaSequential(rows, w).map(j -> String.format(Locale.ROOT, ", %.0f× slower than Java's sequential",
                    j.mpxPerSecond() / seq.get().mpxPerSecond())).orElse("");
            sentence(t, String.format(Locale.ROOT, "Python on %s (%s), one thread %.1f ms%s: %s", w, seq.get().size(),
                    seq.get().medianMs(), slower, String.join("; ", parts)));
        }
    }

    private static Optional<Row> row(List<Row> rows, String workload, String python) {
        return rows.stream().filter(r -> r.workload().equals(workload) && r.strategy().equals(PYTHON_PREFIX + python)).findFirst();
    }

    /**
     * Java's sequential on the same images: the encoding row above the Python rows (they sit under
     * their workload, or under the batch whose first pages they took).
     */
    private static Optional<Row> javaSequential(List<Row> rows, String python) {
        Row found = null;
        for (Row r : rows) {
            if (r.workload().equals(python) && r.isPython()) {
                return Optional.ofNullable(found);
            }
            if (r.is(RleStrategy.SEQUENTIAL) && r.operation().equals("encode")) {
                found = r;
            }
        }
        return Optional.empty();
    }

    private static String verdict(double speedup) {
        return speedup >= 1.1 ? "gained" : speedup > 0.9 ? "gained nothing" : "lost";
    }

    private static String againstCeiling(List<Row> rows, Row best) {
        return ofCeiling(rows, best).map(f -> String.format(Locale.ROOT, ", %.0f %% of the %.2f× that %d threads of pure"
                + " arithmetic reached on work of the same size", 100 * f, best.speedup() / f, best.threads())).orElse("");
    }

    /** One sentence of the summary, indented, wrapped at about 100 columns. */
    private static void sentence(StringBuilder t, String sentence) {
        String indent = "  ";
        StringBuilder line = new StringBuilder(indent);
        for (String word : (sentence + ".").split(" (?!%)")) { // "97 %" stays one word: never broken before the %
            if (line.length() + word.length() + 1 > 100 && line.length() > indent.length() + 2) {
                t.append(line).append('\n');
                line = new StringBuilder(indent + "  ");
            } else if (line.length() > indent.length() && !line.toString().endsWith(" ")) {
                line.append(' ');
            }
            line.append(word);
        }
        t.append(line).append('\n');
    }

    private static Optional<Row> fastest(List<Row> rows, String workload, String granularity) {
        return rows.stream().filter(r -> r.workload().equals(workload) && r.isParallel()
                        && (granularity == null || r.granularity().equals(granularity)))
                .max((a, b) -> Double.compare(a.speedup(), b.speedup()));
    }

    static String csv(List<Row> rows, String machine) {
        StringBuilder c = new StringBuilder("# " + machine.replace('\n', ' ') + "\n");
        c.append("operation,workload,size,strategy,granularity,threads,calls_timed,median_ms,mpx_per_s,speedup,cpu_ms,cpu_ratio,output_bytes,identical,"
                + "speedup_of_ceiling\n");
        for (Row r : rows) {
            c.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%d,%d,%.6f,%.2f,%.3f,%.6f,%.3f,%d,%s,%s%n", r.operation(), r.workload(),
                    r.size().replace(" × ", "x"), r.strategy(), r.granularity(), r.threads(), r.runs(), r.medianMs(),
                    r.mpxPerSecond(), r.speedup(), r.cpuMs(), r.cpuRatio(), r.outputBytes(), r.identical(),
                    ofCeiling(rows, r).map(f -> String.format(Locale.ROOT, "%.3f", f)).orElse("")));
        }
        return c.toString();
    }
}
