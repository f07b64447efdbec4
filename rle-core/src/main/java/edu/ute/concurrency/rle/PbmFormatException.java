package edu.ute.concurrency.rle;

import java.io.IOException;

/**
 * Thrown when a PBM file is malformed: a bad magic number, a missing or non-numeric width or height,
 * a size over the reader's {@link RleLimits}, a character other than {@code 0}/{@code 1} in a plain
 * (P1) raster, or a raster that ends too early. The message names the line and the byte offset.
 *
 * <p><b>Thread safety.</b> Immutable once thrown, like any exception with no setters of its own.
 */
public class PbmFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The 1-based line of the problem. */
    private final long line;
    /** The byte offset of the problem from the start of the file. */
    private final long offset;

    /**
     * Creates the exception for a problem found on {@code line} at {@code offset}; the message is
     * {@code problem} followed by {@code " (line L, byte offset N)"}.
     *
     * @param problem what is wrong, in a few words
     * @param line    the 1-based line of the problem, counting {@code \n} characters before it
     * @param offset  the byte offset of the problem from the start of the file
     */
    public PbmFormatException(String problem, long line, long offset) {
        super(problem + " (line " + line + ", byte offset " + offset + ")");
        this.line = line;
        this.offset = offset;
    }

    /**
     * Returns the line of the problem, to point a person at it in a text editor.
     *
     * @return the 1-based line of the problem
     */
    public long line() {
        return line;
    }

    /**
     * Returns where the problem is, to find it in a binary (P4) raster.
     *
     * @return the byte offset of the problem from the start of the file
     */
    public long offset() {
        return offset;
    }
}
