package edu.ute.concurrency.examples.rle;

import edu.ute.concurrency.rle.RleFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The {@code rle} command: compress 1-bit images to {@code .rle} and back, one file or a whole
 * directory, with any of the concurrent strategies, and compare those strategies.
 *
 * <pre>
 * rle encode [options] FILE|DIR...    PBM, PNG, GIF, BMP in; .rle out
 * rle decode [options] FILE|DIR...    .rle in; .pbm (or --format png) out
 * rle info FILE...                    size, blocks and compression ratio of .rle files (or any image)
 * rle compare [options]               every strategy on generated workloads: table, CSV, SVG
 * rle calibrate                       measures where parallel encoding starts to pay (for "auto")
 * </pre>
 *
 * <p>HOW TO RUN (from the repository root; the main job, on images the program generates):
 * <pre>
 * mvn -q -pl concurrency-examples -am compile exec:exec -Dexec.appArgs="compare"
 * mvn -q -pl concurrency-examples -am compile exec:exec -Dexec.appArgs="encode --strategy executor -o /tmp/out scans/"
 * </pre>
 * Exit codes: 0 everything done, 1 some file failed (each reported on stderr by name, with the reason),
 * 2 the command line was wrong (the usage is printed).
 */
public final class RleTool {
    static final String USAGE = """
            usage: rle encode [options] FILE|DIR...   compress images (PBM, PNG, GIF, BMP) to .rle
                   rle decode [options] FILE|DIR...   decompress .rle files to .pbm (or .png)
                   rle info FILE...                   describe .rle files (and other images)
                   rle compare [compare options]      time every strategy on generated images
                   rle calibrate                      measure the threshold of the "auto" strategy
                   rle --help

            encode/decode options:
              -o, --output DIR       write outputs here (default: next to each input)
              --strategy NAME        %s (default auto)
              --threads N            threads (or child processes) at most (default: %d, the cores)
              --granularity G        block: row blocks of one image in parallel; image: one task per image
                                     (default: image for several files, block for one; process: always image)
              --format pbm|png       what decode writes (default pbm)
              -f, --force            replace existing output files (default: such a file fails)
              --progress bar|lines|none   progress on stderr (default: bar on a terminal, lines otherwise)

            compare options:
              --quick                small workloads and one run each (a few seconds; for tests)
              --dir DIR              time the images of DIR (as one batch) instead of generated ones
              --strategies A,B,...   only these strategies (sequential is always run, as the reference)
              --workloads A,B,...    only these workloads (icon, text-300dpi, text-600dpi, noise-300dpi,
                                     blank-300dpi, batch-200x150dpi; with --quick: see its table)
              --no-decode            time encoding only
              --threads N            threads for the parallel strategies (default: the cores)
              --repeats N            at least N timed rounds per cell, median reported (default 5)
              --out DIR              where rle-compare.csv and rle-compare.svg go (default target/rle-compare)
              --no-process           skip the one-JVM-per-image strategy (the slowest to run)

            exit codes: 0 ok, 1 some file failed, 2 usage error
            """;

