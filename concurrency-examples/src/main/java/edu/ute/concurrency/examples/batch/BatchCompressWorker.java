package edu.ute.concurrency.examples.batch;

import edu.ute.concurrency.examples.support.ErrorText;
import edu.ute.concurrency.examples.support.OutputGate;
import edu.ute.concurrency.rle.ImageFiles;
import edu.ute.concurrency.rle.RleFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A worker process of {@link BatchCompressProcessPool}: reads lines "INPUT&lt;TAB&gt;OUTPUT" on stdin,
 * compresses INPUT to OUTPUT (a temporary file, then moved), and answers each line with "ok" or
 * "error REASON" on stdout. Exits when stdin ends.
 */
public final class BatchCompressWorker {
    private BatchCompressWorker() {
    }

    public static void main(String[] args) throws IOException {
        BufferedReader requests = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = requests.readLine(); line != null; line = requests.readLine()) {
            String[] paths = line.split("\t", 2);
            try {
                if (paths.length != 2) {
                    throw new IOException("bad request line: " + line);
                }
                Path input = Path.of(paths[0]);
                byte[] rle = RleFile.encode(ImageFiles.read(input));
                OutputGate.write(() -> ImageFiles.writeAtomically(Path.of(paths[1]), rle)); // Ctrl-C waits for it
                System.out.println("ok");
            } catch (IOException | RuntimeException e) {
                System.out.println("error " + ErrorText.reason(Path.of(paths[0]), e).replace('\n', ' '));
            }
            System.out.flush();
        }
    }
}
