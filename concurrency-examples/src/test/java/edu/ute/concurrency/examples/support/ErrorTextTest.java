package edu.ute.concurrency.examples.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ErrorTextTest {
    @Test
    void aFileExceptionWithoutAReasonGetsTheOperatingSystemsWords() {
        // What Files.createTempFile throws in a read-only folder: the temporary file's path and no reason.
        var e = new AccessDeniedException("out/.page.rle.123.tmp");
        assertThat(e.getMessage()).isEqualTo("out/.page.rle.123.tmp");
        assertThat(ErrorText.of(e)).isEqualTo("out/.page.rle.123.tmp: Permission denied");
        assertThat(ErrorText.reason(Path.of("out/page.rle"), e)).isEqualTo("Permission denied");
        assertThat(ErrorText.of(new NoSuchFileException("in"))).isEqualTo("in: No such file or directory");
    }

    @Test
    void theReasonTheOperatingSystemGaveIsKept() {
        var e = new FileSystemException("/mnt/cd/page.rle", null, "Read-only file system");
        assertThat(ErrorText.reason(Path.of("/mnt/cd/page.rle"), e)).isEqualTo("Read-only file system");
        assertThat(ErrorText.of(new UncheckedIOException(e))).isEqualTo("/mnt/cd/page.rle: Read-only file system");
    }

    @Test
    void aMessageThatStartsWithThePathDoesNotRepeatIt() {
        Path file = Path.of("in/notes.txt");
        var e = new IOException("in/notes.txt: not an image this program reads (PBM, .rle, PNG, GIF, BMP, JPEG)");
        assertThat("in/notes.txt: " + ErrorText.reason(file, e))
                .isEqualTo("in/notes.txt: not an image this program reads (PBM, .rle, PNG, GIF, BMP, JPEG)");
        assertThat(ErrorText.reason(file, new IOException("raster ends in row 2"))).isEqualTo("raster ends in row 2");
    }

    @Test
    void anExceptionWithNoMessageIsNamedByItsKind() {
        assertThat(ErrorText.of(new IOException())).isEqualTo("IOException");
        assertThat(ErrorText.reason(Path.of("x"), new IllegalStateException())).isEqualTo("IllegalStateException");
    }
}