    private RleTool() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the exit code instead of exiting, for tests. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 0) {
                throw new UsageException("missing command");
            }
            String command = args[0];
            List<String> rest = Arrays.asList(args).subList(1, args.length);
            return switch (command) {
                case "-h", "--help", "help" -> {
                    out.print(usage());
                    yield 0;
                }
                case "encode" -> convert(RleBatch.Operation.ENCODE, rest, out, err);
                case "decode" -> convert(RleBatch.Operation.DECODE, rest, out, err);
                case "info" -> info(rest, out, err);
                case "compare" -> StrategyComparison.run(rest, out, err);
                case "calibrate" -> AutoThresholdCalibration.run(rest, out);
                default -> throw new UsageException("unknown command '" + command + "'");
            };
        } catch (UsageException e) {
            err.println("rle: " + e.getMessage());
            err.print(usage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("rle: interrupted");
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println("rle: " + e.getMessage());
            return 1;
        }
    }

    static String usage() {
        return String.format(Locale.ROOT, USAGE, String.join(", ", RleStrategy.NAMES), defaultThreads());
    }

    static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    private static int convert(RleBatch.Operation operation, List<String> args, PrintStream out, PrintStream err)
            throws UsageException, IOException, InterruptedException {
        Path outputDir = null;
        String strategyName = "auto";
        int threads = defaultThreads();
        String granularity = null;
        String format = "pbm";
        boolean force = false;
        BatchProgress.Style style = BatchProgress.defaultStyle();
        List<Path> inputs = new ArrayList<>();
        Options options = new Options(args);
        while (options.hasNext()) {
            String arg = options.next();
            switch (arg) {
                case "-h", "--help" -> {
                    out.print(usage());
                    return 0;
                }
                case "-o", "--output" -> outputDir = Path.of(options.value(arg));
                case "--strategy" -> strategyName = options.value(arg);
                case "--threads" -> threads = options.positiveInt(arg);
                case "--granularity" -> granularity = options.oneOf(arg, "block", "image");
                case "--format" -> format = options.oneOf(arg, "pbm", "png");
                case "-f", "--force" -> force = true;
                case "--progress" -> style = BatchProgress.Style.valueOf(
                        options.oneOf(arg, "bar", "lines", "none").toUpperCase(Locale.ROOT));
                default -> {
                    if (arg.startsWith("-") && arg.length() > 1) {
                        throw new UsageException("unknown option '" + arg + "'");
                    }
                    inputs.add(Path.of(arg));
                }
            }
        }
        if (inputs.isEmpty()) {
            throw new UsageException("no input files or directories");
        }
        if (!RleStrategy.NAMES.contains(strategyName)) {
            throw new UsageException("unknown strategy '" + strategyName + "' (one of " + String.join(", ", RleStrategy.NAMES) + ")");
        }
        List<Path> files = RleBatch.listInputs(inputs, operation);
        if (files.isEmpty()) {
            err.println("rle: no " + (operation == RleBatch.Operation.ENCODE ? "image" : ".rle") + " files in " + inputs);
            return 1;
        }
        RleBatch.Granularity chosen = granularity != null
                ? RleBatch.Granularity.valueOf(granularity.toUpperCase(Locale.ROOT))
                : files.size() > 1 ? RleBatch.Granularity.IMAGE : RleBatch.Granularity.BLOCK;
        if (strategyName.equals("process")) {
            chosen = RleBatch.Granularity.IMAGE;
        }
        RleBatch.Summary summary;
        try (RleStrategy strategy = RleStrategy.named(strategyName, threads)) {
            RleBatch batch = new RleBatch(operation, strategy, chosen, outputDir, "." + format, force,
                    new BatchProgress(err, style, files.size()));
            summary = batch.run(files);
        }
        for (RleBatch.FileResult failure : summary.failures()) {
            err.println("rle: " + failure.input() + ": " + failure.error());
        }
        out.println((operation == RleBatch.Operation.ENCODE ? "encoded " : "decoded ") + summary.describe()
                + " [" + strategyName + ", " + threads + " threads, per " + chosen.name().toLowerCase(Locale.ROOT) + "]");
        return summary.failures().isEmpty() ? 0 : 1;
    }

    private static int info(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        if (args.isEmpty()) {
            throw new UsageException("info needs at least one file");
        }
        int exit = 0;
        for (String arg : args) {
            if (arg.equals("-h") || arg.equals("--help")) {
                out.print(usage());
                return 0;
            }
            if (arg.startsWith("-")) {
                throw new UsageException("unknown option '" + arg + "'");
            }
            Path path = Path.of(arg);
            try {
                byte[] bytes = Files.readAllBytes(path);
                if (bytes.length >= 4 && (bytes[0] & 0xFF) == 'U' && bytes[1] == 'R' && bytes[2] == 'L' && bytes[3] == 'E') {
                    RleFile file = RleFile.parse(bytes);
                    long raw = ((long) file.width() * file.height() + 7) / 8;
                    out.printf(Locale.ROOT, "%s: .rle %dx%d, %d blocks of %d rows, payload %,d bytes, file %,d bytes,"
                                    + " %.2f:1 against 1 bit per pixel%n", path, file.width(), file.height(), file.blockCount(),
                            file.blockRows(), file.payloadLength(), file.fileLength(),
                            file.fileLength() == 0 ? 0.0 : (double) raw / file.fileLength());
                } else {
                    var image = edu.ute.concurrency.rle.ImageFiles.read(path);
                    out.printf(Locale.ROOT, "%s: image %dx%d, %.2f %% black, %,d bytes%n", path, image.width(), image.height(),
                            image.pixelCount() == 0 ? 0.0 : 100.0 * image.blackPixelCount() / image.pixelCount(), bytes.length);
                }
            } catch (java.nio.file.NoSuchFileException e) {
                err.println("rle: " + path + ": no such file");
                exit = 1;
            } catch (IOException | RuntimeException e) {
                err.println("rle: " + path + ": " + e.getMessage());
                exit = 1;
            }
        }
        return exit;
    }

    /** A cursor over command-line arguments that understands "--name value" and "--name=value". */
    static final class Options {
        private final List<String> args;
        private int next;
        private String pendingValue;

        Options(List<String> args) {
            this.args = args;
        }

        boolean hasNext() {
            return next < args.size();
        }

        String next() {
            String arg = args.get(next++);
            pendingValue = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 2) {
                pendingValue = arg.substring(eq + 1);
                return arg.substring(0, eq);
            }
            return arg;
        }

        String value(String option) throws UsageException {
            if (pendingValue != null) {
                String v = pendingValue;
                pendingValue = null;
                return v;
            }
            if (next >= args.size()) {
                throw new UsageException(option + " needs a value");
            }
            return args.get(next++);
        }

        int positiveInt(String option) throws UsageException {
            String v = value(option);
            try {
                int n = Integer.parseInt(v);
                if (n < 1) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                throw new UsageException(option + " needs a positive whole number, not '" + v + "'");
            }
        }

        String oneOf(String option, String... allowed) throws UsageException {
            String v = value(option);
            if (!Arrays.asList(allowed).contains(v)) {
                throw new UsageException(option + " must be one of " + String.join(", ", allowed) + ", not '" + v + "'");
            }
            return v;
        }
    }
}
