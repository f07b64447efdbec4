package edu.ute.concurrency.examples.rle;

/**
 * A command line that makes no sense (unknown option, missing argument): the CLI prints the message
 * and the usage, and exits with code 2.
 */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
