package edu.ute.concurrency.examples.rle.cli;

import edu.ute.concurrency.examples.rle.ConcurrentCodec;
import edu.ute.concurrency.examples.rle.TaskRunner;
import edu.ute.concurrency.rle.ImageFiles;
import edu.ute.concurrency.rle.PackedBitImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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

        public String describe() {
            List<FileResult> ok = results.stream().filter(FileResult::ok).toList();
            long pixels = ok.stream().mapToLong(FileResult::pixels).sum();
            long in = ok.stream().mapToLong(FileResult::bytesIn).sum();
            long out = ok.stream().mapToLong(FileResult::bytesOut).sum();
            double seconds = nanos / 1e9;
            return String.format(Locale.ROOT,
                    "%d images (%d failed), %.1f Mpx, %,d bytes in -> %,d bytes out (ratio %.2f), %.2f s, %.1f Mpx/s",
                    results.size(), results.size() - ok.size(), pixels / 1e6, in, out,
                    out == 0 ? 0.0 : (double) in / out, seconds, seconds == 0 ? 0.0 : pixels / 1e6 / seconds);
        }
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
     * skipped): for encoding every file that is not {@code .rle}, for decoding every {@code .rle} file.
     * Files named explicitly are kept as they are, even if missing (the batch reports them).
     */
    public static List<Path> listInputs(List<Path> arguments, Operation operation) throws IOException {
        List<Path> inputs = new ArrayList<>();
        for (Path argument : arguments) {
            if (Files.isDirectory(argument)) {
                try (Stream<Path> files = Files.list(argument)) {
                    files.filter(Files::isRegularFile)
                            .filter(p -> !p.getFileName().toString().startsWith("."))
                            .filter(p -> isRle(p) == (operation == Operation.DECODE))
                            .sorted()
                            .forEach(inputs::add);
                }
            } else {
                inputs.add(argument);
            }
        }
        return inputs;
    }

    private static boolean isRle(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".rle");
    }

    /** Processes every input; returns when all are done (or throws if interrupted). */
    public Summary run(List<Path> inputs) throws InterruptedException, IOException {
        if (outputDir != null) {
            Files.createDirectories(outputDir);
        }
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
        Path dir = outputDir != null ? outputDir : input.toAbsolutePath().getParent();
        return dir.resolve(outName);
    }

    private FileResult process(Path input) throws InterruptedException {
        Path output = outputFor(input);
        FileResult result;
        try {
            if (output.toAbsolutePath().normalize().equals(input.toAbsolutePath().normalize())) {
                throw new IOException("the output would overwrite the input; choose another directory with --output");
            }
            if (!replaceExisting && Files.exists(output)) {
                throw new IOException(output + " exists already (--force replaces it)");
            }
            long bytesIn = Files.size(input);
            if (operation == Operation.ENCODE) {
                PackedBitImage image = ImageFiles.read(input);
                byte[] file = granularity == Granularity.IMAGE ? codec.encodeWhole(image) : codec.encode(image);
                ImageFiles.writeAtomically(output, file);
                result = new FileResult(input, output, image.pixelCount(), bytesIn, file.length, null);
            } else {
                byte[] bytes = Files.readAllBytes(input);
                PackedBitImage image = granularity == Granularity.IMAGE
                        ? codec.decodeWhole(bytes) : codec.decode(bytes);
                ImageFiles.write(image, output); // temporary file, then moved into place
                result = new FileResult(input, output, image.pixelCount(), bytesIn, Files.size(output), null);
            }
        } catch (NoSuchFileException e) {
            result = new FileResult(input, null, 0, 0, 0, "no such file");
        } catch (IOException | RuntimeException e) {
            result = new FileResult(input, null, 0, 0, 0, reason(e));
        }
        progress.fileDone(input.toString(), !result.ok());
        return result;
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return e instanceof IOException ? message : e.getClass().getSimpleName() + ": " + message;
    }
}
