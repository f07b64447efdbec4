package edu.ute.concurrency.examples.rle.measure;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A Python interpreter that can run the course's case study: Python 3.11 or newer with the
 * {@link #REQUIRED_MODULES required modules}, and Pillow if it happens to be there.
 *
 * <p>How one is found ({@link #find()}): the {@value #ENVIRONMENT_VARIABLE} environment variable if it
 * is set (that interpreter and no other); otherwise each {@code python3} on the {@code PATH} in order,
 * then {@code /usr/bin/python3}. Each candidate is asked, in a process of its own, for its version and
 * modules; the first that has them all is taken. When none has, the {@link Search#reason() reason} names
 * every interpreter tried and what each lacked, so a test can skip with it and a program can print it.
 *
 * <pre>{@code
 * PythonInterpreter.Search search = PythonInterpreter.find();
 * if (search.found()) {
 *     Completed run = search.interpreter().run(List.of("-c", "print(1)"), Map.of(), Duration.ofSeconds(10), line -> {});
 * } else {
 *     System.out.println("no Python rows: " + search.reason());
 * }
 * }</pre>
 *
 * <p><b>Thread safety.</b> Immutable; {@link #run} may be called from several threads at once, each
 * call starting its own process.
 *
 * @param command         the interpreter's path, as found
 * @param version         its version, such as {@code 3.11.2}
 * @param bitarrayVersion the version of its {@code bitarray} module
 * @param pillowVersion   the version of its Pillow, if it has one
 */
public record PythonInterpreter(String command, String version, String bitarrayVersion, Optional<String> pillowVersion) {
    /** The environment variable that names the interpreter to use, bypassing the search. */
    public static final String ENVIRONMENT_VARIABLE = "UTE_PYTHON";
    /** What the case study imports beyond the standard library. */
    public static final List<String> REQUIRED_MODULES = List.of("bitarray");
    /** Where Debian and most Linux systems keep the system's interpreter, tried after the {@code PATH}. */
    public static final String SYSTEM_PYTHON = "/usr/bin/python3";

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);
    /** Prints "VERSION BITARRAY PILLOW" (Pillow "-" when absent), or exits 3 with what is missing. */
    private static final String PROBE = """
            import sys
            if sys.version_info < (3, 11):
                sys.exit("Python %s, older than 3.11" % sys.version.split()[0])
            try:
                import bitarray
            except ImportError as e:
                sys.exit("Python %s: %s" % (sys.version.split()[0], e))
            try:
                import PIL
                pillow = PIL.__version__
            except ImportError:
                pillow = "-"
            print(sys.version.split()[0], bitarray.__version__, pillow)
            """;

    /** The outcome of a search: an interpreter, or the reason there is none. */
    public record Search(Optional<PythonInterpreter> found, String reason) {
        public boolean isFound() {
            return found.isPresent();
        }

        /** The interpreter found; fails with the {@link #reason()} when there is none. */
        public PythonInterpreter interpreter() {
            return found.orElseThrow(() -> new IllegalStateException(reason));
        }
    }

    /** What a finished run printed, and its exit code. */
    public record Completed(int exitCode, String stdout, String stderr) {
    }

    /** Searches as the class comment says, with this process's environment. */
    public static Search find() {
        return find(System.getenv());
    }

    /** Searches with {@code environment} standing for this process's ({@value #ENVIRONMENT_VARIABLE}, {@code PATH}). */
    public static Search find(Map<String, String> environment) {
        String chosen = environment.get(ENVIRONMENT_VARIABLE);
        if (chosen != null && !chosen.isBlank()) {
            Probe probe = probe(chosen);
            return probe.interpreter != null ? new Search(Optional.of(probe.interpreter), "")
                    : new Search(Optional.empty(), ENVIRONMENT_VARIABLE + "=" + chosen + ": " + probe.problem);
        }
        List<String> tried = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (String candidate : candidates(environment.getOrDefault("PATH", ""))) {
            try {
                if (!seen.add(Path.of(candidate).toRealPath())) {
                    continue; // /bin/python3 and /usr/bin/python3 are often one file
                }
            } catch (IOException e) {
                continue; // vanished since it was listed
            }
            Probe probe = probe(candidate);
            if (probe.interpreter != null) {
                return new Search(Optional.of(probe.interpreter), "");
            }
            tried.add(candidate + " (" + probe.problem + ")");
        }
        String needs = "Python 3.11+ with " + String.join(", ", REQUIRED_MODULES);
        return new Search(Optional.empty(), tried.isEmpty()
                ? "no " + needs + ": no python3 on the PATH and no " + SYSTEM_PYTHON
                : "no " + needs + ": tried " + String.join(", ", tried));
    }

    /** Each executable {@code python3} of {@code path}, in order, then {@link #SYSTEM_PYTHON}. */
    private static List<String> candidates(String path) {
        List<String> candidates = new ArrayList<>();
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path python = Path.of(dir, "python3");
                if (Files.isRegularFile(python) && Files.isExecutable(python)) {
                    candidates.add(python.toString());
                }
            }
        }
        if (Files.isExecutable(Path.of(SYSTEM_PYTHON))) {
            candidates.add(SYSTEM_PYTHON);
        }
        return candidates;
    }

    private record Probe(PythonInterpreter interpreter, String problem) {
    }

    private static Probe probe(String command) {
        Completed run;
        try {
            run = run(command, List.of("-c", PROBE), Map.of(), PROBE_TIMEOUT, line -> { });
        } catch (IOException e) {
            return new Probe(null, "cannot run it: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Probe(null, "interrupted while asking it for its version");
        }
        String[] words = run.stdout().strip().split(" ");
        if (run.exitCode() == 0 && words.length == 3) {
            return new Probe(new PythonInterpreter(command, words[0], words[1],
                    words[2].equals("-") ? Optional.empty() : Optional.of(words[2])), "");
        }
        List<String> lines = run.stderr().strip().lines().toList();
        return new Probe(null, lines.isEmpty() ? "exit code " + run.exitCode() : lines.get(lines.size() - 1));
    }

    /**
     * Runs this interpreter with {@code args} and {@code environment} added to this process's, stdin
     * closed; hands each line it prints on stderr to {@code stderrLines} as it comes.
     *
     * @throws IOException if it cannot start, or runs past {@code timeout} (it and its children are
     *         then killed)
     * @throws InterruptedException if this thread is interrupted (it and its children are killed)
     */
    public Completed run(List<String> args, Map<String, String> environment, Duration timeout, Consumer<String> stderrLines)
            throws IOException, InterruptedException {
        return run(command, args, environment, timeout, stderrLines);
    }

    private static Completed run(String command, List<String> args, Map<String, String> environment, Duration timeout,
            Consumer<String> stderrLines) throws IOException, InterruptedException {
        List<String> commandLine = new ArrayList<>();
        commandLine.add(command);
        commandLine.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(commandLine);
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        StringBuilder stdout = new StringBuilder();
        StringBuilder stderr = new StringBuilder();
        // Both pipes are drained at once: a child blocked on a full stderr pipe would never finish stdout.
        Thread outReader = Thread.ofVirtual().start(() -> stdout.append(readAll(process.getInputStream())));
        Thread errReader = Thread.ofVirtual().start(() -> {
            try (BufferedReader lines = process.errorReader(StandardCharsets.UTF_8)) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    synchronized (stderr) {
                        stderr.append(line).append('\n');
                    }
                    stderrLines.accept(line);
                }
            } catch (IOException e) {
                // The pipe broke because the process was killed: the caller is already failing.
            }
        });
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                killTree(process);
                throw new IOException(command + " " + String.join(" ", args) + ": still running after " + timeout.toSeconds()
                        + " s, stopped");
            }
            outReader.join();
            errReader.join();
        } catch (InterruptedException e) {
            killTree(process);
            throw e;
        }
        synchronized (stderr) {
            return new Completed(process.exitValue(), stdout.toString(), stderr.toString());
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return ""; // the pipe broke because the process was killed: the caller is already failing
        }
    }

    /** Its worker processes first, so that none is left running without its parent. */
    private static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
