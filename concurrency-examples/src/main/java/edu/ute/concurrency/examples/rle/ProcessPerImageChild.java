package edu.ute.concurrency.examples.rle;

import edu.ute.concurrency.rle.PackedBitImage;
import edu.ute.concurrency.rle.Pbm;
import edu.ute.concurrency.rle.RleFile;
import edu.ute.concurrency.rle.RleFormatException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;

/**
 * The child JVM of {@link ProcessPerImageCodec}: {@code encode} reads a PBM image on stdin and writes
 * its {@code .rle} file on stdout; {@code decode} does the reverse. An error is one line on stderr and
 * a non-zero exit: {@value #EXIT_CORRUPT} when the input is corrupt (the next stderr line then gives
 * the byte offset), 1 for any other failure. The last stderr line reports the CPU time the child used,
 * so that {@code rle compare} can count it.
 *
 * <p>Not meant to be run by hand, but it can be:
 * {@code java -cp ... edu.ute.concurrency.examples.rle.ProcessPerImageChild encode < page.pbm > page.rle}
 */
public final class ProcessPerImageChild {
    /** Exit status for corrupt input: the parent turns it back into an {@code RleFormatException}. */
    static final int EXIT_CORRUPT = 65;
    /** Start of the stderr line that gives the byte offset of corrupt input. */
    static final String OFFSET_LINE_PREFIX = "corrupt-at ";
    /** Start of the child's last stderr line: "cpu-nanos " followed by the CPU time it used. */
    static final String CPU_LINE_PREFIX = "cpu-nanos ";

    private ProcessPerImageChild() {
    }

    public static void main(String[] args) {
        int exit = 0;
        try {
            if (args.length != 1 || !(args[0].equals("encode") || args[0].equals("decode"))) {
                System.err.println("usage: ProcessPerImageChild encode|decode  (data on stdin, result on stdout)");
                exit = 2;
            } else {
                InputStream in = new BufferedInputStream(System.in, 1 << 16);
                OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
                if (args[0].equals("encode")) {
                    PackedBitImage image = Pbm.read(in);
                    out.write(RleFile.encode(image));
                } else {
                    PackedBitImage image = RleFile.parse(in.readAllBytes()).decode();
                    Pbm.write(image, out, Pbm.Variant.P4);
                }
                out.flush();
            }
        } catch (RleFormatException e) {
            System.err.println(e.getMessage());
            System.err.println(OFFSET_LINE_PREFIX + e.offset());
            exit = EXIT_CORRUPT;
        } catch (IOException | RuntimeException e) {
            System.err.println(e.getMessage() == null ? e.toString() : e.getMessage());
            exit = 1;
        }
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            System.err.println(CPU_LINE_PREFIX + sun.getProcessCpuTime());
        }
        System.exit(exit);
    }
}
