package edu.ute.concurrency.rle;

import java.io.IOException;

/**
 * Thrown when RLE data or an {@code .rle} file is corrupt: a zero-length run, a run crossing a group
 * or row boundary, a truncated payload, trailing bytes, a bad magic number, an unknown version, a
 * checksum mismatch, or dimensions over the decoder's {@link RleLimits}.
 *
 * <p>The message names the problem and where it is; {@link #offset()} gives the byte offset in the
 * data being decoded (the payload, or the file when reading a file).
 *
 * <p><b>Thread safety.</b> Immutable once thrown, like any exception with no setters of its own.
 */
public class RleFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Byte offset of the problem, or -1 when it concerns the whole input. */
    private final long offset;

    /**
     * Creates the exception for a problem found at {@code offset}; the message is {@code problem}
     * followed by {@code " (at byte offset N)"}.
     *
     * @param problem what is wrong, in a few words
     * @param offset  byte offset of the problem in the data being decoded, or -1 when it concerns the
     *                whole input (a size given beside a payload, for instance)
     */
    public RleFormatException(String problem, long offset) {
        super(problem + " (at byte offset " + offset + ")");
        this.offset = offset;
    }

    /**
     * Returns where the problem is.
     *
     * @return the byte offset of the problem in the data being decoded, or -1 when it concerns the
     *         whole input
     */
    public long offset() {
        return offset;
    }
}
