package edu.ute.concurrency.examples.rle.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import edu.ute.concurrency.rle.CourseRleFile;
import edu.ute.concurrency.rle.ImageFiles;
import edu.ute.concurrency.rle.PackedBitImage;
import edu.ute.concurrency.rle.Rle;
import edu.ute.concurrency.rle.RleFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The course's Python case study ({@code python/rle_course.py}) against rle-core, both ways: what
 * Python writes, Java reads back and matches byte for byte; what Java writes, Python reads back. The
 * sizes are the awkward ones: widths on either side of one and two groups of 127 pixels, heights of
 * one, two and three {@code .rle} blocks of 64 rows. Skipped, with the reason, where no Python 3.11+
 * with {@code bitarray} is found ({@link PythonInterpreter#find()}).
 */
class PythonInteropTest {
    private static final int[] WIDTHS = {1, 126, 127, 128, 129, 254, 255};
    private static final int[] HEIGHTS = {1, 65, 129};
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static PythonCaseStudy.Lookup lookup;
    /** Every awkward size, by file stem; written once as PBM into {@link #images}. */
    private static final Map<String, PackedBitImage> IMAGES = new LinkedHashMap<>();

    @TempDir
    static Path images;
    @TempDir
    Path work;

    @BeforeAll
    static void writeImagesAndFindPython() throws IOException {
        lookup = PythonCaseStudy.locate();
        Random random = new Random(16);
        for (int width : WIDTHS) {
            for (int height : HEIGHTS) {
                String stem = String.format(Locale.ROOT, "w%03d-h%03d", width, height);
                PackedBitImage image = awkward(width, height, random);
                IMAGES.put(stem, image);
                ImageFiles.write(image, images.resolve(stem + ".pbm"));
            }
        }
    }

    @BeforeEach
    void requirePython() {
        assumeTrue(lookup.isFound(), lookup::reason);
    }

    /**
     * Rows of every kind the format has edges for: all white and all black (runs cut at each group of
     * 127), single-pixel runs, random runs longer and shorter than a group, and noise.
     */
    private static PackedBitImage awkward(int width, int height, Random random) {
        PackedBitImage image = new PackedBitImage(width, height);
        for (int y = 0; y < height; y++) {
            switch (y % 5) {
                case 0 -> image.fill(y, 0, width, y % 2 == 0);
                case 1 -> {
                    for (int x = 0; x < width; x++) {
                        image.set(x, y, x % 2 == 0);
                    }
                }
                case 2 -> {
                    boolean black = random.nextBoolean();
                    for (int x = 0; x < width; black = !black) {
                        int run = 1 + random.nextInt(300);
                        image.fill(y, x, Math.min(width, x + run), black);
                        x += run;
                    }
                }
                default -> {
                    for (int x = 0; x < width; x++) {
                        image.set(x, y, random.nextBoolean());
                    }
                }
            }
        }
        return image;
    }

    private PythonInterpreter.Completed python(String... args) throws IOException, InterruptedException {
        return lookup.caseStudy().run(List.of(args), TIMEOUT, line -> { });
    }

    private static List<String> allImages() {
        return IMAGES.keySet().stream().map(stem -> images.resolve(stem + ".pbm").toString()).toList();
    }

    private PythonInterpreter.Completed encodeAll(String variant, Path out) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("encode", "--variant", variant, "--workers", "2", "--payload", "-o", out.toString()));
        args.addAll(allImages());
        PythonInterpreter.Completed run = python(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        return run;
    }

    @Test
    void pythonWritesRleCoresPayloadAndCourseFileByteForByte() throws Exception {
        encodeAll("sequential", work);

        for (Map.Entry<String, PackedBitImage> e : IMAGES.entrySet()) {
            PackedBitImage image = e.getValue();
            assertThat(Files.readAllBytes(work.resolve(e.getKey() + ".payload"))).as(e.getKey() + ".payload")
                    .isEqualTo(Rle.encoder().encode(image));
            assertThat(Files.readAllBytes(work.resolve(e.getKey() + ".crle"))).as(e.getKey() + ".crle")
                    .isEqualTo(CourseRleFile.encode(image));
        }
    }

    @Test
    void javaDecodesWhatPythonEncodes() throws Exception {
        encodeAll("sequential", work);

        for (Map.Entry<String, PackedBitImage> e : IMAGES.entrySet()) {
            PackedBitImage image = e.getValue();
            byte[] payload = Files.readAllBytes(work.resolve(e.getKey() + ".payload"));
            assertThat(Rle.decoder().decode(payload, image.width(), image.height())).as(e.getKey()).isEqualTo(image);
            assertThat(CourseRleFile.decode(Files.readAllBytes(work.resolve(e.getKey() + ".crle")))).as(e.getKey()).isEqualTo(image);
        }
    }

    @Test
    void pythonDecodesWhatJavaEncodes() throws Exception {
        Path java = Files.createDirectory(work.resolve("java"));
        List<String> args = new ArrayList<>(List.of("decode", "-o", work.resolve("back").toString()));
        List<String> payloads = new ArrayList<>();
        for (Map.Entry<String, PackedBitImage> e : IMAGES.entrySet()) {
            PackedBitImage image = e.getValue();
            args.add(Files.write(java.resolve(e.getKey() + ".crle"), CourseRleFile.encode(image)).toString());
            Path payload = Files.write(java.resolve(e.getKey() + "-bare.bin"), Rle.encoder().encode(image));
            payloads.addAll(List.of("--payload", image.width() + "x" + image.height(), payload.toString()));
        }
        args.addAll(payloads);

        PythonInterpreter.Completed run = python(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        for (Map.Entry<String, PackedBitImage> e : IMAGES.entrySet()) {
            assertThat(ImageFiles.read(work.resolve("back").resolve(e.getKey() + ".pbm"))).as(e.getKey() + ".crle").isEqualTo(e.getValue());
            assertThat(ImageFiles.read(work.resolve("back").resolve(e.getKey() + "-bare.pbm"))).as(e.getKey() + " payload")
                    .isEqualTo(e.getValue());
        }
    }

    /** Every way the course makes it concurrent changes who encodes a row, never the bytes. */
    @ParameterizedTest
    @EnumSource(value = PythonCaseStudy.Variant.class, names = "SEQUENTIAL", mode = EnumSource.Mode.EXCLUDE)
    void everyVariantWritesTheSameBytes(PythonCaseStudy.Variant variant) throws Exception {
        encodeAll(variant.python(), work);

        for (Map.Entry<String, PackedBitImage> e : IMAGES.entrySet()) {
            assertThat(Files.readAllBytes(work.resolve(e.getKey() + ".payload"))).as(variant + " " + e.getKey())
                    .isEqualTo(Rle.encoder().encode(e.getValue()));
        }
    }

    /** The benchmark's own byte check: digests of every call against rle-core's, for a file and a batch. */
    @Test
    void benchmarkFindsEveryVariantIdenticalToRleCore() throws Exception {
        Path batch = Files.createDirectory(work.resolve("batch"));
        for (String stem : List.of("w127-h065", "w129-h129", "w255-h001")) {
            Files.copy(images.resolve(stem + ".pbm"), batch.resolve(stem + ".pbm"));
        }
        PythonCaseStudy.Settings settings = new PythonCaseStudy.Settings(EnumSet.allOf(PythonCaseStudy.Variant.class), 2, 1, true);

        PythonCaseStudy.Benchmark run = lookup.caseStudy().benchmark(List.of(images.resolve("w254-h129.pbm"), batch), settings, line -> { });

        assertThat(run.results()).hasSize(2 * PythonCaseStudy.Variant.values().length);
        assertThat(run.results()).allSatisfy(r -> {
            assertThat(r.identical()).as(r.workload() + " " + r.variant()).isTrue();
            assertThat(r.calls()).isPositive();
            assertThat(r.medianMs()).isPositive();
        });
        assertThat(run.result("batch", PythonCaseStudy.Variant.PROCESS).orElseThrow())
                .satisfies(r -> assertThat(r.images()).isEqualTo(3))
                .satisfies(r -> assertThat(r.pixels()).isEqualTo(127L * 65 + 129L * 129 + 255));
    }

    /**
     * Corrupt course files: both readers refuse each one, at the same byte offset, and Python leaves no
     * output behind. (The course file has no checksum: a flipped colour bit is not corrupt, only wrong.)
     */
    @Test
    void bothRefuseTheSameCorruptCourseFilesAtTheSameOffset() throws Exception {
        Map<String, byte[]> corrupt = new LinkedHashMap<>();
        corrupt.put("truncated-header", new byte[] {10, 0, 1});
        corrupt.put("zero-length-run", new byte[] {10, 0, 1, 0, (byte) 0x82, 0x00, (byte) 0x85});
        corrupt.put("run-past-the-group", new byte[] {(byte) 200, 0, 1, 0, (byte) 0xFF, 0x01, 0x4A});
        corrupt.put("ends-early", new byte[] {10, 0, 2, 0, (byte) 0x8A});
        corrupt.put("byte-after-last-row", new byte[] {10, 0, 1, 0, (byte) 0x8A, 0x01});
        corrupt.put("longer-than-any-encoding", new byte[] {2, 0, 1, 0, (byte) 0x81, (byte) 0x81, (byte) 0x81});
        corrupt.put("huge-size-tiny-file", new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01});
        List<String> args = new ArrayList<>(List.of("decode", "-o", work.resolve("out").toString()));
        for (Map.Entry<String, byte[]> e : corrupt.entrySet()) {
            args.add(Files.write(work.resolve(e.getKey() + ".crle"), e.getValue()).toString());
        }

        PythonInterpreter.Completed run = python(args.toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(1);
        List<String> complaints = run.stderr().lines().toList();
        assertThat(complaints).hasSize(corrupt.size());
        int i = 0;
        for (Map.Entry<String, byte[]> e : corrupt.entrySet()) {
            String complaint = complaints.get(i++);
            assertThat(complaint).as(e.getKey()).contains(e.getKey() + ".crle: ");
            assertThatThrownBy(() -> CourseRleFile.decode(e.getValue())).as(e.getKey()).isInstanceOfSatisfying(RleFormatException.class,
                    x -> assertThat(complaint).as(e.getKey()).endsWith("(at byte offset " + x.offset() + ")"));
        }
        assertThat(work.resolve("out")).doesNotExist();
        try (Stream<Path> left = Files.list(work)) {
            assertThat(left).allMatch(p -> p.toString().endsWith(".crle"));
        }
    }
}
