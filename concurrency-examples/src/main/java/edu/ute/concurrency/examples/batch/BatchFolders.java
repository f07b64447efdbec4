package edu.ute.concurrency.examples.batch;

import edu.ute.concurrency.examples.support.ErrorText;
import edu.ute.concurrency.examples.support.OutputFolder;
import edu.ute.concurrency.examples.support.OutputGate;
import edu.ute.concurrency.rle.ImageFiles;
import edu.ute.concurrency.rle.SampleImages;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the three batch programs ({@link BatchCompressThreads}, {@link BatchCompressFutures},
 * {@link BatchCompressProcessPool}) read and write: the folders named on their command line, or, with no
 * arguments, 60 text pages at 150 dpi generated once as PBM files under {@code target/batch-demo/in}
 * (relative to the folder the program runs in), so that they run on a fresh clone.
 *
 * <p>A mistake (a missing input folder, an output folder that cannot be written) is found here, before
 * anything is created or compressed, and ends the program with one line and exit code 1; a wrong number
 * of arguments prints the usage and exits with 2.
 *
 * @param input  the folder whose files are compressed
 * @param output the folder the {@code .rle} files go to; it exists and is writable
 * @param files  the input folder's regular files, not hidden, sorted by name
 */
record BatchFolders(Path input, Path output, List<Path> files) {
    /** The folders from {@code args} ({@code [INPUT_DIR OUTPUT_DIR]}), or the generated demo ones. */
    static BatchFolders fromArguments(String[] args, String programName) {
        Path input;
        Path output;
        if (args.length == 2) {
            input = Path.of(args[0]);
            output = Path.of(args[1]);
        } else if (args.length == 0) {
            input = Path.of("target", "batch-demo", "in");
            output = Path.of("target", "batch-demo", "out-" + programName);
            try {
                generateDemoPagesUnlessThere(input);
            } catch (IOException e) {
                throw exit(1, System.err, programName + ": cannot create the demo pages in " + input + ": " + ErrorText.reason(input, e));
            }
        } else {
            // --help is a question, answered on stdout with success; anything else is a usage error.
            boolean help = args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"));
            throw exit(help ? 0 : 2, help ? System.out : System.err,
                    "usage: " + programName + " [INPUT_DIR OUTPUT_DIR]   (no arguments: a generated demo directory)");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(input)) {
            files = listing.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw exit(1, System.err, programName + ": input folder " + input + ": " + ErrorText.reason(input, e));
        }
        try {
            OutputFolder.prepare(output); // only once the input is known to be there
        } catch (IOException e) {
            throw exit(1, System.err, programName + ": " + e.getMessage());
        }
        return new BatchFolders(input, output, files);
    }

    /** The output path for {@code file}: same name in the output folder, extension {@code .rle}. */
    Path outputFor(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return output.resolve((dot > 0 ? name.substring(0, dot) : name) + ".rle");
    }

    /** Writes the demo pages that are not there yet, so that a run stopped while generating them resumes. */
    private static void generateDemoPagesUnlessThere(Path in) throws IOException {
        Files.createDirectories(in);
        for (int i = 0; i < 60; i++) {
            Path page = in.resolve(String.format("page%03d.pbm", i));
            if (!Files.exists(page)) {
                int seed = i;
                OutputGate.write(() -> ImageFiles.write(SampleImages.textPage(150, seed), page));
            }
        }
    }

    /** Prints {@code line} and ends the program; returned so that the caller can {@code throw} it. */
    private static Error exit(int code, PrintStream stream, String line) {
        stream.println(line);
        System.exit(code);
        return new AssertionError("System.exit returned");
    }
}
