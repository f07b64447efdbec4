package edu.ute.concurrency.links;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Finds the Python that runs the course's crawler ({@code link-collector/python/crawler.py}) for
 * {@code --compare}: the {@code UTE_PYTHON} environment variable if set, else each
 * {@code python3} on {@code PATH} in order, then {@code /usr/bin/python3}; the first that can
 * import the modules asked for wins. Each candidate is asked for its own {@code sys.executable},
 * so that a launcher in front of it (a pyenv shim is a shell script) is not timed with it.
 *
 * <pre>{@code
 * Search s = PythonInterpreter.find(List.of("aiohttp"));
 * s.found().ifPresentOrElse(p -> run(p.executable()), () -> System.out.println(s.whyNot()));
 * }</pre>
 * Immutable and thread-safe.
 *
 * @param executable the interpreter itself ({@code sys.executable})
 * @param version    its version, e.g. {@code 3.11.2}
 * @param modules    the modules it was asked to import, with their versions
 */
public record PythonInterpreter(Path executable, String version, List<String> modules) {

    /**
     * The outcome of a search.
     *
     * @param found  the first interpreter that imports every module asked for
     * @param tried  each candidate tried, with what it lacked, in order
     */
    public record Search(Optional<PythonInterpreter> found, List<String> tried) {
        /** One line saying what was tried and what was missing. */
        public String whyNot() {
            return tried.isEmpty() ? "no python3 found (UTE_PYTHON unset, none on PATH, no /usr/bin/python3)"
                    : "tried " + String.join("; ", tried);
        }
    }

    /** Searches the candidates in order for one that imports every module in {@code modules}. */
    public static Search find(List<String> modules) {
        List<String> tried = new ArrayList<>();
        for (String candidate : candidates()) {
            String probe = probe(candidate, modules);
            if (probe.startsWith("ok\n")) {
                String[] lines = probe.split("\n");
                List<String> versions = new ArrayList<>();
                for (int i = 0; i < modules.size(); i++) {
                    versions.add(modules.get(i) + " " + lines[3 + i]);
                }
                return new Search(Optional.of(new PythonInterpreter(Path.of(lines[1]), lines[2], versions)), tried);
            }
            tried.add(candidate + ": " + probe);
        }
        return new Search(Optional.empty(), tried);
    }

    private static Set<String> candidates() {
        Set<String> candidates = new LinkedHashSet<>();
        String fromEnv = System.getenv("UTE_PYTHON");
        if (fromEnv != null && !fromEnv.isBlank()) {
            candidates.add(fromEnv);
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path p = Path.of(dir.isEmpty() ? "." : dir, "python3");
                if (Files.isExecutable(p)) {
                    candidates.add(p.toString());
                }
            }
        }
        if (Files.isExecutable(Path.of("/usr/bin/python3"))) {
            candidates.add("/usr/bin/python3");
        }
        return candidates;
    }

    /** "ok\nEXECUTABLE\nVERSION\nMODULE-VERSION..." or what went wrong, in a few words. */
    private static String probe(String candidate, List<String> modules) {
        StringBuilder code = new StringBuilder("import sys\nassert sys.version_info >= (3, 8), 'Python ' + sys.version.split()[0] + ' is older than 3.8'\n"
                + "print('ok'); print(sys.executable); print(sys.version.split()[0])\n");
        for (String m : modules) {
            code.append("import ").append(m).append("; print(getattr(").append(m).append(", '__version__', '?'))\n");
        }
        try {
            Process p = new ProcessBuilder(candidate, "-c", code.toString()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "did not answer within 30 s";
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.exitValue() == 0) {
                return out;
            }
            for (String line : out.split("\n")) {
                if (line.startsWith("ModuleNotFoundError") || line.startsWith("AssertionError") || line.startsWith("ImportError")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
            return "exit status " + p.exitValue();
        } catch (IOException e) {
            return "cannot run (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
