package edu.ute.concurrency.examples.rle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import edu.ute.concurrency.examples.rle.RleStrategy;
import edu.ute.concurrency.examples.support.ChildJvm;
import edu.ute.concurrency.examples.support.StopWhileWriting;
import edu.ute.concurrency.rle.ImageFiles;
import edu.ute.concurrency.rle.PackedBitImage;
import edu.ute.concurrency.rle.RleFile;
import edu.ute.concurrency.rle.SampleImages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code rle} command line: exit codes, messages naming the file, outputs complete or absent. */
class RleToolTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int rle(String... args) {
        return RleTool.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static List<String> namesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Three good PBM pages and one file that only pretends to be PBM. */
    private Path directoryWithOneBadFile() throws IOException {
        Path in = Files.createDirectory(dir.resolve("in"));
        for (int i = 0; i < 3; i++) {
            ImageFiles.write(SampleImages.textPage(40, i), in.resolve("page" + i + ".pbm"));
        }
        Files.writeString(in.resolve("broken.pbm"), "P4\n10 10\nshort");
        return in;
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() {
        assertThat(rle("--help")).isZero();
        assertThat(stdout()).contains("usage: rle encode", "--strategy", "sequential, threads, executor");
        assertThat(rle("encode", "--help")).isZero();
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(rle()).isEqualTo(2);
        assertThat(stderr()).contains("missing command", "usage:");
    }

    @Test
    void unknownCommandOptionOrStrategyIsAUsageError() {
        assertThat(rle("squash", "x")).isEqualTo(2);
        assertThat(stderr()).contains("unknown command 'squash'");
        assertThat(rle("encode", "--fast", "x")).isEqualTo(2);
        assertThat(stderr()).contains("unknown option '--fast'", "usage:");
        assertThat(rle("encode", "--strategy", "gpu", "x")).isEqualTo(2);
        assertThat(stderr()).contains("unknown strategy 'gpu'");
        assertThat(rle("encode", "--threads", "0", "x")).isEqualTo(2);
        assertThat(stderr()).contains("--threads needs a positive whole number");
        assertThat(rle("compare", "--bogus")).isEqualTo(2);
    }

    @Test
    void aMissingPathIsReportedByNameAndNotCountedAsAnImage() throws IOException {
        Path missing = dir.resolve("nowhere.pbm");
        assertThat(rle("encode", "--progress", "none", missing.toString())).isEqualTo(1);
        assertThat(stderr()).isEqualTo("rle: " + missing + ": No such file or directory\n");
        assertThat(stdout()).isEmpty(); // nothing was tried: no "encoded 0 images" line
        assertThat(rle("info", missing.toString())).isEqualTo(1);
        assertThat(stderr()).endsWith("rle: " + missing + ": No such file or directory\n");

        Path in = Files.createDirectory(dir.resolve("in"));
        ImageFiles.write(SampleImages.textPage(40, 1), in.resolve("page.pbm"));
        Path outDir = dir.resolve("out");
        assertThat(rle("encode", "--progress", "none", "-o", outDir.toString(), missing.toString(), in.toString())).isEqualTo(1);
        assertThat(stdout()).contains("encoded 1 image, ").contains("into " + outDir);
        assertThat(namesIn(outDir)).containsExactly("page.rle");
    }

    @Test
    void aMissingInputCreatesNoOutputFolder() {
        Path outDir = dir.resolve("out");
        assertThat(rle("encode", "--progress", "none", "-o", outDir.toString(), dir.resolve("in").toString())).isEqualTo(1);
        assertThat(outDir).doesNotExist();
    }

    @Test
    void anOutputFolderThatIsAFileOrCannotBeWrittenIsNamedOnceBeforeAnyWork() throws IOException {
        Path in = Files.createDirectory(dir.resolve("in"));
        ImageFiles.write(SampleImages.textPage(40, 1), in.resolve("circle.pbm"));
        Path file = Files.writeString(dir.resolve("afile"), "not a folder");
        assertThat(rle("encode", "--progress", "none", "-o", file.toString(), in.toString())).isEqualTo(1);
        assertThat(stderr()).isEqualTo("rle: " + file + ": not a directory (outputs go into a folder, created if missing)\n");
        assertThat(Files.readString(file)).isEqualTo("not a folder");

        err.reset();
        assertThat(rle("encode", "--progress", "none", "-o", file.resolve("sub").toString(), in.toString())).isEqualTo(1);
        assertThat(stderr()).isEqualTo("rle: cannot create the output folder " + file.resolve("sub") + ": Not a directory\n");

        Path proc = Path.of("/proc/1"); // no user, root included, may create a file here
        if (Files.isDirectory(proc)) {
            err.reset();
            assertThat(rle("encode", "-o", proc.toString(), in.resolve("circle.pbm").toString())).isEqualTo(1);
            assertThat(stderr()).startsWith("rle: cannot write in the output folder /proc/1: ").doesNotContain("circle.pbm");
        }
        assertThat(stdout()).isEmpty();
    }

    @Test
    void aPathIsPrintedOnceInEachMessage() throws IOException {
        Path in = Files.createDirectory(dir.resolve("in"));
        Files.writeString(in.resolve("notes.png"), "hello");
        assertThat(rle("encode", "--progress", "none", "-o", dir.resolve("out").toString(), in.toString())).isEqualTo(1);
        assertThat(stderr()).startsWith("rle: " + in.resolve("notes.png") + ": not an image");
        assertThat(stderr().split("notes.png", -1)).hasSize(2);
        assertThat(stdout()).startsWith("encoded 0 of 1 image (1 failed) [");
        err.reset();
        assertThat(rle("info", in.resolve("notes.png").toString())).isEqualTo(1);
        assertThat(stderr().split("notes.png", -1)).hasSize(2);
    }

    @Test
    void infoOnAFolderDescribesEachFileInIt() throws IOException {
        Path in = Files.createDirectory(dir.resolve("in"));
        ImageFiles.write(SampleImages.textPage(40, 1), in.resolve("a.pbm"));
        Files.write(in.resolve("b.rle"), RleFile.encode(SampleImages.textPage(40, 2)));
        assertThat(rle("info", in.toString())).isZero();
        assertThat(stdout()).contains(in.resolve("a.pbm") + ": image 331x468", in.resolve("b.rle") + ": .rle 331x468");
    }

    @Test
    void stoppingABatchWhileItWritesLeavesNoTemporaryFile() throws IOException, InterruptedException {
        Path in = Files.createDirectory(dir.resolve("in"));
        for (int i = 0; i < 4; i++) { // large outputs (8.8 MB each), so that a write is in progress long enough to be caught
            ImageFiles.write(SampleImages.noise(4960, 3508, 0.5, i), in.resolve("noise" + i + ".pbm"));
        }
        Path outDir = dir.resolve("out");
        StopWhileWriting.Outcome stopped = StopWhileWriting.run(ChildJvm.command(RleTool.class,
                "encode", "--progress", "none", "--threads", "2", "-o", outDir.toString(), in.toString()), outDir);
        assertThat(stopped.caughtWriting()).as("the batch was stopped while writing").isTrue();
        assertThat(stopped.temporaryFiles()).as("left in " + stopped.filesLeft()).isEmpty();
        for (String name : stopped.filesLeft()) { // what is there is complete
            int i = Integer.parseInt(name.replaceAll("\\D", ""));
            assertThat(Files.readAllBytes(outDir.resolve(name))).isEqualTo(RleFile.encode(SampleImages.noise(4960, 3508, 0.5, i)));
        }
    }

    @Test
    void encodingADirectoryKeepsGoingPastABadFileAndLeavesNothingHalfWritten() throws IOException {
        Path in = directoryWithOneBadFile();
        Path outDir = dir.resolve("out");
        int exit = rle("encode", "--strategy", "executor", "--threads", "2", "--progress", "lines", "-o", outDir.toString(), in.toString());
        assertThat(exit).isEqualTo(1);
        assertThat(stderr()).contains("broken.pbm").contains("[4/4]");
        assertThat(stdout()).contains("encoded 3 of 4 images (1 failed)");
        assertThat(namesIn(outDir)).containsExactly("page0.rle", "page1.rle", "page2.rle"); // no temporary files
        for (int i = 0; i < 3; i++) {
            byte[] written = Files.readAllBytes(outDir.resolve("page" + i + ".rle"));
            assertThat(written).isEqualTo(RleFile.encode(SampleImages.textPage(40, i)));
        }
    }

    @Test
    void anExistingOutputIsKeptUnlessForced() throws IOException {
        Path in = Files.createDirectory(dir.resolve("in"));
        ImageFiles.write(SampleImages.textPage(40, 1), in.resolve("page.pbm"));
        assertThat(rle("encode", "--progress", "none", in.toString())).isZero();
        Path original = in.resolve("page.pbm");
        byte[] before = Files.readAllBytes(original);
        assertThat(rle("decode", "--progress", "none", in.toString())).isEqualTo(1); // page.rle -> page.pbm: exists
        assertThat(stderr()).contains("page.pbm exists already (--force replaces it)");
        assertThat(Files.readAllBytes(original)).isEqualTo(before);
        assertThat(rle("decode", "--force", "--progress", "none", in.toString())).isZero();
        assertThat(ImageFiles.read(original)).isEqualTo(SampleImages.textPage(40, 1));
    }

    @Test
    void everyStrategyAndGranularityWritesTheSameFiles() throws IOException {
        Path in = Files.createDirectory(dir.resolve("in"));
        ImageFiles.write(SampleImages.textPage(50, 1), in.resolve("a.png"));
        ImageFiles.write(SampleImages.noise(200, 150, 0.3, 2), in.resolve("b.pbm"));
        byte[] expectedA = RleFile.encode(ImageFiles.read(in.resolve("a.png")));
        for (RleStrategy strategy : RleStrategy.values()) {
            for (String granularity : strategy.inProcess() ? List.of("block", "image") : List.of("image")) {
                Path outDir = dir.resolve(strategy.label() + "-" + granularity);
                assertThat(rle("encode", "--strategy", strategy.label(), "--granularity", granularity, "--progress", "none",
                        "-o", outDir.toString(), in.toString())).as(strategy + " " + granularity + ": " + stderr()).isZero();
                assertThat(Files.readAllBytes(outDir.resolve("a.rle"))).as(strategy.label()).isEqualTo(expectedA);
            }
        }
    }

    @Test
    void decodeRestoresTheImagesAndInfoDescribesTheFiles() throws IOException {
        Path in = directoryWithOneBadFile();
        Path rle = dir.resolve("rle");
        rle("encode", "--progress", "none", "-o", rle.toString(), in.toString());
        Path back = dir.resolve("back");
        assertThat(rle("decode", "--strategy", "forkjoin", "--format", "png", "--progress", "none", "-o", back.toString(),
                rle.toString())).isZero();
        assertThat(namesIn(back)).containsExactly("page0.png", "page1.png", "page2.png");
        assertThat(ImageFiles.read(back.resolve("page1.png"))).isEqualTo(SampleImages.textPage(40, 1));
        assertThat(rle("info", rle.resolve("page1.rle").toString(), in.resolve("page0.pbm").toString())).isZero();
        assertThat(stdout()).contains("page1.rle: .rle 331x468", "page0.pbm: image 331x468");
    }

    @Test
    void aCorruptRleFileIsReportedByNameWithTheReasonEvenFromAChildProcess() throws IOException {
        Path in = Files.createDirectory(dir.resolve("in"));
        PackedBitImage page = SampleImages.textPage(40, 3);
        Files.write(in.resolve("good.rle"), RleFile.encode(page));
        byte[] bad = RleFile.encode(page);
        bad[bad.length - 20] ^= 0x40; // inside the payload: its checksum no longer matches
        Files.write(in.resolve("bad.rle"), bad);
        Path outDir = dir.resolve("out");
        for (String strategy : List.of("executor", "process")) {
            err.reset();
            assertThat(rle("decode", "--strategy", strategy, "--force", "--progress", "none", "-o", outDir.toString(), in.toString()))
                    .isEqualTo(1);
            assertThat(stderr()).as(strategy).contains("bad.rle").contains("payload checksum mismatch");
            assertThat(namesIn(outDir)).containsExactly("good.pbm");
        }
        assertThat(stderr()).contains("child JVM"); // the process strategy says where the error came from
    }

    @Test
    void quickCompareWritesATableACsvAndAnSvg() throws IOException {
        Path outDir = dir.resolve("compare");
        assertThat(rle("compare", "--quick", "--strategies", "threads,forkjoin,auto", "--no-python", "--out", outDir.toString()))
                .isZero();
        assertThat(stdout()).contains("machine: ", "cores", "text-150dpi", "speedup", "of ceil", "In plain words",
                        "byte-identical to sequential")
                .doesNotContain("targets", "NOT met", " met\n");
        assertThat(stdout()).containsPattern("(?m)^encode +icon +ceiling +- +2 ");
        assertThat(stdout()).doesNotContain(" NO\n");
        String csv = Files.readString(outDir.resolve("rle-compare.csv"));
        assertThat(csv).contains("operation,workload,size,strategy").contains("encode,icon,64x64,forkjoin,block")
                .contains(",speedup_of_ceiling\n").contains("encode,icon,64x64,ceiling,-,2,");
        assertThat(Files.readString(outDir.resolve("rle-compare.svg"))).startsWith("<svg").contains("forkjoin").endsWith("</svg>\n");
    }
}
