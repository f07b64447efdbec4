package edu.ute.concurrency.examples.rle;

import edu.ute.concurrency.rle.ImageFiles;
import edu.ute.concurrency.rle.PackedBitImage;
import edu.ute.concurrency.rle.RleFile;
import edu.ute.concurrency.rle.SampleImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * {@code rle compare}: runs every strategy on the same workloads, checks that each produced exactly
 * the bytes of the sequential encoder, and prints a table of median time, megapixels per second,
 * speedup over sequential and CPU time; writes the same as CSV and as an SVG bar chart.
 *
 * <p>The default workloads are generated (deterministic, nothing to download): a 64×64 icon, a text
 * page at 300 and at 600 dpi, random noise and a blank page of A4 size at 300 dpi, and a batch of 200
 * text pages at 150 dpi. Single images are split per row block; batches are split per image (and,
 * for comparison, per row block by a few strategies). The JDK's own fax codec (ImageIO TIFF with
 * CCITT T.6 compression) runs on the same workloads as a reference for speed and size.
 *
 * <p>Timing: every cell (strategy × granularity) first warms up (at least 3 calls and 0.2 s), so that
 * the JIT has compiled the code; then the cells take timed rounds in turn (round-robin, so that load
 * from elsewhere hurts all of them alike), each cell at least {@code --repeats} rounds and 0.3 s, at
 * most 3 s. A round makes back-to-back calls for about 20 ms (one call of the icon takes under a
 * microsecond, of the 600-dpi page under 2 ms), so a pool is timed in steady use, and starts with one
 * untimed call: that one finds the caches full of the previous cell's data and, for a pool, its threads
 * parked for the whole of the other cells' rounds (on this virtual machine waking an idle vCPU then
 * costs up to a few hundred µs, which one call in twelve would pass on to the median). A child JVM
 * starts cold anyway and gets no untimed call. The median over rounds of the time per call is reported;
 * "calls" counts the calls timed. CPU time is this process's CPU time (all its threads, JIT and GC
 * included) plus what child JVMs report, per call. Every round's output is checked against the reference. These
 * are measurements of a whole program, not a micro-benchmark: run it on a quiet machine.
 *
 * <p>HOW TO RUN: {@code mvn -q -pl concurrency-examples -am compile exec:exec -Dexec.appArgs="compare"}
 * (about two minutes on 2 cores; {@code --quick} takes seconds).
 */
public final class StrategyComparison {
    /** Parallel strategies that also run a batch per row block (one image after another). */
    private static final Set<String> BLOCKWISE_ON_BATCHES = Set.of("threads", "executor", "forkjoin", "auto");
    private static final String T6 = "jdk-tiff-t6";

