package edu.ute.concurrency.examples.rle;

import edu.ute.concurrency.rle.PackedBitImage;
import edu.ute.concurrency.rle.Pbm;
import edu.ute.concurrency.rle.RleFile;
import edu.ute.concurrency.rle.RleFormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

/**
 * One child JVM per image: the Java counterpart of Python's process pool, kept deliberately naive so
 * that its two costs show in {@code rle compare}: starting a JVM (tens to hundreds of milliseconds),
 * and moving the data between processes, which is what pickling costs in Python. The image travels to
 * the child's stdin as PBM (P4) and the {@code .rle} file comes back on its stdout; the child is
 * {@link RleChildProcess}.
 *
 * <pre>{@code
 * List<byte[]> files = new ProcessPerImageEncoder(2).encodeEach(pages);   // at most 2 children alive
 * }</pre>
 *
 * <p>Per-image work is the only granularity that makes sense here (a child per row block would pay a
 * JVM start for 64 rows), so {@link #encode(PackedBitImage)} also sends the whole image to one child.
 * At most {@code threads} children are alive at once: each runs on a thread of a fixed pool that waits
 * for it. A child that fails becomes an {@link IOException} carrying what the child printed on stderr.
 * If the caller is interrupted every child still alive is killed, which also unblocks the threads
 * reading their output.
 *
 * <p><b>Thread safety:</b> may be used from several threads; it tracks the children it started so that
 * it can kill them, and adds up the CPU time they report ({@link #childCpuNanos()}).
 */
public final class ProcessPerImageEncoder extends RleStrategy {
    private final Set<Process> children = ConcurrentHashMap.newKeySet();
    private final LongAdder childCpuNanos = new LongAdder();

    public ProcessPerImageEncoder(int threads) {
        super(threads);
    }

    @Override
    public String name() {
        return "process";
    }

    /** CPU time the children reported using, in total, since this object was created. */
    public long childCpuNanos() {
        return childCpuNanos.sum();
    }

    @Override
    protected <T> List<T> runTasks(List<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        // Platform threads that each wait for one child at a time: the pool's size bounds the children.
        try (ExecutorService waiters = Executors.newFixedThreadPool(Math.min(threads(), tasks.size()),
                ExecutorEncoder.namedThreads())) {
            List<Future<T>> futures;
            try {
                futures = waiters.invokeAll(tasks);
            } catch (InterruptedException e) {
                killChildren();
                throw e;
            }
            List<T> results = new ArrayList<>(futures.size());
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }

    /** The whole image goes to one child JVM. */
    @Override
    public byte[] encode(PackedBitImage image) throws InterruptedException {
        try {
            return encodeWhole(image);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e.getMessage(), e);
        }
    }

    /**
     * A parsed file is already in this JVM: sending it to a child would only add the copy, so it is
     * decoded here, sequentially. {@link #decodeWhole(byte[])} decodes file bytes in a child.
     */
    @Override
    public PackedBitImage decode(RleFile file) throws RleFormatException {
        return file.decode();
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
        ProcessBuilder builder = new ProcessBuilder(javaCommand(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), RleChildProcess.class.getName(), mode);
        Process child = builder.start();
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
            String stderr = new String(errors, StandardCharsets.UTF_8).strip();
            stderr = recordCpuTime(stderr);
            if (Thread.interrupted()) { // killed by killChildren(): report the interrupt, not the kill
                throw new InterruptedException("interrupted while a child JVM worked on " + what);
            }
            if (exit != 0) {
                throw new IOException("child JVM (pid " + child.pid() + ") failed on " + what + " with exit code " + exit
                        + (stderr.isEmpty() ? "" : ": " + stderr));
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

    /** Removes the child's last line "cpu-nanos N" from its stderr and adds N to the total. */
    private String recordCpuTime(String stderr) {
        int lineStart = stderr.lastIndexOf('\n') + 1;
        String last = stderr.substring(lineStart);
        if (last.startsWith(RleChildProcess.CPU_LINE_PREFIX)) {
            try {
                childCpuNanos.add(Long.parseLong(last.substring(RleChildProcess.CPU_LINE_PREFIX.length()).trim()));
            } catch (NumberFormatException ignored) {
                // not our line after all: keep it in the message
                return stderr;
            }
            return stderr.substring(0, Math.max(0, lineStart - 1)).strip();
        }
        return stderr;
    }

    private void killChildren() {
        for (Process child : children) {
            child.destroyForcibly();
        }
    }

    /** The {@code java} binary running this JVM, so the child runs on the same JDK as the parent. */
    static String javaCommand() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
