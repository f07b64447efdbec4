package edu.ute.concurrency.examples.support;

/**
 * A command line that makes no sense: an unknown option, a missing or malformed value. The message
 * names the argument in a few words ({@code --threads needs a positive whole number, not '0'});
 * {@link CommandLine#run} prints it with the usage and exits with code 2.
 */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