    private final PrintStream out;
    private final int threads;
    private final int repeats;
    private final long budgetNanos;
    private final List<String> strategies;
    private final List<String> operations;
    private final long minTimedNanos;
    private final long warmUpNanos;
    private static final int MAX_ROUNDS = 2000;
    private static final long ROUND_NANOS = 20_000_000L;


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
    }

    private StrategyComparison(PrintStream out, int threads, int repeats, long budgetNanos, long minTimedNanos,
            List<String> strategies, List<String> operations) {
        this.minTimedNanos = minTimedNanos;
        this.warmUpNanos = minTimedNanos * 2 / 3;
        this.operations = operations;
        this.out = out;
        this.threads = threads;
        this.repeats = repeats;
        this.budgetNanos = budgetNanos;
        this.strategies = strategies;
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, IOException, InterruptedException {
        boolean quick = false;
        boolean process = true;
        boolean decode = true;
        List<String> onlyWorkloads = null;
        int threads = RleTool.defaultThreads();
        int repeats = 5;
        Path outDir = Path.of("target", "rle-compare");
        Path dir = null;
        List<String> names = new ArrayList<>(RleStrategy.NAMES);
        RleTool.Options options = new RleTool.Options(args);
        while (options.hasNext()) {
            String arg = options.next();
            switch (arg) {
                case "-h", "--help" -> {
                    out.print(RleTool.usage());
                    return 0;
                }
                case "--quick" -> quick = true;
                case "--no-process" -> process = false;
                case "--no-decode" -> decode = false;
                case "--threads" -> threads = options.positiveInt(arg);
                case "--repeats" -> repeats = options.positiveInt(arg);
                case "--out" -> outDir = Path.of(options.value(arg));
                case "--dir" -> dir = Path.of(options.value(arg));
                case "--workloads" -> onlyWorkloads = List.of(options.value(arg).split(","));
                case "--strategies" -> {
                    names = new ArrayList<>(List.of(options.value(arg).split(",")));
                    for (String name : names) {
                        if (!RleStrategy.NAMES.contains(name) && !name.equals(T6)) {
                            throw new UsageException("unknown strategy '" + name + "' (one of " + String.join(", ", RleStrategy.NAMES)
                                    + ", " + T6 + ")");
                        }
                    }
                }
                default -> throw new UsageException("unknown compare option '" + arg + "'");
            }
        }
        Set<String> chosen = new LinkedHashSet<>();
        chosen.add("sequential");
        chosen.addAll(names);
        if (!process) {
            chosen.remove("process");
        }
        if (names.equals(RleStrategy.NAMES)) {
            chosen.add(T6);
        }
        List<Workload> workloads = new ArrayList<>();
        if (dir != null) {
            List<PackedBitImage> images = new ArrayList<>();
            for (Path file : RleBatch.listInputs(List.of(dir), RleBatch.Operation.ENCODE)) {
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
                    throw new UsageException("unknown workload '" + name + "' (known: icon, text-300dpi, text-600dpi, noise-300dpi,"
                            + " blank-300dpi, batch-200x150dpi; with --quick: " + quickWorkloads().stream().map(Workload::name).toList() + ")");
                }
            }
            workloads.removeIf(w -> !only.contains(w.name()));
        }
        StrategyComparison comparison = new StrategyComparison(out, threads, quick ? 1 : repeats,
                quick ? 200_000_000L : 3_000_000_000L, quick ? 15_000_000L : 300_000_000L, List.copyOf(chosen),
                decode ? List.of("encode", "decode") : List.of("encode"));
        String machine = machine();
        out.println(machine);
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        if (load > 0.5 * Runtime.getRuntime().availableProcessors()) {
            // Parallel strategies need idle cores to show anything: say so rather than print misleading ratios.
            out.printf(Locale.ROOT, "note: load average %.1f on %d cores: other programs are using the CPU, parallel speedups"
                    + " will come out low; re-run on a quiet machine%n", load, Runtime.getRuntime().availableProcessors());
        }
        List<Row> rows = comparison.compare(workloads);
        String loadAfter = String.format(Locale.ROOT, "load average after: %.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        out.println(loadAfter);
        out.println();
        out.print(table(rows));
        out.println();
        if (quick) {
            out.println("(--quick: scaled-down workloads and short timings; the targets below are only meaningful without it)");
        }
        out.print(targets(rows));
        java.nio.file.Files.createDirectories(outDir);
        Path csv = outDir.resolve("rle-compare.csv");
        Path svg = outDir.resolve("rle-compare.svg");
        ImageFiles.writeAtomically(csv, csv(rows, machine).getBytes(StandardCharsets.UTF_8));
        List<ComparisonChart.Bar> bars = rows.stream()
                .filter(r -> !r.strategy().equals("sequential"))
                .map(r -> new ComparisonChart.Bar(r.operation() + " " + r.workload() + " (" + r.size() + ")", r.strategy()
                        + (r.granularity().equals("block") && isBatch(workloads, r.workload()) ? " per block" : ""), r.speedup()))
                .toList();
        ImageFiles.writeAtomically(svg, ComparisonChart.svg("rle compare: speedup over sequential",
                machine.replace('\n', ' '), bars).getBytes(StandardCharsets.UTF_8));
        out.println("wrote " + csv.toAbsolutePath() + " and " + svg.toAbsolutePath());
        boolean allIdentical = rows.stream().allMatch(r -> !r.identical().equals("NO"));
        if (!allIdentical) {
            err.println("rle: some strategy produced output different from sequential (see the table)");
            return 1;
        }
        return 0;
    }

    private static boolean isBatch(List<Workload> workloads, String name) {
        return workloads.stream().anyMatch(w -> w.name().equals(name) && w.batch());
    }

    /** The workloads of the issue, generated (deterministically) only when {@code wanted} names them. */
    static List<Workload> defaultWorkloads(java.util.function.Predicate<String> wanted) {
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
        try (RleStrategy sequential = new SequentialEncoder()) {
            encoded = encode ? null : sequential.encodeEach(workload.images());
        }
        List<Cell> cells = new ArrayList<>();
        try {
            for (String name : strategies) {
                if (name.equals(T6) && !encode) {
                    continue; // ImageIO cannot read back every CCITT file it writes (see FACTS.md): encode only
                }
                List<String> granularities = name.equals("process") ? List.of("image") // a JVM per row block: absurd
                        : !workload.batch() ? List.of("block")
                        : BLOCKWISE_ON_BATCHES.contains(name) ? List.of("image", "block") : List.of("image");
                for (String granularity : granularities) {
                    cells.add(cell(name, granularity, workload, encoded));
                }
            }
            // The reference: what sequential produced (encoding), or the original images (decoding).
            List<?> expected = encode ? call(cells.get(0).action) : workload.images();
            for (Cell cell : cells) {
                out.print(" " + cell.name + (workload.batch() && cell.granularity.equals("block") ? "/block" : ""));
                out.flush();
                cell.warmUp(expected);
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
                if (cell.strategy != null) {
                    cell.strategy.close();
                }
            }
        }
        Cell sequential = cells.get(0);
        List<Row> rows = new ArrayList<>();
        for (Cell cell : cells) {
            long bytes = encode ? cell.outputBytes : encoded.stream().mapToLong(b -> b.length).sum();
            double medianMs = median(cell.times);
            rows.add(new Row(operation, workload.name(), workload.size(), cell.name, cell.granularity,
                    cell.name.equals("sequential") || cell.name.equals(T6) ? 1 : threads, cell.times.size() * cell.reps, medianMs,
                    workload.pixels() / 1e3 / medianMs, median(sequential.times) / medianMs, cell.cpuMs(),
                    cell.cpuMs() / sequential.cpuMs(), bytes,
                    cell.name.equals(T6) ? "n/a" : cell.identical ? "yes" : "NO"));
        }
        return rows;
    }

    /** One strategy at one granularity on one workload: its action, and the rounds measured so far. */
    private final class Cell {
        final String name;
        final String granularity;
        final RleStrategy strategy;
        final ProcessPerImageEncoder children;
        final Callable<List<?>> action;
        final List<Double> times = new ArrayList<>();
        long timedNanos;
        long cpuNanos;
        int reps = 1; // calls per timed round
        long outputBytes;
        boolean identical = true;

        Cell(String name, String granularity, RleStrategy strategy, Callable<List<?>> action) {
            this.name = name;
            this.granularity = granularity;
            this.strategy = strategy;
            this.children = strategy instanceof ProcessPerImageEncoder p ? p : null;
            this.action = action;
        }

        /**
         * At least 3 calls and 0.2 s (0.01 s with --quick), at most half the budget, so that the JIT has compiled the code
         * before timing. A child JVM gets no warm-up: it starts cold every time anyway.
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
            if (fastest != Long.MAX_VALUE) {
                // Enough calls for a round to last about 20 ms. Timed alone, a call of the icon would
                // mostly measure the caches left cold by the cell before it, and a pool's call would mostly
                // measure waking its threads, parked while the other cells ran.
                reps = (int) Math.max(1, Math.min(20_000, ROUND_NANOS / Math.max(1, fastest)));
            }
        }

        /**
         * Done after at least `repeats` rounds and MIN_TIMED_NANOS of them (the OS counts CPU time in
         * 10 ms ticks: short rounds need many), or when the budget is spent (at least one round).
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
            if (name.equals(T6)) {
                outputBytes = output.stream().mapToLong(b -> ((byte[]) b).length).sum();
                return;
            }
            if (output.size() > 0 && output.get(0) instanceof byte[]) {
                outputBytes = output.stream().mapToLong(b -> ((byte[]) b).length).sum();
            }
            identical &= same(expected, output);
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

    private Cell cell(String name, String granularity, Workload workload, List<byte[]> encoded) {
        if (name.equals(T6)) {
            List<BufferedImage> prepared = workload.images().stream().map(ImageFiles::toBufferedImage).toList();
            return new Cell(name, "image", null, () -> {
                List<byte[]> files = new ArrayList<>();
                for (BufferedImage image : prepared) {
                    files.add(tiffT6(image));
                }
                return files;
            });
        }
        RleStrategy strategy = RleStrategy.named(name, threads);
        Callable<List<?>> action;
        if (encoded == null && granularity.equals("image")) {
            action = () -> strategy.encodeEach(workload.images());
        } else if (encoded == null) {
            action = () -> {
                List<byte[]> files = new ArrayList<>();
                for (PackedBitImage image : workload.images()) {
                    files.add(strategy.encode(image));
                }
                return files;
            };
        } else if (granularity.equals("image") || strategy instanceof ProcessPerImageEncoder) {
            action = () -> strategy.decodeEach(encoded);
        } else {
            action = () -> {
                List<PackedBitImage> images = new ArrayList<>();
                for (byte[] file : encoded) {
                    images.add(strategy.decode(RleFile.parse(file)));
                }
                return images;
            };
        }
        return new Cell(name, granularity, strategy, action);
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
        t.append(String.format(Locale.ROOT, "%-6s %-17s %-16s %-5s %3s %6s %12s %9s %8s %12s %6s %12s %5s%n",
                "op", "workload", "strategy", "per", "thr", "calls", "median µs", "Mpx/s", "speedup", "cpu µs", "cpu×", "out bytes", "same"));
        String last = "";
        for (Row r : rows) {
            if (!(r.operation() + r.workload()).equals(last) && !last.isEmpty()) {
                t.append('\n');
            }
            last = r.operation() + r.workload();
            t.append(String.format(Locale.ROOT, "%-6s %-17s %-16s %-5s %3d %6d %,12.1f %9.1f %7.2f× %,12.1f %6s %,12d %5s%n",
                    r.operation(), r.workload(), r.strategy(), r.granularity(), r.threads(), r.runs(), r.medianMs() * 1e3, r.mpxPerSecond(),
                    r.speedup(), r.cpuMs() * 1e3, Double.isFinite(r.cpuRatio()) ? String.format(Locale.ROOT, "%.2f", r.cpuRatio()) : "-",
                    r.outputBytes(), r.identical()));
        }
        return t.toString();
    }

    /** The targets, checked against this run (shown, not asserted: numbers depend on the machine). */
    static String targets(List<Row> allRows) {
        List<Row> rows = allRows.stream().filter(r -> r.operation().equals("encode")).toList();
        StringBuilder t = new StringBuilder("targets (the issue's goals for encoding on 2 cores; this run):\n");
        best(rows, "text-600dpi", "block").ifPresent(r -> t.append(String.format(Locale.ROOT,
                "  per-row parallel, 600-dpi page  >= 1.8×  : %.2f× (%s)  %s%n", r.speedup(), r.strategy(), r.speedup() >= 1.8 ? "met" : "NOT met")));
        rows.stream().map(Row::workload).filter(w -> w.startsWith("batch-")).distinct().forEach(batch ->
                best(rows, batch, "image").ifPresent(r -> t.append(String.format(Locale.ROOT,
                        "  per-image parallel, %s >= 1.8× : %.2f× (%s)  %s%n", batch, r.speedup(), r.strategy(),
                        r.speedup() >= 1.8 ? "met" : "NOT met"))));
        rows.stream().filter(r -> r.workload().equals("icon") && r.strategy().equals("auto")).findFirst().ifPresent(r ->
                t.append(String.format(Locale.ROOT, "  auto on the icon, time <= 1.05× seq   : %.2f× sequential's time  %s%n",
                        1 / r.speedup(), 1 / r.speedup() <= 1.05 ? "met" : "NOT met")));
        for (String large : List.of("text-600dpi", "batch-200x150dpi")) {
            var auto = rows.stream().filter(r -> r.workload().equals(large) && r.strategy().equals("auto")
                    && r.granularity().equals(large.startsWith("batch") ? "image" : "block")).findFirst();
            var best = best(rows, large, null);
            if (auto.isPresent() && best.isPresent()) {
                double ratio = auto.get().medianMs() / best.get().medianMs();
                t.append(String.format(Locale.ROOT, "  auto on %s within 10%% of best : %.2f× the best's time (%s)  %s%n",
                        large, ratio, best.get().strategy(), ratio <= 1.10 ? "met" : "NOT met"));
            }
        }
        // The large workloads at their natural granularity: the page per row block, the batch per image.
        rows.stream().filter(r -> ((r.workload().equals("text-600dpi") && r.granularity().equals("block"))
                        || (r.workload().startsWith("batch-") && r.granularity().equals("image")))
                        && !r.strategy().equals("sequential") && !r.strategy().equals(T6) && !r.strategy().equals("process"))
                .max((a, b) -> Double.compare(a.cpuRatio(), b.cpuRatio()))
                .ifPresent(r -> t.append(String.format(Locale.ROOT,
                        "  parallel CPU time <= 1.15× seq (large) : worst %.2f× (%s on %s)  %s%n", r.cpuRatio(), r.strategy(),
                        r.workload(), r.cpuRatio() <= 1.15 ? "met" : "NOT met")));
        long different = rows.stream().filter(r -> r.identical().equals("NO")).count();
        t.append(String.format(Locale.ROOT, "  byte-identical to sequential          : %s%n",
                different == 0 ? "every strategy, every workload" : different + " cells DIFFER"));
        return t.toString();
    }

    private static java.util.Optional<Row> best(List<Row> rows, String workload, String granularity) {
        return rows.stream().filter(r -> r.workload().equals(workload) && !r.strategy().equals("sequential")
                        && !r.strategy().equals(T6) && (granularity == null || r.granularity().equals(granularity)))
                .max((a, b) -> Double.compare(a.speedup(), b.speedup()));
    }

    static String csv(List<Row> rows, String machine) {
        StringBuilder c = new StringBuilder("# " + machine.replace('\n', ' ') + "\n");
        c.append("operation,workload,size,strategy,granularity,threads,calls_timed,median_ms,mpx_per_s,speedup,cpu_ms,cpu_ratio,output_bytes,identical\n");
        for (Row r : rows) {
            c.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%d,%d,%.6f,%.2f,%.3f,%.6f,%.3f,%d,%s%n", r.operation(), r.workload(),
                    r.size().replace(" × ", "x"), r.strategy(), r.granularity(), r.threads(), r.runs(), r.medianMs(),
                    r.mpxPerSecond(), r.speedup(), r.cpuMs(), r.cpuRatio(), r.outputBytes(), r.identical()));
        }
        return c.toString();
    }
}
