package edu.ute.concurrency.examples.rle.cli;

import edu.ute.concurrency.examples.rle.ConcurrentCodec;
import edu.ute.concurrency.examples.rle.TaskRunner;
import edu.ute.concurrency.examples.support.ErrorText;
import edu.ute.concurrency.examples.support.OutputGate;
import edu.ute.concurrency.rle.ImageFiles;
import edu.ute.concurrency.rle.PackedBitImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/**
 * Encodes or decodes a list of files with one {@link ConcurrentCodec}: the engine behind
 * {@code rle encode} and {@code rle decode}. Each file is read, converted and written to a temporary
 * file that is then moved into place, so an output is either complete or absent. A bad file does not
 * stop the batch: its {@link FileResult} carries the reason, and the others are still processed.
 *
 * <pre>{@code
 * RleBatch batch = new RleBatch(RleBatch.Operation.ENCODE, RleStrategy.EXECUTOR.create(2), RleBatch.Granularity.IMAGE,
 *         Path.of("out"), ".pbm", false, progress);
 * RleBatch.Summary summary = batch.run(RleBatch.listInputs(List.of(Path.of("scans")), RleBatch.Operation.ENCODE));
 * }</pre>
 *
 * <p>With {@link Granularity#IMAGE} the files are the tasks the codec runs concurrently (each file
 * read, encoded whole and written by one task); with {@link Granularity#BLOCK} the files are taken one
 * after the other and the codec spreads each file's row blocks over its threads.
 *
 * <p><b>Thread safety:</b> a batch may be run from one thread at a time; its tasks report to the
 * thread-safe {@link BatchProgress}.
 */
public final class RleBatch {
    /** What to do with each file. */
    public enum Operation { ENCODE, DECODE }

    /** What one concurrent task works on. */
    public enum Granularity {
        /** One task per row block of one image; images one after the other. */
        BLOCK,
        /** One task per image. */
        IMAGE
    }

    /** What became of one input: an output, or the reason there is none. */
    public record FileResult(Path input, Path output, long pixels, long bytesIn, long bytesOut, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    /** Totals of a batch, printed at its end. */
    public record Summary(List<FileResult> results, long nanos) {
        public List<FileResult> failures() {
            return results.stream().filter(r -> !r.ok()).toList();
        }

        /**
         * What was done, counting only the files that were tried: "2 of 3 images (1 failed), 1.5 Mpx,
         * 200,000 bytes in -> 50,000 bytes out (ratio 4.00), 0.12 s, 12.5 Mpx/s"; the count alone when
         * none succeeded.
         */
        public String describe() {
            List<FileResult> ok = results.stream().filter(FileResult::ok).toList();
            long pixels = ok.stream().mapToLong(FileResult::pixels).sum();
            long in = ok.stream().mapToLong(FileResult::bytesIn).sum();
            long out = ok.stream().mapToLong(FileResult::bytesOut).sum();
            double seconds = nanos / 1e9;
            int failed = results.size() - ok.size();
            String count = failed == 0 ? images(ok.size())
                    : ok.size() + " of " + images(results.size()) + " (" + failed + " failed)";
            if (ok.isEmpty()) {
                return count;
            }
            return String.format(Locale.ROOT,
                    "%s, %.1f Mpx, %,d bytes in -> %,d bytes out (ratio %.2f), %.2f s, %.1f Mpx/s",
                    count, pixels / 1e6, in, out, out == 0 ? 0.0 : (double) in / out, seconds,
                    seconds == 0 ? 0.0 : pixels / 1e6 / seconds);
        }

        private static String images(int n) {
            return n + (n == 1 ? " image" : " images");
        }
    }

    /** The files a command line names, and the arguments that name nothing usable, each with its reason. */
    public record Inputs(List<Path> files, List<String> problems) {
    }

    private final Operation operation;
    private final ConcurrentCodec codec;
    private final Granularity granularity;
    private final Path outputDir;
    private final String decodedExtension;
    private final boolean replaceExisting;
    private final BatchProgress progress;

    /**
     * @param outputDir        where outputs go; {@code null} puts each next to its input
     * @param decodedExtension {@code ".pbm"} or {@code ".png"}: the format {@code decode} writes
     * @param replaceExisting  whether an existing output file may be replaced; if not, that input fails
     *                         (decoding next to the originals would otherwise silently replace them)
     */
    public RleBatch(Operation operation, ConcurrentCodec codec, Granularity granularity, Path outputDir,
            String decodedExtension, boolean replaceExisting, BatchProgress progress) {
        this.replaceExisting = replaceExisting;
        this.operation = operation;
        this.codec = codec;
        this.granularity = granularity;
        this.outputDir = outputDir;
        this.decodedExtension = decodedExtension;
        this.progress = progress;
    }

    /**
     * Expands directories into their regular files (not recursively, sorted by name; hidden files
     * skipped): for encoding every file that is not {@code .rle}, for decoding every {@code .rle} file,
     * for {@code operation} null every file. A file named explicitly is kept whatever its name; an
     * argument that does not exist, or a directory that cannot be listed, is a problem ("in: No such file
     * or directory"), reported by the caller and not counted as a file of the batch.
     */
    public static Inputs listInputs(List<Path> arguments, Operation operation) {
        List<Path> files = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path argument : arguments) {
            if (Files.isDirectory(argument)) {
                try (Stream<Path> listing = Files.list(argument)) {
                    listing.filter(Files::isRegularFile)
                            .filter(p -> !p.getFileName().toString().startsWith("."))
                            .filter(p -> operation == null || isRle(p) == (operation == Operation.DECODE))
                            .sorted()
                            .forEach(files::add);
                } catch (IOException e) {
                    problems.add(argument + ": " + ErrorText.reason(argument, e));
                }
            } else if (Files.exists(argument)) {
                files.add(argument);
            } else {
                problems.add(argument + ": No such file or directory");
            }
        }
        return new Inputs(files, problems);
    }

