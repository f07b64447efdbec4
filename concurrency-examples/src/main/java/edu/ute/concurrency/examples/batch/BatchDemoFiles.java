package edu.ute.concurrency.examples.batch;

import edu.ute.concurrency.rle.ImageFiles;
import edu.ute.concurrency.rle.SampleImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The directory the three batch programs ({@link BatchCompressThreads}, {@link BatchCompressFutures},
 * {@link BatchCompressProcessPool}) compress when they are given no arguments: 60 text pages at 150 dpi
 * as PBM files, generated once under {@code target/batch-demo/in}, so that they run on a fresh clone.
 */
public final class BatchDemoFiles {
    private BatchDemoFiles() {
    }

    /** Input and output directories from the arguments, or the generated demo ones. */
    public static List<Path> directories(String[] args, String programName) throws IOException {
        if (args.length == 2) {
            return List.of(Path.of(args[0]), Path.of(args[1]));
        }
        if (args.length != 0) {
            // --help is a question, answered on stdout with success; anything else is a usage error.
            boolean help = args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"));
            (help ? System.out : System.err).println("usage: " + programName
                    + " [INPUT_DIR OUTPUT_DIR]   (no arguments: a generated demo directory)");
            System.exit(help ? 0 : 2);
        }
        Path in = Path.of("target", "batch-demo", "in");
        if (!Files.isDirectory(in)) {
            Files.createDirectories(in);
            for (int i = 0; i < 60; i++) {
                ImageFiles.write(SampleImages.textPage(150, i), in.resolve(String.format("page%03d.pbm", i)));
            }
        }
        return List.of(in, Path.of("target", "batch-demo", "out-" + programName));
    }

    /** The output path for {@code input}: same name, extension {@code .rle}. */
    public static Path outputFor(Path input, Path outputDir) {
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return outputDir.resolve((dot > 0 ? name.substring(0, dot) : name) + ".rle");
    }
}
