package edu.ute.concurrency.examples.concepts;

import edu.ute.concurrency.examples.support.ChildJvm;
import edu.ute.concurrency.rle.PackedBitImage;
import edu.ute.concurrency.rle.Pbm;
import edu.ute.concurrency.rle.RleFile;
import edu.ute.concurrency.rle.SampleImages;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Concept 2: a child process. The program starts a second JVM (the counterpart of Python's
 * {@code subprocess} or a {@code multiprocessing.Process}), sends it a page as PBM on its stdin, and
 * reads the compressed {@code .rle} file from its stdout. The two processes share no memory: all the
 * data is copied through the pipe, which is what Python's pickling does for a process pool.
 *
 * <p>What to notice: the child is {@link Child}, a {@code main} of its own, run on the same JDK with the
 * same class path ({@link ChildJvm}); the exit code says whether it worked; starting a JVM costs tens to
 * hundreds of milliseconds, far more than compressing one page.
 *
 * <p>HOW TO RUN:
 * <pre>
 * mvn -q -pl concurrency-examples -am compile exec:exec -Dexec.mainClass=edu.ute.concurrency.examples.concepts.Concept02ChildProcess
 * </pre>
 * Expected output (pid and times vary):
 * <pre>
 * started child pid 12345
 * sent 271,883 bytes of PBM, received 166,358 bytes of .rle, exit code 0, 164 ms
 * same bytes as compressing here (9 ms): true
 * </pre>
 */
public final class Concept02ChildProcess {
    private Concept02ChildProcess() {
    }

    /** The child: reads a PBM image on stdin, writes its {@code .rle} file on stdout. */
    public static final class Child {
        private Child() {
        }

        public static void main(String[] args) throws IOException {
            PackedBitImage page = Pbm.read(new BufferedInputStream(System.in));
            System.out.write(RleFile.encode(page));
            System.out.flush();
        }
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        var page = SampleImages.textPage(150, 1);
        ByteArrayOutputStream pbm = new ByteArrayOutputStream();
        Pbm.write(page, pbm, Pbm.Variant.P4);

        long start = System.nanoTime();
        Process child = new ProcessBuilder(ChildJvm.command(Child.class))
                .redirectError(ProcessBuilder.Redirect.INHERIT) // the child's errors, if any, show up here
                .start();
        System.out.println("started child pid " + child.pid());

        // The child reads all of its input before writing: send everything, close, then read.
        try (OutputStream toChild = child.getOutputStream()) {
            toChild.write(pbm.toByteArray());
        }
        byte[] rle;
        try (InputStream fromChild = child.getInputStream()) {
            rle = fromChild.readAllBytes();
        }
        int exit = child.waitFor();
        System.out.printf("sent %,d bytes of PBM, received %,d bytes of .rle, exit code %d, %d ms%n",
                pbm.size(), rle.length, exit, (System.nanoTime() - start) / 1_000_000);

        start = System.nanoTime();
        byte[] here = RleFile.encode(page);
        System.out.printf("same bytes as compressing here (%d ms): %b%n", (System.nanoTime() - start) / 1_000_000,
                Arrays.equals(here, rle));
    }
}
