package edu.ute.concurrency.examples.batch;

import static org.assertj.core.api.Assertions.assertThat;

import edu.ute.concurrency.examples.support.ChildJvm;
import edu.ute.concurrency.examples.support.StopWhileWriting;
import edu.ute.concurrency.rle.ImageFiles;
import edu.ute.concurrency.rle.RleFile;
import edu.ute.concurrency.rle.SampleImages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exercise 2's three programs, each run as the student runs it (its own JVM, since they end with
 * System.exit): the same outputs, the bad file reported by name, exit code 1, where the output went;
 * a mistake in one line, before anything is created; no temporary file left when stopped mid-write.
 */
class BatchCompressProgramsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(classes = {BatchCompressThreads.class, BatchCompressFutures.class, BatchCompressProcessPool.class})
    void compressesEveryGoodFileAndReportsTheBadOne(Class<?> program) throws IOException, InterruptedException {
        Path in = Files.createDirectory(dir.resolve("in"));
        Path out = dir.resolve("out");
        for (int i = 0; i < 5; i++) {
            ImageFiles.write(SampleImages.textPage(40, i), in.resolve("page" + i + ".pbm"));
        }
        Files.writeString(in.resolve("broken.pbm"), "P4\n10 10\nshort");
        Run run = run(program, in.toString(), out.toString());
        assertThat(run.exit()).as(run.stderr()).isEqualTo(1);
        assertThat(run.stderr()).contains("broken.pbm");
        assertThat(run.stdout()).contains("6 files, 1 failed").endsWith("output in " + out + "\n");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .isEqualTo(List.of("page0.rle", "page1.rle", "page2.rle", "page3.rle", "page4.rle"));
        }
        for (int i = 0; i < 5; i++) {
            assertThat(Files.readAllBytes(out.resolve("page" + i + ".rle"))).isEqualTo(RleFile.encode(SampleImages.textPage(40, i)));
        }
    }

    @ParameterizedTest
    @ValueSource(classes = {BatchCompressThreads.class, BatchCompressFutures.class, BatchCompressProcessPool.class})
    void aMissingInputFolderIsOneLineAndCreatesNothing(Class<?> program) throws IOException, InterruptedException {
        Path out = dir.resolve("out");
        Run run = run(program, dir.resolve("nowhere").toString(), out.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.stderr()).endsWith(": input folder " + dir.resolve("nowhere") + ": No such file or directory\n")
                .hasLineCount(1);
        assertThat(run.stdout()).isEmpty();
        assertThat(out).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(classes = {BatchCompressThreads.class, BatchCompressFutures.class, BatchCompressProcessPool.class})
    void anOutputFolderThatIsAFileIsOneLine(Class<?> program) throws IOException, InterruptedException {
        Path in = Files.createDirectory(dir.resolve("in"));
        ImageFiles.write(SampleImages.textPage(40, 1), in.resolve("page.pbm"));
        Path file = Files.writeString(dir.resolve("out"), "x");
        Run run = run(program, in.toString(), file.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.stderr()).endsWith(": " + file + ": not a directory (outputs go into a folder, created if missing)\n")
                .hasLineCount(1);
    }

    @ParameterizedTest
    @ValueSource(classes = {BatchCompressThreads.class, BatchCompressFutures.class, BatchCompressProcessPool.class})
    void stoppingItWhileItWritesLeavesNoTemporaryFile(Class<?> program) throws IOException, InterruptedException {
        Path in = Files.createDirectory(dir.resolve("in"));
        for (int i = 0; i < 4; i++) { // large outputs (8.8 MB each): a write lasts long enough to be caught
            ImageFiles.write(SampleImages.noise(4960, 3508, 0.5, i), in.resolve("noise" + i + ".pbm"));
        }
        Path out = dir.resolve("out");
        StopWhileWriting.Outcome stopped = StopWhileWriting.run(ChildJvm.command(program, in.toString(), out.toString()), out);
        assertThat(stopped.caughtWriting()).as("stopped while writing").isTrue();
        assertThat(stopped.temporaryFiles()).as("left in " + stopped.filesLeft()).isEmpty();
    }

    private record Run(int exit, String stdout, String stderr) {
    }

    /** Runs {@code program} in its own JVM, as a student runs it (the programs end with System.exit). */
    private static Run run(Class<?> program, String... args) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(ChildJvm.command(program, args)).start();
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        String stderr = readAll(process.getErrorStream());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), stdout.join(), stderr);
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
