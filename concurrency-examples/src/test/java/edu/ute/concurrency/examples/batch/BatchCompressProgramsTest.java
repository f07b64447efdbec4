package edu.ute.concurrency.examples.batch;

import static org.assertj.core.api.Assertions.assertThat;

import edu.ute.concurrency.examples.support.ChildJvm;
import edu.ute.concurrency.rle.ImageFiles;
import edu.ute.concurrency.rle.RleFile;
import edu.ute.concurrency.rle.SampleImages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exercise 2's three programs, each run as the student runs it (its own JVM, since they end with
 * System.exit): the same outputs, the bad file reported by name, exit code 1, no temporary file left.
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
        Process process = new ProcessBuilder(ChildJvm.command(program, in.toString(), out.toString()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(stderr).isEqualTo(1);
        assertThat(stderr).contains("broken.pbm");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .isEqualTo(List.of("page0.rle", "page1.rle", "page2.rle", "page3.rle", "page4.rle"));
        }
        for (int i = 0; i < 5; i++) {
            assertThat(Files.readAllBytes(out.resolve("page" + i + ".rle"))).isEqualTo(RleFile.encode(SampleImages.textPage(40, i)));
        }
    }
}
