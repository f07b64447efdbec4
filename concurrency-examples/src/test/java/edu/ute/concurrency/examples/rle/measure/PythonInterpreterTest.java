package edu.ute.concurrency.examples.rle.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the interpreter is chosen, and what is said when none will do; no real Python needed. */
class PythonInterpreterTest {
    @TempDir
    Path dir;

    /** A {@code python3} that answers every question the way an interpreter without bitarray does. */
    private Path pythonWithoutBitarray() throws Exception {
        Path fake = dir.resolve("python3");
        Files.writeString(fake, "#!/bin/sh\necho \"Python 3.12.1: No module named 'bitarray'\" >&2\nexit 3\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        return fake;
    }

    @Test
    void theEnvironmentVariableNamesTheOnlyInterpreterTriedAndTheReasonSaysWhatItLacks() throws Exception {
        Path fake = pythonWithoutBitarray();

        PythonInterpreter.Search search = PythonInterpreter.find(Map.of("UTE_PYTHON", fake.toString(), "PATH", "/usr/bin"));

        assertThat(search.isFound()).isFalse();
        assertThat(search.reason()).isEqualTo("UTE_PYTHON=" + fake + ": Python 3.12.1: No module named 'bitarray'");
    }

    @Test
    void anInterpreterThatCannotStartIsNamedWithWhy() {
        PythonInterpreter.Search search = PythonInterpreter.find(Map.of("UTE_PYTHON", dir.resolve("missing").toString()));

        assertThat(search.isFound()).isFalse();
        assertThat(search.reason()).startsWith("UTE_PYTHON=" + dir.resolve("missing") + ": cannot run it: ");
    }

    @Test
    void thePathIsTriedInOrderBeforeTheSystemPython() throws Exception {
        Path fake = pythonWithoutBitarray();

        PythonInterpreter.Search search = PythonInterpreter.find(Map.of("PATH", dir.toString()));

        if (search.isFound()) {
            assertThat(search.interpreter().command()).isEqualTo(PythonInterpreter.SYSTEM_PYTHON);
        } else {
            assertThat(search.reason()).startsWith("no Python 3.11+ with bitarray: tried " + fake
                    + " (Python 3.12.1: No module named 'bitarray')");
        }
    }
}
