package edu.ute.concurrency.examples.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder a program writes its outputs into, checked before any work starts, so that a batch does
 * not fail file after file for one cause, and says that cause once.
 *
 * <pre>{@code
 * try {
 *     OutputFolder.prepare(outputDir);
 * } catch (IOException e) {
 *     System.err.println("rle: " + e.getMessage());   // rle: cannot write in the output folder out: Permission denied
 *     return 1;
 * }
 * }</pre>
 *
 * <p><b>Thread safety.</b> Stateless.
 */
public final class OutputFolder {
    private OutputFolder() {
    }

    /**
     * Creates {@code dir} if it is missing, then creates and removes a file in it. The exception's
     * message is one line naming the folder and the operating system's reason; the only trace left is
     * the folder itself.
     */
    public static void prepare(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException(dir + ": not a directory (outputs go into a folder, created if missing)");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IOException("cannot create the output folder " + dir + ": " + ErrorText.reason(dir, e), e);
        }
        try {
            // Permissions alone do not say it (root passes every check, /proc refuses root): try it.
            OutputGate.write(() -> Files.delete(Files.createTempFile(dir, ".write-check-", ".tmp")));
        } catch (IOException e) {
            throw new IOException("cannot write in the output folder " + dir + ": " + ErrorText.reason(dir, e), e);
        }
    }
}
