package edu.ute.concurrency.examples.support;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The arguments of an example program, read one at a time: options as {@code --name value} or
 * {@code --name=value}, flags, and plain arguments, with typed values whose errors name the option
 * ({@code --threads needs a positive whole number, not '0'}). A program runs through {@link #run}, so
 * every program answers {@code --help}, reports a mistake in one line followed by its usage, and
 * exits with the same codes: 0 done, 1 failed, 2 usage error.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     CommandLine.run("Tour02_JitVersusPerBitLoop", USAGE, args, Tour02_JitVersusPerBitLoop::run);
 * }
 *
 * static int run(CommandLine args) throws Exception {
 *     int pages = 20;
 *     while (args.hasNext()) {
 *         switch (args.next()) {
 *             case "--pages" -> pages = args.positiveInt();
 *             default -> throw args.unknown();
 *         }
 *     }
 *     ...
 *     return 0;
 * }
 * }</pre>
 *
 * <p>The value methods ({@link #value()}, {@link #positiveInt()}, ...) read the value of the option
 * that {@link #next()} returned last. The exercise programs of the course keep their own few lines of
 * argument handling; this class is for the programs with options.
 *
 * <p><b>Thread safety.</b> Not thread-safe: one thread reads a command line.
 */
public final class CommandLine {
    private final List<String> args;
    private int next;
    private String current;
    private String pendingValue;

    public CommandLine(List<String> args) {
        this.args = List.copyOf(args);
    }

    public static CommandLine of(String... args) {
        return new CommandLine(Arrays.asList(args));
    }

    /** The body of a program: reads its arguments, does its work, returns its exit code. */
    @FunctionalInterface
    public interface Program {
        int run(CommandLine args) throws Exception;
    }

    /**
     * Runs {@code program} on {@code args} as a {@code main} should, and exits the JVM with the code if
     * it is not 0. On 0 it returns, so that threads the program started (a server's) keep running.
     */
    public static void run(String name, String usage, String[] args, Program program) {
        int exit = execute(name, usage, args, System.out, System.err, program);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /**
     * Runs {@code program} on {@code args} and returns its exit code: {@code --help} anywhere prints
     * {@code usage} on {@code out} (0); a {@link UsageException} prints "NAME: message" and the usage
     * on {@code err} (2); an I/O error prints "NAME: PATH: reason" ({@link ErrorText}) and an interrupt
     * "NAME: interrupted" (1). Other exceptions are
     * programming errors and pass through with their stack trace.
     */
    public static int execute(String name, String usage, String[] args, PrintStream out, PrintStream err, Program program) {
        try {
            if (Arrays.stream(args).anyMatch(CommandLine::isHelp)) {
                out.print(usage);
                return 0;
            }
            return program.run(new CommandLine(Arrays.asList(args)));
        } catch (UsageException e) {
            err.println(name + ": " + e.getMessage());
            err.print(usage);
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println(name + ": interrupted");
            return 1;
        } catch (IOException | UncheckedIOException e) {
            err.println(name + ": " + ErrorText.of(e));
            return 1;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code -h} or {@code --help}. */
    public static boolean isHelp(String arg) {
        return arg.equals("-h") || arg.equals("--help");
    }

    /** Whether {@code arg} is written as an option ({@code -x}, {@code --name}) rather than a plain argument. */
    public static boolean looksLikeOption(String arg) {
        return arg.startsWith("-") && arg.length() > 1;
    }

    public boolean hasNext() {
        return next < args.size();
    }

    /** The next argument; of {@code --name=value} the name, keeping the value for the value methods. */
    public String next() {
        current = args.get(next++);
        pendingValue = null;
        int eq = current.indexOf('=');
        if (current.startsWith("--") && eq > 2) {
            pendingValue = current.substring(eq + 1);
            current = current.substring(0, eq);
        }
        return current;
    }

    /** The arguments not read yet, for a program that hands them on (a subcommand). */
    public List<String> rest() {
        List<String> rest = args.subList(next, args.size());
        next = args.size();
        return rest;
    }

    /** The value of the current option. */
    public String value() throws UsageException {
        if (pendingValue != null) {
            String v = pendingValue;
            pendingValue = null;
            return v;
        }
        if (next >= args.size()) {
            throw new UsageException(current + " needs a value");
        }
        return args.get(next++);
    }

    public Path path() throws UsageException {
        return Path.of(value());
    }

    /** A whole number, any sign (a range check is the caller's, with its own words). */
    public int wholeNumber() throws UsageException {
        String v = value();
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new UsageException(current + " needs a whole number, not '" + v + "'");
        }
    }

    public int positiveInt() throws UsageException {
        return Math.toIntExact(positive(value(), Integer.MAX_VALUE));
    }

    /** A whole number from {@code min} to {@code max}: {@code --dpi needs a whole number from 20 to 2400, not '1'}. */
    public int intBetween(int min, int max) throws UsageException {
        String v = value();
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, with the option's name and the range
        }
        throw new UsageException(current + " needs a whole number from " + min + " to " + max + ", not '" + v + "'");
    }

    public long positiveLong() throws UsageException {
        return positive(value(), Long.MAX_VALUE);
    }

    /** A comma-separated list of positive whole numbers: {@code 100,1000}. */
    public List<Integer> positiveInts() throws UsageException {
        List<Integer> numbers = new ArrayList<>();
        for (String item : value().split(",")) {
            numbers.add(Math.toIntExact(positive(item, Integer.MAX_VALUE)));
        }
        return numbers;
    }

    /** One of {@code allowed}, exactly as written there. */
    public String oneOf(Collection<String> allowed) throws UsageException {
        String v = value();
        if (!allowed.contains(v)) {
            throw new UsageException(current + " must be one of " + String.join(", ", allowed) + ", not '" + v + "'");
        }
        return v;
    }

    public String oneOf(String... allowed) throws UsageException {
        return oneOf(List.of(allowed));
    }

    /** A comma-separated list whose every item is one of {@code allowed}: {@code nio,virtual}. */
    public List<String> listOf(Collection<String> allowed) throws UsageException {
        List<String> items = List.of(value().split(","));
        for (String item : items) {
            if (!allowed.contains(item)) {
                throw new UsageException(current + ": unknown '" + item + "' (one of " + String.join(", ", allowed) + ")");
            }
        }
        return items;
    }

    /** A time: {@code 500ms}, {@code 10s}, {@code 2m}, or a plain number of seconds; positive. */
    public Duration duration() throws UsageException {
        String v = value();
        Duration d;
        try {
            if (v.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            } else if (v.endsWith("s")) {
                d = Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
            } else if (v.endsWith("m")) {
                d = Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
            } else {
                d = Duration.ofSeconds(Long.parseLong(v));
            }
        } catch (NumberFormatException e) {
            d = Duration.ZERO;
        }
        if (d.isZero() || d.isNegative()) {
            throw new UsageException(current + " needs a time like 500ms, 10s or 2m, not '" + v + "'");
        }
        return d;
    }

    /** The error for the current argument: an option nobody asked for, or a plain argument where none belongs. */
    public UsageException unknown() {
        return new UsageException(looksLikeOption(current) ? "unknown option '" + current + "'"
                : "unexpected argument '" + current + "'");
    }

    private long positive(String v, long max) throws UsageException {
        try {
            long n = Long.parseLong(v.strip());
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, with the option's name
        }
        throw new UsageException(current + " needs a positive whole number, not '" + v + "'");
    }
}
