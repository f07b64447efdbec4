package edu.ute.concurrency.links;

/** A command line that cannot be run: the message says which option and why (exit code 2). */
public final class UsageException extends Exception {

    public UsageException(String message) {
        super(message);
    }
}
