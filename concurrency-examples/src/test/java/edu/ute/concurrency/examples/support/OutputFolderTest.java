package edu.ute.concurrency.examples.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTest {
    @TempDir
    Path dir;

    @Test
    void createsAMissingFolderAndLeavesNothingElse() throws IOException {
        Path out = dir.resolve("a/b");
        OutputFolder.prepare(out);
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aFileWhereTheFolderShouldBeIsNamedOnce() throws IOException {
        Path file = Files.writeString(dir.resolve("notes"), "x");
        assertThatThrownBy(() -> OutputFolder.prepare(file))
                .hasMessage(file + ": not a directory (outputs go into a folder, created if missing)");
        assertThatThrownBy(() -> OutputFolder.prepare(file.resolve("sub")))
                .hasMessage("cannot create the output folder " + file.resolve("sub") + ": Not a directory");
    }

    @Test
    void aReadOnlyFolderSaysPermissionDeniedAndNamesTheFolderNotATemporaryFile() throws IOException {
        Path readOnly = Files.createDirectory(dir.resolve("ro"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(readOnly), "permissions do not stop this user (root)");
            assertThatThrownBy(() -> OutputFolder.prepare(readOnly))
                    .hasMessage("cannot write in the output folder " + readOnly + ": Permission denied");
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aFolderNobodyMayWriteInIsReportedEvenForRoot() {
        Path proc = Path.of("/proc/1"); // a directory of the kernel's, where no user can create a file
        assumeTrue(Files.isDirectory(proc), "Linux /proc");
        assertThatThrownBy(() -> OutputFolder.prepare(proc)).hasMessageStartingWith("cannot write in the output folder /proc/1: ");
    }
}
