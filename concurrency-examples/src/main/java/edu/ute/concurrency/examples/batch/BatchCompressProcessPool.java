package edu.ute.concurrency.examples.batch;

import edu.ute.concurrency.examples.support.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Exercise 2, version 3 of 3: the same directory compression with a pool of worker <em>processes</em>,
 * the counterpart of Python's {@code multiprocessing.Pool}. N child JVMs
 * ({@link BatchCompressWorker}) are started once and each compresses many files; a thread per child
 * sends it one file name at a time on its stdin and reads "ok" or "error ..." back from its stdout.
 *
 * <p>Only file names cross the pipes: each worker reads and writes the files itself. (The course's
 * Python per-row Pool pickled every row to another process and back, and that copy cost more than the
 * work: docs/measurements.md.) The price here is the start-up of N JVMs, a line protocol to design, and
 * a child that dies to detect (its stdout ends: the file in flight is reported, the others go on).
 *
 * <p>HOW TO RUN (no arguments: 60 generated pages under target/batch-demo):
 * <pre>
 * mvn -q -pl concurrency-examples -am compile exec:exec \
 *     -Dexec.mainClass=edu.ute.concurrency.examples.batch.BatchCompressProcessPool [-Dexec.appArgs="IN_DIR OUT_DIR"]
 * </pre>
 * Expected output: "process pool: 60 files, 0 failed, ... ms with 2 worker processes; output in
 * target/batch-demo/out-process-pool" (slower than the two others on a small batch: the JVM start-ups).
 */
public final class BatchCompressProcessPool {
    private BatchCompressProcessPool() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        BatchFolders folders = BatchFolders.fromArguments(args, "process-pool"); // a mistake ends the program here, in one line
        int workers = Runtime.getRuntime().availableProcessors();
        long start = System.nanoTime();

        List<Path> files = folders.files();
        AtomicInteger next = new AtomicInteger(); // the shared "queue": the index of the next file
        List<String> errors = Collections.synchronizedList(new ArrayList<>());

        // 1. Start the worker processes, on the same JDK and class path as this one.
        List<Process> processes = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            processes.add(new ProcessBuilder(ChildJvm.command(BatchCompressWorker.class))
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start());
        }
        // Ctrl-C: the JVM runs this hook, so that no child outlives us. A polite stop first (SIGTERM on
        // Linux): each child's own shutdown hook lets the file it is writing finish (OutputGate).
        Thread stopChildren = new Thread(() -> {
            processes.forEach(Process::destroy);
            for (Process process : processes) {
                try {
                    if (!process.waitFor(5, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                }
            }
        });
        Runtime.getRuntime().addShutdownHook(stopChildren);

        // 2. One thread per worker process: send a file name, wait for the answer, repeat.
        List<Thread> dispatchers = new ArrayList<>();
        for (Process process : processes) {
            Thread dispatcher = new Thread(() -> {
                try (PrintWriter toWorker = new PrintWriter(process.getOutputStream(), false, StandardCharsets.UTF_8);
                     BufferedReader fromWorker = new BufferedReader(
                             new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
                        Path file = files.get(i);
                        toWorker.println(file.toAbsolutePath() + "\t" + folders.outputFor(file).toAbsolutePath());
                        toWorker.flush();
                        String reply = fromWorker.readLine();
                        if (reply == null) {
                            errors.add(file + ": worker process " + process.pid() + " died");
                            return; // this worker is gone; the other dispatchers take the remaining files
                        }
                        if (!reply.equals("ok")) {
                            errors.add(file + ": " + reply.substring(reply.indexOf(' ') + 1));
                        }
                    }
                } catch (IOException e) {
                    errors.add("worker process " + process.pid() + ": " + e.getMessage());
                }
                // Leaving the try closed the worker's stdin: it reads end-of-file and exits.
            }, "dispatch-to-" + process.pid());
            dispatcher.start();
            dispatchers.add(dispatcher);
        }

        // 3. Wait for the dispatchers, then for the processes to exit.
        for (Thread dispatcher : dispatchers) {
            dispatcher.join();
        }
        for (Process process : processes) {
            process.waitFor();
        }
        Runtime.getRuntime().removeShutdownHook(stopChildren);
        if (next.get() < files.size()) {
            errors.add((files.size() - next.get()) + " files not compressed: every worker process died");
        }
        errors.forEach(e -> System.err.println("failed: " + e));
        System.out.printf("process pool: %d files, %d failed, %d ms with %d worker processes; output in %s%n",
                files.size(), errors.size(), (System.nanoTime() - start) / 1_000_000, workers, folders.output());
        System.exit(errors.isEmpty() ? 0 : 1);
    }
}