    private static boolean isRle(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".rle");
    }

    /**
     * Processes every input; returns when all are done (or throws if interrupted). The output directory,
     * if one was given, must exist ({@code OutputFolder.prepare}).
     */
    public Summary run(List<Path> inputs) throws InterruptedException {
        long start = System.nanoTime();
        List<Callable<FileResult>> tasks = new ArrayList<>();
        for (Path input : inputs) {
            tasks.add(() -> process(input));
        }
        List<FileResult> results = new ArrayList<>();
        if (granularity == Granularity.IMAGE) {
            try {
                results.addAll(codec.runAll(tasks));
            } catch (ExecutionException e) {
                throw TaskRunner.unchecked(e); // process() reports every expected failure itself
            }
        } else {
            for (Callable<FileResult> task : tasks) {
                try {
                    results.add(task.call());
                } catch (InterruptedException | RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return new Summary(results, System.nanoTime() - start);
    }

    /** Where the output of {@code input} goes: same base name, new extension. */
    public Path outputFor(Path input) {
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String outName = base + (operation == Operation.ENCODE ? ".rle" : decodedExtension);
        return outputDir != null ? outputDir.resolve(outName) : input.resolveSibling(outName);
    }

    /**
     * Reads, converts and writes one file. Each step has its own words for a failure, so that the
     * message names the path the user gave and the real cause: the input for a read, the output for a
     * write (never the temporary file the write went through).
     */
    private FileResult process(Path input) throws InterruptedException {
        Path output = outputFor(input);
        FileResult result;
        try {
            if (output.toAbsolutePath().normalize().equals(input.toAbsolutePath().normalize())) {
                throw new FileProblem("the output would overwrite the input; choose another directory with --output");
            }
            if (!replaceExisting && Files.exists(output)) {
                throw new FileProblem(output + " exists already (--force replaces it)");
            }
            long bytesIn = read(input, () -> Files.size(input));
            if (operation == Operation.ENCODE) {
                PackedBitImage image = read(input, () -> ImageFiles.read(input));
                byte[] file = granularity == Granularity.IMAGE ? codec.encodeWhole(image) : codec.encode(image);
                write(output, () -> ImageFiles.writeAtomically(output, file));
                result = new FileResult(input, output, image.pixelCount(), bytesIn, file.length, null);
            } else {
                byte[] bytes = read(input, () -> Files.readAllBytes(input));
                PackedBitImage image = granularity == Granularity.IMAGE ? codec.decodeWhole(bytes) : codec.decode(bytes);
                write(output, () -> ImageFiles.write(image, output)); // temporary file, then moved into place
                result = new FileResult(input, output, image.pixelCount(), bytesIn, Files.size(output), null);
            }
        } catch (FileProblem e) {
            result = new FileResult(input, null, 0, 0, 0, e.getMessage());
        } catch (IOException | RuntimeException e) {
            result = new FileResult(input, null, 0, 0, 0, reason(input, e));
        }
        progress.fileDone(input.toString(), !result.ok());
        return result;
    }

    /** One step of {@link #process} that may fail with an {@code IOException}. */
    @FunctionalInterface
    private interface Step<T> {
        T run() throws IOException;
    }

    /** A failure already put in words: "what went wrong", printed after the input's name. */
    private static final class FileProblem extends IOException {
        private static final long serialVersionUID = 1L;

        FileProblem(String message) {
            super(message);
        }
    }

    private static <T> T read(Path input, Step<T> step) throws FileProblem {
        try {
            return step.run();
        } catch (IOException e) {
            throw new FileProblem(ErrorText.reason(input, e));
        }
    }

    private static void write(Path output, OutputGate.Write step) throws FileProblem {
        try {
            OutputGate.write(step);
        } catch (IOException e) {
            throw new FileProblem("cannot write " + output + ": " + ErrorText.reason(output, e));
        }
    }

    /** Why {@code input} failed in the codec: a corrupt file's own words, or the kind of error and its message. */
    private static String reason(Path input, Exception e) {
        String reason = ErrorText.reason(input, e);
        return e instanceof IOException || reason.equals(e.getClass().getSimpleName()) ? reason
                : e.getClass().getSimpleName() + ": " + reason;
    }
}
