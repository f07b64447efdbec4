package edu.ute.concurrency.examples.support;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * The words a program prints for a failed file operation: the path once, then the reason the
 * operating system gave.
 *
 * <p>Java's file exceptions often carry no reason at all: {@code AccessDeniedException("out/.a.rle.42.tmp")}
 * prints as the bare path, and the path may be a temporary file the user never named. So a program says
 * which of <em>its user's</em> paths failed, and takes only the reason from the exception:
 *
 * <pre>{@code
 * } catch (IOException e) {
 *     err.println("rle: cannot write " + output + ": " + ErrorText.reason(output, e));   // ... : Permission denied
 * }
 * }</pre>
 *
 * <p><b>Thread safety.</b> Stateless.
 */
public final class ErrorText {
    private ErrorText() {
    }

    /** "PATH: reason" for a file exception, the message otherwise; never a bare path, never a class name alone. */
    public static String of(Throwable e) {
        Throwable cause = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
        if (cause instanceof FileSystemException f && f.getFile() != null) {
            String paths = f.getFile() + (f.getOtherFile() != null ? " -> " + f.getOtherFile() : "");
            return paths + ": " + osReason(f);
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }

    /**
     * Why an operation on {@code subject} failed, without the path: the operating system's reason for a
     * file exception (whatever path it names, a temporary file's included), otherwise the message with a
     * leading "SUBJECT: " removed, so that a caller printing "SUBJECT: reason" names the path once.
     */
    public static String reason(Path subject, Throwable e) {
        Throwable cause = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
        if (cause instanceof FileSystemException f && f.getFile() != null) {
            return osReason(f);
        }
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return cause.getClass().getSimpleName();
        }
        String prefix = subject + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    /**
     * The reason text of a file exception. The JDK leaves it empty for the commonest errors (the class
     * says which), so those get the words the operating system uses for them.
     */
    private static String osReason(FileSystemException f) {
        if (f.getReason() != null && !f.getReason().isBlank()) {
            return f.getReason();
        }
        if (f instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (f instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (f instanceof FileAlreadyExistsException) {
            return "File exists";
        }
        if (f instanceof NotDirectoryException) {
            return "Not a directory";
        }
        if (f instanceof DirectoryNotEmptyException) {
            return "Directory not empty";
        }
        return f.getClass().getSimpleName();
    }
}
