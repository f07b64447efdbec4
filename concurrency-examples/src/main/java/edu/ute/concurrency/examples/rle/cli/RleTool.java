package edu.ute.concurrency.examples.rle.cli;

import edu.ute.concurrency.examples.rle.ConcurrentCodec;
import edu.ute.concurrency.examples.rle.RleStrategy;
import edu.ute.concurrency.examples.rle.measure.AutoThresholdCalibration;
import edu.ute.concurrency.examples.rle.measure.StrategyComparison;
import edu.ute.concurrency.examples.support.CommandLine;
import edu.ute.concurrency.examples.support.ErrorText;
import edu.ute.concurrency.examples.support.OutputFolder;
import edu.ute.concurrency.examples.support.UsageException;
import edu.ute.concurrency.rle.ImageFiles;
import edu.ute.concurrency.rle.RleFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code rle} command: compress 1-bit images to {@code .rle} and back, one file or a whole
 * directory, with any of the concurrent strategies, and compare those strategies.
 *
 * <pre>
 * rle encode [options] FILE|DIR...    PBM, PNG, GIF, BMP in; .rle out
 * rle decode [options] FILE|DIR...    .rle in; .pbm (or --format png) out
 * rle info FILE|DIR...                size, blocks and compression ratio of .rle files (or any image)
 * rle compare [options]               every strategy on generated workloads (and the course's Python): table, CSV, SVG
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
                   rle info FILE|DIR...               describe .rle files (and other images)
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
              --no-process           skip the one-JVM-per-image strategy (the slowest to run; it runs on
                                     the batch only when named in --strategies)
              --no-python            skip the Python rows. They run when a Python 3.11+ with bitarray is
                                     found ($UTE_PYTHON, else python3 on the PATH, then /usr/bin/python3):
                                     the course's sequential, threads per row, Pool per row and process per
                                     image, on the icon, the text page and the batch's first 8 pages only,
                                     3 rounds at most (elsewhere they teach nothing more and take long),
                                     timed inside the Python process, checked byte for byte against rle-core

            exit codes: 0 ok, 1 some file failed, 2 usage error
            """;

    private RleTool() {
    }

    public static void main(String[] args) {
        CommandLine.run("rle", usage(), args, command -> run(command, System.out, System.err));
    }

    /** Runs the command; returns the exit code instead of exiting, for tests. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return CommandLine.execute("rle", usage(), args, out, err, command -> run(command, out, err));
    }

    private static int run(CommandLine command, PrintStream out, PrintStream err) throws Exception {
        if (!command.hasNext()) {
            throw new UsageException("missing command");
        }
        String name = command.next();
        return switch (name) {
            case "help" -> {
                out.print(usage());
                yield 0;
            }
            case "encode" -> convert(RleBatch.Operation.ENCODE, command, out, err);
            case "decode" -> convert(RleBatch.Operation.DECODE, command, out, err);
            case "info" -> info(command, out, err);
            case "compare" -> StrategyComparison.run(command, out, err);
            case "calibrate" -> AutoThresholdCalibration.run(command, out);
            default -> throw new UsageException("unknown command '" + name + "'");
        };
    }

    static String usage() {
        return String.format(Locale.ROOT, USAGE, String.join(", ", RleStrategy.labels()), defaultThreads());
    }

    /** The registered strategy called {@code label}, or a usage error listing them. */
    static RleStrategy strategy(String label) throws UsageException {
        try {
            return RleStrategy.named(label);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    private static int convert(RleBatch.Operation operation, CommandLine args, PrintStream out, PrintStream err)
            throws UsageException, IOException, InterruptedException {
        Path outputDir = null;
        RleStrategy strategy = RleStrategy.AUTO;
        int threads = defaultThreads();
        RleBatch.Granularity granularity = null;
        String format = "pbm";
        boolean force = false;
        BatchProgress.Style style = BatchProgress.defaultStyle();
        List<Path> inputs = new ArrayList<>();
        while (args.hasNext()) {
            String arg = args.next();
            switch (arg) {
                case "-o", "--output" -> outputDir = args.path();
                case "--strategy" -> strategy = strategy(args.value());
                case "--threads" -> threads = args.positiveInt();
                case "--granularity" -> granularity = RleBatch.Granularity.valueOf(args.oneOf("block", "image").toUpperCase(Locale.ROOT));
                case "--format" -> format = args.oneOf("pbm", "png");
                case "-f", "--force" -> force = true;
                case "--progress" -> style = BatchProgress.Style.valueOf(args.oneOf("bar", "lines", "none").toUpperCase(Locale.ROOT));
                default -> {
                    if (CommandLine.looksLikeOption(arg)) {
                        throw args.unknown();
                    }
                    inputs.add(Path.of(arg));
                }
            }
        }
        if (inputs.isEmpty()) {
            throw new UsageException("no input files or directories");
        }
        RleBatch.Inputs listed = RleBatch.listInputs(inputs, operation);
        listed.problems().forEach(problem -> err.println("rle: " + problem));
        List<Path> files = listed.files();
        if (files.isEmpty()) {
            if (listed.problems().isEmpty()) {
                err.println("rle: no " + (operation == RleBatch.Operation.ENCODE ? "image" : ".rle") + " files in "
                        + String.join(", ", inputs.stream().map(Path::toString).toList()));
            }
            return 1;
        }
        if (outputDir != null) {
            try {
                OutputFolder.prepare(outputDir);
            } catch (IOException e) {
                err.println("rle: " + e.getMessage());
                return 1;
            }
        }
        RleBatch.Granularity chosen = granularity != null ? granularity
                : files.size() > 1 ? RleBatch.Granularity.IMAGE : RleBatch.Granularity.BLOCK;
        if (!strategy.inProcess()) {
            chosen = RleBatch.Granularity.IMAGE; // a process per row block would cost a JVM start per 64 rows
        }
        BatchProgress progress = new BatchProgress(err, style, files.size());
        // Ctrl-C: say how far the batch got. Outputs are complete or absent either way (OutputGate).
        Thread stopped = new Thread(() -> err.printf(Locale.ROOT, "%nrle: stopped after %d of %d files; every output written is complete%n",
                progress.done(), files.size()));
        Runtime.getRuntime().addShutdownHook(stopped);
        RleBatch.Summary summary;
        try (ConcurrentCodec codec = strategy.create(threads)) {
            summary = new RleBatch(operation, codec, chosen, outputDir, "." + format, force, progress).run(files);
        } finally {
            removeHook(stopped);
        }
        for (RleBatch.FileResult failure : summary.failures()) {
            err.println("rle: " + failure.input() + ": " + failure.error());
        }
        String where = summary.failures().size() == files.size() ? ""
                : outputDir != null ? ", into " + outputDir : ", next to each input";
        out.println((operation == RleBatch.Operation.ENCODE ? "encoded " : "decoded ") + summary.describe() + where
                + " [" + strategy.label() + ", " + threads + " threads, per " + chosen.name().toLowerCase(Locale.ROOT) + "]");
        return summary.failures().isEmpty() && listed.problems().isEmpty() ? 0 : 1;
    }

    /** Removes a shutdown hook unless the JVM is already running it (then there is nothing to undo). */
    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: the JVM is stopping
        }
    }

    /** {@code rle info FILE|DIR...}: one line per file; a folder means every file in it, as for encode and decode. */
    private static int info(CommandLine args, PrintStream out, PrintStream err) throws UsageException {
        List<Path> arguments = new ArrayList<>();
        while (args.hasNext()) {
            String arg = args.next();
            if (CommandLine.looksLikeOption(arg)) {
                throw args.unknown();
            }
            arguments.add(Path.of(arg));
        }
        if (arguments.isEmpty()) {
            throw new UsageException("info needs at least one file or directory");
        }
        RleBatch.Inputs listed = RleBatch.listInputs(arguments, null);
        listed.problems().forEach(problem -> err.println("rle: " + problem));
        int exit = listed.problems().isEmpty() ? 0 : 1;
        for (Path path : listed.files()) {
            try {
                out.println(path + ": " + describe(path));
            } catch (IOException | RuntimeException e) {
                err.println("rle: " + path + ": " + ErrorText.reason(path, e));
                exit = 1;
            }
        }
        return exit;
    }

    private static String describe(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        if (bytes.length >= 4 && bytes[0] == 'U' && bytes[1] == 'R' && bytes[2] == 'L' && bytes[3] == 'E') {
            RleFile file = RleFile.parse(bytes);
            long raw = ((long) file.width() * file.height() + 7) / 8;
            return String.format(Locale.ROOT, ".rle %dx%d, %d block%s of %d rows, payload %,d bytes, file %,d bytes,"
                            + " %.2f:1 against 1 bit per pixel", file.width(), file.height(), file.blockCount(),
                    file.blockCount() == 1 ? "" : "s", file.blockRows(), file.payloadLength(), file.fileLength(),
                    file.fileLength() == 0 ? 0.0 : (double) raw / file.fileLength());
        }
        var image = ImageFiles.read(path);
        return String.format(Locale.ROOT, "image %dx%d, %.2f %% black, %,d bytes", image.width(), image.height(),
                image.pixelCount() == 0 ? 0.0 : 100.0 * image.blackPixelCount() / image.pixelCount(), bytes.length);
    }
}
