package edu.ute.concurrency.examples.rle.measure;

import edu.ute.concurrency.examples.rle.ConcurrentCodec;
import edu.ute.concurrency.examples.rle.RleStrategy;
import edu.ute.concurrency.examples.support.CommandLine;
import edu.ute.concurrency.examples.support.UsageException;
import edu.ute.concurrency.rle.ImageFiles;
import edu.ute.concurrency.rle.PackedBitImage;
import edu.ute.concurrency.rle.Rle;
import edu.ute.concurrency.rle.RleFile;
import edu.ute.concurrency.rle.SampleImages;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The course's Python case study ({@code concurrency-examples/python/rle_course.py}) run on the same
 * PBM files as the Java codec: each variant timed inside its own Python process by the program's
 * {@code bench} command (warm-up, then rounds of back-to-back calls in turn, medians, as
 * {@code rle compare} times the Java strategies; never the interpreter's start-up), and every output
 * checked byte for byte against rle-core's encoder.
 *
 * <pre>{@code
 * PythonCaseStudy.Lookup lookup = PythonCaseStudy.locate();
 * if (lookup.isFound()) {
 *     PythonCaseStudy.Benchmark run = lookup.caseStudy().benchmark(List.of(pagePbm, batchDirectory),
 *             PythonCaseStudy.Settings.of(threads, repeats, quick), System.out::println);
 *     for (PythonCaseStudy.Result r : run.results()) {
 *         ... r.workload(), r.variant().label(), r.medianMs(), r.identical() ...
 *     }
 * } else {
 *     System.out.println("Python rows skipped: " + lookup.reason());
 * }
 * }</pre>
 * A workload is a PBM file (one image) or a directory (a batch: every non-hidden file in it, by name);
 * the caller writes them, this class writes nothing. {@link #locate()} finds the interpreter with
 * {@link PythonInterpreter#find()} and the program beside this module's classes; when either is
 * missing, {@link Lookup#reason()} says which interpreters were tried and what each lacked, or where
 * the program was looked for.
 *
 * <p>HOW TO RUN (Python beside Java on the same images, a table):
 * <pre>
 * mvn -q -pl concurrency-examples -am compile exec:exec \
 *     -Dexec.mainClass=edu.ute.concurrency.examples.rle.measure.PythonCaseStudy
 * </pre>
 * With no arguments it writes its sample images under {@code target/python-case-study/} and prints one
 * table: each Python variant and each Java strategy, the speedups over each language's one thread, the
 * two-thread ceiling measured in the same run ({@link ParallelCeiling}), and whether every output was
 * rle-core's bytes; then a sentence per workload on the course's hint. {@code --help} lists the options.
 *
 * <p><b>Thread safety.</b> Immutable; each {@link #benchmark} call runs its own Python process.
 */
public final class PythonCaseStudy {
    /** The program, in {@link #SCRIPT_DIRECTORY}. */
    public static final String SCRIPT = "rle_course.py";
    /** Where the program lives, relative to the concurrency-examples module. */
    public static final String SCRIPT_DIRECTORY = "python";
    /** Far beyond a run of the default workloads; only a hung interpreter reaches it. */
    private static final Duration BENCH_TIMEOUT = Duration.ofMinutes(30);
    /** No {@code __pycache__} in the source tree, and UTF-8 on the pipes whatever the locale. */
    static final Map<String, String> ENVIRONMENT = Map.of("PYTHONDONTWRITEBYTECODE", "1", "PYTHONUTF8", "1");

    /** The program's variants, by the names on its command line. */
    public enum Variant {
        /** The case study's encoder, {@code bitarray} finding the runs, one image after another. */
        SEQUENTIAL("sequential"),
        /** The first version anyone writes: a Python loop over every pixel. */
        PER_BIT("per-bit"),
        /** A {@code ThreadPoolExecutor}, one task per row: the GIL made visible. */
        THREADS("threads"),
        /** A {@code multiprocessing.Pool}, one task (and one pickled message) per row. */
        POOL("pool"),
        /** The same pool, rows sent in {@code Pool.map}'s default chunks. */
        POOL_CHUNKED("pool-chunked"),
        /** A new process for each image of a batch. */
        PROCESS("process");

        private final String python;

        Variant(String python) {
            this.python = python;
        }

        /** The name on {@code rle_course.py}'s command line. */
        public String python() {
            return python;
        }

        /** The name in a table beside the Java strategies. */
        public String label() {
            return "py " + python;
        }

        static Variant named(String python) {
            return Arrays.stream(values()).filter(v -> v.python.equals(python)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown Python variant '" + python + "'"));
        }
    }

    /**
     * What to run and how long: {@code quick} shortens every timing the way {@code rle compare --quick}
     * does; {@code repeats} is the least number of timed rounds per variant.
     */
    public record Settings(Set<Variant> variants, int workers, int repeats, boolean quick) {
        public Settings {
            variants = Set.copyOf(variants);
            if (variants.isEmpty() || workers < 1 || repeats < 1) {
                throw new IllegalArgumentException("no variants, or workers or repeats under 1: " + variants + ", " + workers
                        + ", " + repeats);
            }
        }

        /** Every variant but the per-bit loop, which takes seconds a call on a batch. */
        public static Settings of(int workers, int repeats, boolean quick) {
            return new Settings(EnumSet.complementOf(EnumSet.of(Variant.PER_BIT)), workers, repeats, quick);
        }
    }

    /**
     * One variant on one workload. {@code per} is what a task holds: {@code row}, {@code rows} (a
     * chunk), {@code image}, or {@code -} (no tasks). {@code cpuMs} is the CPU time per call of the
     * Python process and its workers, NaN where the platform does not tell. {@code identical}: every
     * image's output was rle-core's payload, byte for byte, on every call.
     */
    public record Result(String workload, boolean batch, int images, long pixels, Variant variant, String per, int workers,
            int rounds, long calls, double medianMs, double cpuMs, long outputBytes, boolean identical) {
        public double mpxPerSecond() {
            return pixels / 1e3 / medianMs;
        }
    }

    /** A finished run: the interpreter, how its processes start ({@code fork}, {@code spawn}...), the results. */
    public record Benchmark(PythonInterpreter interpreter, String startMethod, List<Result> results) {
        public Optional<Result> result(String workload, Variant variant) {
            return results.stream().filter(r -> r.workload().equals(workload) && r.variant() == variant).findFirst();
        }
    }

    /** The case study ready to run, or why it is not. */
    public record Lookup(Optional<PythonCaseStudy> found, String reason) {
        public boolean isFound() {
            return found.isPresent();
        }

        /** The case study; fails with the {@link #reason()} when it was not found. */
        public PythonCaseStudy caseStudy() {
            return found.orElseThrow(() -> new IllegalStateException(reason));
        }
    }

    private final PythonInterpreter interpreter;
    private final Path script;

    private PythonCaseStudy(PythonInterpreter interpreter, Path script) {
        this.interpreter = interpreter;
        this.script = script;
    }

    /** Finds an interpreter ({@link PythonInterpreter#find()}) and the program. */
    public static Lookup locate() {
        return locate(PythonInterpreter.find(), scriptCandidates());
    }

    /** As {@link #locate()}, with {@code environment} standing for this process's (as {@link PythonInterpreter#find(Map)}). */
    static Lookup locate(Map<String, String> environment) {
        return locate(PythonInterpreter.find(environment), scriptCandidates());
    }

    static Lookup locate(PythonInterpreter.Search search, List<Path> scriptCandidates) {
        Optional<Path> script = scriptCandidates.stream().filter(Files::isRegularFile).findFirst();
        if (script.isEmpty()) {
            return new Lookup(Optional.empty(), "the Python case study is not here: looked for "
                    + String.join(", ", scriptCandidates.stream().map(Path::toString).toList()));
        }
        if (!search.isFound()) {
            return new Lookup(Optional.empty(), search.reason());
        }
        return new Lookup(Optional.of(new PythonCaseStudy(search.interpreter(), script.get().toAbsolutePath())), "");
    }

    /**
     * Beside this module's classes ({@code target/classes/../../python}), then under the working
     * directory: the module's (as Maven runs it) and the repository's.
     */
    private static List<Path> scriptCandidates() {
        List<Path> candidates = new ArrayList<>();
        try {
            Path classes = Path.of(PythonCaseStudy.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (classes.getParent() != null && classes.getParent().getParent() != null) {
                candidates.add(classes.getParent().getParent().resolve(SCRIPT_DIRECTORY).resolve(SCRIPT));
            }
        } catch (URISyntaxException | RuntimeException e) {
            // No file location for the classes (a custom class loader): the working directory may still do.
        }
        candidates.add(Path.of(SCRIPT_DIRECTORY, SCRIPT));
        candidates.add(Path.of("concurrency-examples", SCRIPT_DIRECTORY, SCRIPT));
        return candidates;
    }

    public PythonInterpreter interpreter() {
        return interpreter;
    }

    public Path script() {
        return script;
    }

    /** Runs {@code rle_course.py ARGS}; stderr lines go to {@code stderrLines} as they come. */
    public PythonInterpreter.Completed run(List<String> args, Duration timeout, Consumer<String> stderrLines)
            throws IOException, InterruptedException {
        List<String> commandLine = new ArrayList<>();
        commandLine.add(script.toString());
        commandLine.addAll(args);
        return interpreter.run(commandLine, ENVIRONMENT, timeout, stderrLines);
    }

    /**
     * Times {@code settings.variants()} on each workload (a PBM file, or a directory as a batch) in one
     * Python process, and checks every output against rle-core's encoder on the same files.
     *
     * @param progress receives the program's progress lines as they come
     * @throws IOException if the program fails (its last line of stderr says why) or prints no report
     */
    public Benchmark benchmark(List<Path> workloads, Settings settings, Consumer<String> progress)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("bench",
                "--variants", String.join(",", settings.variants().stream().sorted().map(Variant::python).toList()),
                "--workers", Integer.toString(settings.workers()),
                "--repeats", Integer.toString(settings.repeats())));
        if (settings.quick()) {
            args.add("--quick");
        }
        workloads.forEach(w -> args.add(w.toString()));
        PythonInterpreter.Completed run = run(args, BENCH_TIMEOUT, progress);
        if (run.exitCode() != 0) {
            List<String> lines = run.stderr().strip().lines().toList();
            throw new IOException("the Python benchmark failed (exit code " + run.exitCode() + "): "
                    + (lines.isEmpty() ? "it printed nothing on stderr" : lines.get(lines.size() - 1)));
        }
        Map<String, Object> report;
        try {
            report = JsonParser.object(run.stdout());
        } catch (IllegalArgumentException e) {
            throw new IOException("the Python benchmark's report is not JSON: " + e.getMessage());
        }
        return parse(report);
    }

    @SuppressWarnings("unchecked")
    private Benchmark parse(Map<String, Object> report) throws IOException {
        Map<String, Object> python = (Map<String, Object>) report.get("python");
        Map<Path, String> rleCoreDigests = new LinkedHashMap<>();
        List<Result> results = new ArrayList<>();
        for (Object w : (List<Object>) report.get("workloads")) {
            Map<String, Object> workload = (Map<String, Object>) w;
            List<String> expected = new ArrayList<>();
            for (Object file : (List<Object>) workload.get("files")) {
                Path path = Path.of((String) file);
                String digest = rleCoreDigests.get(path);
                if (digest == null) {
                    digest = sha256(Rle.encoder().encode(ImageFiles.read(path)));
                    rleCoreDigests.put(path, digest);
                }
                expected.add(digest);
            }
            for (Object r : (List<Object>) workload.get("results")) {
                Map<String, Object> result = (Map<String, Object>) r;
                Object cpu = result.get("cpu_ms");
                results.add(new Result((String) workload.get("name"), (Boolean) workload.get("batch"),
                        number(workload, "images").intValue(), number(workload, "pixels").longValue(),
                        Variant.named((String) result.get("variant")), (String) result.get("per"),
                        number(result, "workers").intValue(), number(result, "rounds").intValue(), number(result, "calls").longValue(),
                        number(result, "median_ms").doubleValue(), cpu == null ? Double.NaN : ((Number) cpu).doubleValue(),
                        number(result, "output_bytes").longValue(),
                        expected.equals(result.get("sha256")) && Boolean.TRUE.equals(result.get("same_every_call"))));
            }
        }
        return new Benchmark(interpreter, (String) python.get("start_method"), List.copyOf(results));
    }

    private static Number number(Map<String, Object> object, String name) throws IOException {
        if (object.get(name) instanceof Number n) {
            return n;
        }
        throw new IOException("the Python benchmark's report has no number '" + name + "' in " + object.keySet());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    // -- the program: Python beside Java on the same images ------------------------------------------

    /** Where {@code --samples} writes by default, under the directory where the program runs. */
    static final Path DEFAULT_SAMPLES = Path.of("target", "python-case-study");
    /** The per-bit loop runs at about a tenth of the others' speed: single images of this size or less only. */
    private static final long PER_BIT_MAX_PIXELS = 10_000_000;
    /** The Java strategies of the table by default: all that run inside this JVM. */
    private static final List<RleStrategy> DEFAULT_STRATEGIES = Arrays.stream(RleStrategy.values()).filter(RleStrategy::inProcess).toList();

    static final String USAGE = """
            usage: PythonCaseStudy [options] [FILE.pbm|DIR...]

            The course's Python case study (%s) beside rle-core's Java strategies, on the same
            images, in one table. Every Python variant and every Java strategy is timed inside its own
            process (warm-up, then rounds of back-to-back calls in turn, medians; never an interpreter's
            or a JVM's start-up); every output is checked byte for byte against rle-core; and the
            two-thread ceiling of this machine is measured in the same run, beside the speedups.

            With no FILE or DIR it times its sample images, written once as PBM into --samples: a 64x64
            icon, a text page at 300 dpi, the same at 600 dpi, and a batch of 20 pages at 150 dpi.
            A FILE is one image (PBM; PNG too when Pillow is installed); a DIR is a batch of every file in it.

            options:
              --samples DIR          where the sample images go (default: %s)
              --variants A,B,...     Python variants: %s
                                     (default: all; per-bit only on single images up to 10 Mpx)
              --strategies A,B,...   Java strategies: %s (default: all but process)
              --workers N            threads or processes of the concurrent rows (default: %d, the cores)
              --repeats N            at least N timed rounds per row (default 5)
              --quick                short timings, for a test (the numbers say little)

            The interpreter: $%s if set, else the first python3 on the PATH, then %s, with %s.
            Without one the Java rows are still timed, and the program says which Python rows it skipped and why.
            It takes about seven minutes on two cores.
            exit codes: 0 ok, 1 an output differs from rle-core's or the Python benchmark failed, 2 usage error
            """;

    public static void main(String[] args) {
        CommandLine.run("PythonCaseStudy", usage(), args, command -> run(command, System.out, System.err));
    }

    static String usage() {
        return String.format(Locale.ROOT, USAGE, SCRIPT_DIRECTORY + "/" + SCRIPT, DEFAULT_SAMPLES,
                String.join(", ", Arrays.stream(Variant.values()).map(Variant::python).toList()),
                String.join(", ", RleStrategy.labels()), Runtime.getRuntime().availableProcessors(),
                PythonInterpreter.ENVIRONMENT_VARIABLE, PythonInterpreter.SYSTEM_PYTHON,
                String.join(", ", PythonInterpreter.REQUIRED_MODULES));
    }

    static int run(CommandLine args, PrintStream out, PrintStream err) throws UsageException, IOException, InterruptedException {
        Set<Variant> variants = EnumSet.allOf(Variant.class);
        List<RleStrategy> strategies = DEFAULT_STRATEGIES;
        int workers = Runtime.getRuntime().availableProcessors();
        int repeats = 5;
        boolean quick = false;
        Path samples = DEFAULT_SAMPLES;
        List<Path> workloads = new ArrayList<>();
        while (args.hasNext()) {
            String arg = args.next();
            switch (arg) {
                case "--samples" -> samples = args.path();
                case "--variants" -> variants = EnumSet.copyOf(args.listOf(Arrays.stream(Variant.values()).map(Variant::python).toList())
                        .stream().map(Variant::named).toList());
                case "--strategies" -> strategies = args.listOf(RleStrategy.labels()).stream().map(RleStrategy::named).toList();
                case "--workers" -> workers = args.positiveInt();
                case "--repeats" -> repeats = args.positiveInt();
                case "--quick" -> quick = true;
                default -> {
                    if (CommandLine.looksLikeOption(arg)) {
                        throw args.unknown();
                    }
                    workloads.add(Path.of(arg));
                }
            }
        }
        for (Path workload : workloads) {
            if (!Files.exists(workload)) {
                throw new UsageException("no such file or directory: " + workload);
            }
        }
        if (workloads.isEmpty()) {
            workloads.addAll(writeSamples(samples, out));
        }

        var os = ManagementFactory.getOperatingSystemMXBean();
        out.printf(Locale.ROOT, "java: %s %s, %d cores, %s %s, load average before: %.2f%n", System.getProperty("java.vm.vendor"),
                Runtime.version(), Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.arch"), os.getSystemLoadAverage());
        List<Row> pythonRows = new ArrayList<>();
        boolean pythonFailed = false;
        Lookup lookup = locate();
        if (!lookup.isFound()) {
            out.println("python: every Python row skipped: " + lookup.reason());
        } else {
            PythonInterpreter interpreter = lookup.caseStudy().interpreter();
            out.printf(Locale.ROOT, "python: %s (Python %s, bitarray %s%s)%n", interpreter.command(), interpreter.version(),
                    interpreter.bitarrayVersion(), interpreter.pillowVersion().map(v -> ", Pillow " + v).orElse(""));
            try {
                pythonRows.addAll(pythonRows(lookup.caseStudy(), workloads, variants, workers, repeats, quick, out, err));
            } catch (IOException e) {
                err.println("PythonCaseStudy: " + e.getMessage());
                out.println("python: every Python row skipped: its benchmark failed (above)");
                pythonFailed = true;
            }
        }

        List<Row> rows = new ArrayList<>();
        List<Ceiling> ceilings = new ArrayList<>();
        for (Path workload : workloads) {
            String name = workloadName(workload);
            List<Row> python = pythonRows.stream().filter(r -> r.workload.equals(name)).toList();
            List<Row> java = javaRows(name, imagesOf(workload), strategies, workers, repeats, quick, err);
            err.println("two-thread ceiling " + name);
            for (String language : List.of("py", "java")) {
                Optional<Row> base = baseOf(language.equals("py") ? python : java);
                if (base.isPresent()) {
                    ceilings.add(new Ceiling(name, language, base.get().medianMs,
                            ParallelCeiling.measure(base.get().medianMs, workers, quick ? 1 : repeats)));
                }
            }
            rows.addAll(python);
            rows.addAll(java);
        }
        out.println();
        out.print(table(rows, ceilings));
        out.println();
        out.println("""
                × seq: how many times faster than the same language's one thread on the same images (py sequential, \
                java rle-core); ceiling: two threads of pure arithmetic against one on this machine, in this run, for \
                work as long as that one thread's; × py seq: against Python's sequential (bitarray); same: rle-core's \
                bytes exactly (py: the payload; java strategies: the .rle file).""");
        out.println();
        summary(rows, ceilings).forEach(out::println);
        if (rows.stream().anyMatch(r -> !r.same)) {
            err.println("PythonCaseStudy: some output differs from rle-core's (see the table)");
            return 1;
        }
        return pythonFailed ? 1 : 0;
    }

    private static List<Row> pythonRows(PythonCaseStudy python, List<Path> workloads, Set<Variant> variants, int workers, int repeats,
            boolean quick, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        // Two runs of the benchmark: the per-bit loop only where it finishes in seconds.
        List<Path> small = new ArrayList<>();
        List<Path> rest = new ArrayList<>();
        for (Path workload : workloads) {
            boolean perBit = Files.isRegularFile(workload) && imagesOf(workload).getFirst().pixelCount() <= PER_BIT_MAX_PIXELS;
            (perBit ? small : rest).add(workload);
        }
        Set<Variant> withoutPerBit = EnumSet.copyOf(variants);
        withoutPerBit.remove(Variant.PER_BIT);
        List<Result> results = new ArrayList<>();
        String startMethod = "";
        for (boolean perBitPass : List.of(true, false)) {
            List<Path> these = perBitPass ? small : rest;
            Set<Variant> theseVariants = perBitPass ? variants : withoutPerBit;
            if (!these.isEmpty() && !theseVariants.isEmpty()) {
                Benchmark run = python.benchmark(these, new Settings(theseVariants, workers, repeats, quick), err::println);
                results.addAll(run.results());
                startMethod = run.startMethod();
            }
        }
        if (variants.contains(Variant.PER_BIT) && !rest.isEmpty()) {
            out.println("python: per-bit skipped on " + String.join(", ", rest.stream().map(PythonCaseStudy::workloadName).toList())
                    + " (a batch, or over " + PER_BIT_MAX_PIXELS / 1_000_000 + " Mpx: it takes seconds a call)");
        }
        out.println("python: worker processes start by " + startMethod);
        List<Row> rows = new ArrayList<>();
        for (Path workload : workloads) {
            String name = workloadName(workload);
            for (Variant v : Variant.values()) {
                results.stream().filter(r -> r.workload().equals(name) && r.variant() == v).findFirst().ifPresent(r -> rows.add(Row.of(r)));
            }
        }
        return rows;
    }

    /** A 64x64 icon, text pages at 300 and 600 dpi, and 20 pages at 150 dpi: rle compare's images, as PBM. */
    private static List<Path> writeSamples(Path dir, PrintStream out) throws IOException {
        Path icon = dir.resolve("icon.pbm");
        Path page = dir.resolve("text-300dpi.pbm");
        Path large = dir.resolve("text-600dpi.pbm");
        Path batch = dir.resolve("batch-20x150dpi");
        List<Path> samples = List.of(icon, page, large, batch);
        if (!samples.stream().allMatch(Files::exists)) {
            out.println("writing the sample images to " + dir + " ...");
            Files.createDirectories(batch);
            ImageFiles.write(SampleImages.icon(), icon);
            ImageFiles.write(SampleImages.textPage(300, 1), page);
            ImageFiles.write(SampleImages.textPage(600, 1), large);
            for (int i = 0; i < 20; i++) {
                ImageFiles.write(SampleImages.textPage(150, 1000 + i), batch.resolve(String.format(Locale.ROOT, "page-%03d.pbm", i)));
            }
        }
        return samples;
    }

    private static String workloadName(Path workload) {
        String name = workload.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return Files.isDirectory(workload) || dot <= 0 ? name : name.substring(0, dot);
    }

    private static List<PackedBitImage> imagesOf(Path workload) throws IOException {
        List<Path> files;
        if (Files.isDirectory(workload)) {
            try (Stream<Path> list = Files.list(workload)) {
                files = list.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
            }
        } else {
            files = List.of(workload);
        }
        List<PackedBitImage> images = new ArrayList<>();
        for (Path file : files) {
            try {
                images.add(ImageFiles.read(file));
            } catch (IOException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
        }
        if (images.isEmpty()) {
            throw new IOException(workload + ": no images in this directory");
        }
        return images;
    }

    /** One line of the table, Python's or Java's. */
    private record Row(String workload, int images, long pixels, String language, String encoder, String per, int threads,
            long calls, double medianMs, double cpuMs, boolean same) {
        static Row of(Result r) {
            return new Row(r.workload(), r.images(), r.pixels(), "py", r.variant().python(), r.per(), r.workers(), r.calls(),
                    r.medianMs(), r.cpuMs(), r.identical());
        }

        String label() {
            return language + " " + encoder;
        }
    }

    /** The ceiling of {@link ParallelCeiling} for one workload, at one language's one-thread time. */
    private record Ceiling(String workload, String language, double workMs, double ratio) {
    }

    /** The one-thread row each language's speedups are measured against. */
    private static Optional<Row> baseOf(List<Row> rows) {
        return rows.stream().filter(r -> r.encoder.equals(Variant.SEQUENTIAL.python()) && r.language.equals("py")
                || r.encoder.equals("rle-core")).findFirst();
    }

    /**
     * rle-core's encoder on one thread (the payload, as the Python writes it), and each strategy's
     * {@code .rle} files (per block for one image, per image for a batch), timed as the Python
     * benchmark times its variants: warm-up, then alternating rounds of ~20 ms of calls, medians.
     */
    private static List<Row> javaRows(String name, List<PackedBitImage> images, List<RleStrategy> strategies, int threads, int repeats,
            boolean quick, PrintStream progress) throws InterruptedException, IOException {
        long pixels = images.stream().mapToLong(PackedBitImage::pixelCount).sum();
        boolean batch = images.size() > 1;
        List<byte[]> payloads = images.stream().map(Rle.encoder()::encode).toList();
        List<byte[]> files = images.stream().map(RleFile::encode).toList();
        progress.println("java " + name + ": rle-core " + String.join(" ", strategies.stream().map(RleStrategy::label).toList()));
        List<ConcurrentCodec> codecs = new ArrayList<>();
        try {
            List<JavaCell> cells = new ArrayList<>();
            cells.add(new JavaCell("rle-core", "-", 1, () -> images.stream().map(Rle.encoder()::encode).toList(), payloads));
            for (RleStrategy strategy : strategies) {
                ConcurrentCodec codec = strategy.create(threads);
                codecs.add(codec);
                cells.add(new JavaCell(strategy.label(), batch ? "image" : "block", strategy == RleStrategy.SEQUENTIAL ? 1 : threads,
                        () -> batch ? codec.encodeEach(images) : List.of(codec.encode(images.getFirst())), files));
            }
            long budget = quick ? 200_000_000L : 3_000_000_000L;
            long minTimed = quick ? 15_000_000L : 300_000_000L;
            for (JavaCell cell : cells) {
                cell.warmUp(minTimed * 2 / 3, budget);
            }
            int rounds = quick ? 1 : repeats;
            while (cells.stream().anyMatch(c -> !c.finished(rounds, minTimed, budget))) {
                for (JavaCell cell : cells) {
                    if (!cell.finished(rounds, minTimed, budget)) {
                        cell.timedRound();
                    }
                }
            }
            return cells.stream().map(c -> c.row(name, images.size(), pixels)).toList();
        } finally {
            codecs.forEach(ConcurrentCodec::close);
        }
    }

    private static final class JavaCell {
        private static final long ROUND_NANOS = 20_000_000L;
        private final String encoder;
        private final String per;
        private final int threads;
        private final Callable<List<byte[]>> call;
        private final List<byte[]> expected;
        private final List<Double> millisPerCall = new ArrayList<>();
        private long timedNanos;
        private long cpuNanos;
        private int reps = 1;
        private boolean same = true;

        JavaCell(String encoder, String per, int threads, Callable<List<byte[]>> call, List<byte[]> expected) {
            this.encoder = encoder;
            this.per = per;
            this.threads = threads;
            this.call = call;
            this.expected = expected;
        }

        void warmUp(long warmUpNanos, long budgetNanos) throws InterruptedException, IOException {
            long start = System.nanoTime();
            long fastest = Long.MAX_VALUE;
            for (int i = 0; (i < 3 || System.nanoTime() - start < warmUpNanos) && System.nanoTime() - start < budgetNanos / 2; i++) {
                long t0 = System.nanoTime();
                check(call());
                fastest = Math.min(fastest, System.nanoTime() - t0);
            }
            reps = (int) Math.max(1, Math.min(20_000, ROUND_NANOS / Math.max(1, fastest)));
        }

        boolean finished(int repeats, long minTimedNanos, long budgetNanos) {
            return !millisPerCall.isEmpty() && (timedNanos >= budgetNanos || (millisPerCall.size() >= repeats && timedNanos >= minTimedNanos));
        }

        void timedRound() throws InterruptedException, IOException {
            call(); // untimed: the first call after another cell's round meets cold caches and parked threads
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            List<byte[]> output = null;
            for (int i = 0; i < reps; i++) {
                output = call();
            }
            long elapsed = System.nanoTime() - t0;
            cpuNanos += processCpuNanos() - cpu0;
            timedNanos += elapsed;
            millisPerCall.add(elapsed / 1e6 / reps);
            check(output);
        }

        Row row(String workload, int images, long pixels) {
            List<Double> sorted = millisPerCall.stream().sorted().toList();
            int n = sorted.size();
            double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
            return new Row(workload, images, pixels, "java", encoder, per, threads, (long) n * reps, median,
                    cpuNanos / 1e6 / ((long) n * reps), same);
        }

        private List<byte[]> call() throws InterruptedException, IOException {
            try {
                return call.call();
            } catch (InterruptedException | IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private void check(List<byte[]> output) {
            same &= output.size() == expected.size()
                    && IntStream.range(0, output.size()).allMatch(i -> Arrays.equals(output.get(i), expected.get(i)));
        }

        private static long processCpuNanos() {
            return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime() : 0;
        }
    }

    private static Optional<Double> ceilingOf(List<Ceiling> ceilings, String workload, String language) {
        return ceilings.stream().filter(c -> c.workload.equals(workload) && c.language.equals(language)).map(Ceiling::ratio).findFirst();
    }

    private static Optional<Double> speedup(List<Row> rows, Row row) {
        return baseOf(rows.stream().filter(r -> r.workload.equals(row.workload) && r.language.equals(row.language)).toList())
                .map(base -> base.medianMs / row.medianMs);
    }

    private static String times(Optional<Double> ratio) {
        return ratio.map(x -> String.format(Locale.ROOT, x < 10 ? "%.2f×" : "%,.0f×", x)).orElse("-");
    }

    static String table(List<Row> rows, List<Ceiling> ceilings) {
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "%-16s %6s %7s  %-20s %-5s %3s %6s %12s %9s %7s %8s %9s %11s %4s%n",
                "workload", "images", "Mpx", "encoder", "per", "thr", "calls", "median ms", "Mpx/s", "× seq", "ceiling", "× py seq",
                "cpu ms/call", "same"));
        String last = null;
        for (Row r : rows) {
            boolean first = !r.workload.equals(last);
            if (first && last != null) {
                t.append('\n');
            }
            last = r.workload;
            Optional<Double> pySeq = rows.stream().filter(x -> x.workload.equals(r.workload) && x.language.equals("py")
                    && x.encoder.equals(Variant.SEQUENTIAL.python())).findFirst().map(x -> x.medianMs / r.medianMs);
            boolean parallel = r.threads > 1;
            t.append(String.format(Locale.ROOT, "%-16s %6s %7s  %-20s %-5s %3d %6d %,12.3f %,9.1f %7s %8s %9s %11s %4s%n",
                    first ? r.workload : "", first ? Integer.toString(r.images) : "",
                    first ? String.format(Locale.ROOT, r.pixels < 100_000 ? "%.3f" : "%.1f", r.pixels / 1e6) : "",
                    r.label(), r.per, r.threads, r.calls, r.medianMs, r.pixels / 1e3 / r.medianMs, times(speedup(rows, r)),
                    parallel ? times(ceilingOf(ceilings, r.workload, r.language)) : "", times(pySeq),
                    Double.isNaN(r.cpuMs) ? "-" : String.format(Locale.ROOT, "%,.3f", r.cpuMs), r.same ? "yes" : "NO"));
        }
        return t.toString();
    }

    /** What each workload says about the course's hint, in a sentence per language. */
    static List<String> summary(List<Row> rows, List<Ceiling> ceilings) {
        List<String> lines = new ArrayList<>();
        lines.add("The course's hint: small images gain nothing from a Pool per row; large images, or many, do.");
        for (String workload : rows.stream().map(Row::workload).distinct().toList()) {
            List<Row> mine = rows.stream().filter(r -> r.workload.equals(workload)).toList();
            Row any = mine.getFirst();
            String size = any.images > 1 ? any.images + " images, " + String.format(Locale.ROOT, "%.0f", any.pixels / 1e6) + " Mpx"
                    : String.format(Locale.ROOT, any.pixels < 100_000 ? "%.3f Mpx" : "%.1f Mpx", any.pixels / 1e6);
            StringBuilder s = new StringBuilder("- " + workload + " (" + size + "):");
            List<String> python = new ArrayList<>();
            for (Variant v : List.of(Variant.POOL, Variant.POOL_CHUNKED, Variant.PROCESS, Variant.THREADS)) {
                mine.stream().filter(r -> r.language.equals("py") && r.encoder.equals(v.python())).findFirst()
                        .ifPresent(r -> python.add(describe(v, speedup(rows, r).orElse(Double.NaN))));
            }
            if (!python.isEmpty()) {
                s.append(" Python ").append(String.join(", ", python));
                ceilingOf(ceilings, workload, "py").ifPresent(c -> s.append(String.format(Locale.ROOT, " (ceiling %.2f×)", c)));
                s.append('.');
            }
            mine.stream().filter(r -> r.language.equals("java") && r.threads > 1).max((a, b) -> Double.compare(b.medianMs, a.medianMs))
                    .ifPresent(best -> {
                        double x = speedup(rows, best).orElse(Double.NaN);
                        s.append(String.format(Locale.ROOT, " Java's fastest in parallel, %s per %s, %s (%.2f× of rle-core on one thread",
                                best.encoder, best.per, verdict(x), x));
                        ceilingOf(ceilings, workload, "java").ifPresent(c -> s.append(String.format(Locale.ROOT, "; ceiling %.2f×", c)));
                        s.append(").");
                    });
            lines.add(s.toString());
        }
        return lines;
    }

    private static String describe(Variant variant, double speedup) {
        String what = switch (variant) {
            case POOL -> "Pool per row";
            case POOL_CHUNKED -> "Pool with rows in chunks";
            case PROCESS -> "a process per image";
            case THREADS -> "threads per row";
            default -> variant.python();
        };
        return String.format(Locale.ROOT, "%s %s (%.2f×)", what, verdict(speedup), speedup);
    }

    private static String verdict(double speedup) {
        return speedup >= 1.1 ? "gains" : speedup > 0.9 ? "gains nothing" : "loses";
    }
}
