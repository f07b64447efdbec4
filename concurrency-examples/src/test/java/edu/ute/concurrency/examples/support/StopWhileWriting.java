package edu.ute.concurrency.examples.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Stops a program the way Ctrl-C or {@code kill} does, at the worst moment: while it is writing an output.
 * The program runs in a child JVM; as soon as a hidden temporary file ({@code .name.rle.123.tmp})
 * appears in its output folder, the child is sent {@link Process#destroy()} (SIGTERM on Linux, which
 * runs the shutdown hooks as Ctrl-C's SIGINT does), and the files left in the folder are listed.
 */
public final class StopWhileWriting {
    /** What the stop left behind. {@code caughtWriting} is false when the program finished first. */
    public record Outcome(boolean caughtWriting, int exitCode, List<String> filesLeft) {
        public List<String> temporaryFiles() {
            return filesLeft.stream().filter(StopWhileWriting::isTemporary).toList();
        }
    }

    private StopWhileWriting() {
    }

    public static Outcome run(List<String> command, Path outputDir) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(1); // a bound on waiting, not a measurement
            boolean caught = false;
            while (!caught && child.isAlive() && System.nanoTime() < giveUp) {
                caught = !temporaryFilesIn(outputDir).isEmpty();
                Thread.onSpinWait(); // polling as fast as it can: a write lasts milliseconds
            }
            child.destroy();
            if (!child.waitFor(1, TimeUnit.MINUTES)) {
                throw new AssertionError("the program did not stop within a minute of SIGTERM");
            }
            return new Outcome(caught, child.exitValue(), namesIn(outputDir));
        } finally {
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly();
        }
    }

    private static List<String> temporaryFilesIn(Path dir) {
        try {
            return namesIn(dir).stream().filter(StopWhileWriting::isTemporary).toList();
        } catch (IOException e) {
            return List.of(); // not created yet
        }
    }

    private static boolean isTemporary(String name) {
        return name.startsWith(".") && name.endsWith(".tmp");
    }

    private static List<String> namesIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
