package edu.ute.concurrency.rle.bench;

import edu.ute.concurrency.rle.ImageFiles;
import edu.ute.concurrency.rle.PackedBitImage;
import edu.ute.concurrency.rle.Rle;
import edu.ute.concurrency.rle.RleFormatException;
import edu.ute.concurrency.rle.SampleImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Single-thread speed of the codec on four 2480×3508 workloads (an A4 page at 300 dpi), beside the
 * JDK's own fax codec (ImageIO's TIFF writer, CCITT RLE and CCITT T.6) on the same images.
 *
 * <p>HOW TO RUN (from the repository root; about 3 minutes):
 * <pre>
 * mvn -q -pl rle-core compile exec:exec -Dbench=rle-core \
 *     -Dexec.mainClass=edu.ute.concurrency.rle.bench.RleCodecBenchmark -Djmh.args=""
 * </pre>
 * It runs JMH, then prints a table in megapixels per second (median of the measured iterations) with
 * the output size of each codec. Plain JMH options work too, e.g. {@code -Djmh.args="-prof gc"} with
 * {@code -Dexec.mainClass=org.openjdk.jmh.Main} to see the allocation per encode.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RleCodecBenchmark {

    @Param({"text", "noise", "checkerboard", "blank"})
    public String workload;

    private PackedBitImage image;
    private byte[] payload;
    private BufferedImage binary;

    static PackedBitImage workload(String name) {
        int w = SampleImages.a4Width(300);
        int h = SampleImages.a4Height(300);
        return switch (name) {
            case "text" -> SampleImages.textPage(300, 1);
            case "noise" -> SampleImages.noise(w, h, 0.5, 1);
            case "checkerboard" -> SampleImages.checkerboard(w, h);
            case "blank" -> SampleImages.blank(w, h);
            default -> throw new IllegalArgumentException(name);
        };
    }

    @Setup(Level.Trial)
    public void setUp() {
        image = workload(workload);
        payload = Rle.encoder().encode(image);
        binary = ImageFiles.toBufferedImage(image);
    }

    @Benchmark
    public byte[] encode() {
        return Rle.encoder().encode(image);
    }

    @Benchmark
    public PackedBitImage decode() throws RleFormatException {
        return Rle.decoder().decode(payload, image.width(), image.height());
    }

    @Benchmark
    public byte[] jdkCcittRle() throws IOException {
        return tiff(binary, "CCITT RLE");
    }

    @Benchmark
    public byte[] jdkCcittT6() throws IOException {
        return tiff(binary, "CCITT T.6");
    }

    /** Encodes a TYPE_BYTE_BINARY image as a TIFF with the given compression, in memory. */
    static byte[] tiff(BufferedImage image, String compression) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType(compression);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** Runs the benchmarks and prints megapixels per second and output sizes per workload. */
    public static void main(String[] args) throws RunnerException, CommandLineOptionException, IOException {
        CommandLineOptions cli = new CommandLineOptions(args);
        OptionsBuilder options = new OptionsBuilder();
        options.parent(cli);
        if (cli.getIncludes().isEmpty()) {
            options.include(RleCodecBenchmark.class.getName());
        }
        Collection<RunResult> results = new Runner(options.build()).run();

        Map<String, Map<String, Double>> mpxs = new LinkedHashMap<>();
        for (RunResult r : results) {
            String wl = r.getParams().getParam("workload");
            String method = r.getParams().getBenchmark().replaceAll(".*\\.", "");
            PackedBitImage img = workload(wl);
            List<Double> samples = new ArrayList<>();
            r.getBenchmarkResults().forEach(br -> br.getIterationResults()
                    .forEach(ir -> samples.add(ir.getPrimaryResult().getScore())));
            samples.sort(null);
            double median = samples.size() % 2 == 1 ? samples.get(samples.size() / 2)
                    : (samples.get(samples.size() / 2 - 1) + samples.get(samples.size() / 2)) / 2;
            mpxs.computeIfAbsent(wl, k -> new LinkedHashMap<>()).put(method, median * img.pixelCount() / 1e6);
        }
        System.out.printf(Locale.ROOT, "%nMachine: %d cores, JDK %s (%s)%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("java.vm.name"));
        System.out.println("Single thread, 2480x3508 (8.7 Mpx), median megapixels/s of the measured iterations:");
        System.out.println();
        System.out.println("| workload | rle encode | rle decode | rle bytes | CCITT RLE encode | CCITT RLE bytes | CCITT T.6 encode | CCITT T.6 bytes |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (var e : mpxs.entrySet()) {
            PackedBitImage img = workload(e.getKey());
            BufferedImage bin = ImageFiles.toBufferedImage(img);
            Map<String, Double> m = e.getValue();
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %,d | %s | %,d | %s | %,d |%n", e.getKey(),
                    fmt(m.get("encode")), fmt(m.get("decode")), Rle.encoder().encode(img).length,
                    fmt(m.get("jdkCcittRle")), tiff(bin, "CCITT RLE").length,
                    fmt(m.get("jdkCcittT6")), tiff(bin, "CCITT T.6").length);
        }
    }

    private static String fmt(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%,.0f", v);
    }
}
