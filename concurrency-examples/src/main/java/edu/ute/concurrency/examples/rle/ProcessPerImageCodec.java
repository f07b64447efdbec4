package edu.ute.concurrency.examples.rle;

import edu.ute.concurrency.examples.support.ChildJvm;
import edu.ute.concurrency.rle.PackedBitImage;
import edu.ute.concurrency.rle.Pbm;
import edu.ute.concurrency.rle.RleFormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.LongAdder;

/**
 * One child JVM per image: the Java counterpart of Python's process pool, kept deliberately naive so
 * that its two costs show in {@code rle compare}: starting a JVM, and moving the data between
 * processes, which is what pickling costs in Python. The image travels to the child's stdin as PBM
 * (P4) and the {@code .rle} file comes back on its stdout, or the reverse to decode; the child is
 * {@link ProcessPerImageChild}.
 *
 * <pre>{@code
 * try (ConcurrentCodec codec = new ProcessPerImageCodec(2)) {
 *     List<byte[]> files = codec.encodeEach(pages);   // at most 2 children alive at once
 * }
 * }</pre>
 *
 * <p>Per image is the only granularity that makes sense here (a child per row block would pay a JVM
 * start for 64 rows), so {@link #encode} and {@link #decode} also send the whole image, or the whole
 * file, to one child. At most {@code threads} children are alive at once: each runs on a thread of an
 * {@link ExecutorRunner} that waits for it. A child that fails becomes an {@link IOException} carrying
 * what it printed on stderr; one that found its input corrupt becomes an {@link RleFormatException},
 * as in this JVM. If the caller is interrupted every child still alive is killed, which also unblocks
 * the threads reading their output.
 *
 * <p><b>Thread safety:</b> may be used from several threads; it tracks the children it started so that
 * it can kill them, and adds up the CPU time they report ({@link #childCpuNanos()}).
 */
public final class ProcessPerImageCodec implements ConcurrentCodec {
    /** Small and quick to start: a child encodes one image on one thread and exits. */
    private static final List<String> CHILD_JVM_ARGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final RunnerCodec waiters;
    private final Set<Process> children = ConcurrentHashMap.newKeySet();
    private final LongAdder childCpuNanos = new LongAdder();

    public ProcessPerImageCodec(int threads) {
        // Platform threads that each wait for one child at a time: the pool's size bounds the children.
        this.waiters = new RunnerCodec(new ExecutorRunner(threads));
    }

    /** CPU time the children reported using, in total, since this object was created. */
    public long childCpuNanos() {
        return childCpuNanos.sum();
    }

    @Override
    public <T> List<T> runAll(List<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        try {
            return waiters.runAll(tasks);
        } catch (InterruptedException e) {
            for (Process child : children) {
                child.destroyForcibly();
            }
            throw e;
        }
    }

    /** The whole image goes to one child JVM. */
    @Override
    public byte[] encode(PackedBitImage image) throws InterruptedException {
        try {
            return encodeWhole(image);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /** The whole file goes to one child JVM. */
    @Override
    public PackedBitImage decode(byte[] rleFile) throws InterruptedException, IOException {
        return decodeWhole(rleFile);
    }

    @Override
    public byte[] encodeWhole(PackedBitImage image) throws IOException, InterruptedException {
        ByteArrayOutputStream pbm = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, image.pixelCount() / 8 + 64));
        Pbm.write(image, pbm, Pbm.Variant.P4);
        return runChild("encode", pbm.toByteArray(), "a " + image.width() + "x" + image.height() + " image");
    }

    @Override
    public PackedBitImage decodeWhole(byte[] rleFile) throws IOException, InterruptedException {
        byte[] pbm = runChild("decode", rleFile, "an .rle file of " + rleFile.length + " bytes");
        return Pbm.read(new ByteArrayInputStream(pbm));
    }

    private byte[] runChild(String mode, byte[] input, String what) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(ChildJvm.command(ProcessPerImageChild.class, CHILD_JVM_ARGS, mode)).start();
        children.add(child);
        try {
            // The child reads all of its input before it writes anything, so writing everything first and
            // then reading cannot deadlock on full pipes.
            try (OutputStream toChild = child.getOutputStream()) {
                toChild.write(input);
            } catch (IOException brokenPipe) {
                // The child died early; its exit code and stderr below say why.
            }
            byte[] output;
            byte[] errors;
            try (InputStream fromChild = child.getInputStream(); InputStream childErrors = child.getErrorStream()) {
                output = fromChild.readAllBytes();
                errors = childErrors.readAllBytes();
            }
            int exit = child.waitFor();
            ChildReport report = ChildReport.of(new String(errors, StandardCharsets.UTF_8));
            childCpuNanos.add(report.cpuNanos());
            if (Thread.interrupted()) { // killed because the caller was interrupted: report that, not the kill
                throw new InterruptedException("interrupted while a child JVM worked on " + what);
            }
            String where = "child JVM (pid " + child.pid() + ") on " + what;
            if (exit == ProcessPerImageChild.EXIT_CORRUPT && report.corruptAt() != null) {
                throw new RleFormatException(where + ": " + report.problem(), report.corruptAt());
            }
            if (exit != 0) {
                throw new IOException(where + " failed with exit code " + exit + (report.problem().isEmpty() ? "" : ": " + report.problem()));
            }
            return output;
        } finally {
            children.remove(child);
            if (child.isAlive()) {
                child.destroyForcibly();
                child.onExit().join();
            }
        }
    }

    /** What a child said on stderr: its message, the offset of corrupt input if any, its CPU time. */
    private record ChildReport(String problem, Long corruptAt, long cpuNanos) {
        static ChildReport of(String stderr) {
            List<String> message = new ArrayList<>();
            Long corruptAt = null;
            long cpu = 0;
            for (String line : stderr.strip().split("\n")) {
                try {
                    if (line.startsWith(ProcessPerImageChild.CPU_LINE_PREFIX)) {
                        cpu = Long.parseLong(line.substring(ProcessPerImageChild.CPU_LINE_PREFIX.length()).strip());
                        continue;
                    }
                    if (line.startsWith(ProcessPerImageChild.OFFSET_LINE_PREFIX)) {
                        corruptAt = Long.parseLong(line.substring(ProcessPerImageChild.OFFSET_LINE_PREFIX.length()).strip());
                        continue;
                    }
                } catch (NumberFormatException notOurLine) {
                    // keep it in the message
                }
                message.add(line);
            }
            String problem = String.join(" ", message).strip();
            // RleFormatException adds the offset to its message itself: do not say it twice
            String suffix = corruptAt == null ? null : " (at byte offset " + corruptAt + ")";
            if (suffix != null && problem.endsWith(suffix)) {
                problem = problem.substring(0, problem.length() - suffix.length());
            }
            return new ChildReport(problem, corruptAt, cpu);
        }
    }

    @Override
    public void close() {
        waiters.close();
    }
}
