package edu.ute.concurrency.rle;

import java.io.IOException;

/**
 * Thrown when a PBM file is malformed: a bad magic number, a missing or non-numeric width or height,
 * a size over the reader's {@link RleLimits}, a character other than {@code 0}/{@code 1} in a plain
 * (P1) raster, or a raster that ends too early. The message names the line and the byte offset.
 */
public class PbmFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long line;
    private final long offset;

    /** @param problem what is wrong; line (1-based) and byte offset are appended to the message */
    public PbmFormatException(String problem, long line, long offset) {
        super(problem + " (line " + line + ", byte offset " + offset + ")");
        this.line = line;
        this.offset = offset;
    }

    /** The 1-based line of the problem. */
    public long line() {
        return line;
    }

    /** The byte offset of the problem from the start of the file. */
    public long offset() {
        return offset;
    }
}
