package edu.ute.concurrency.examples.tour;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The command-line options of a tour example: {@code --name value} pairs with defaults, and
 * {@code --help}. Deliberately tiny: each example has two or three numeric options.
 *
 * <pre>{@code
 * ExampleOptions options = ExampleOptions.parse(args, "Tour02_JitVersusPerBitLoop [--pages N]",
 *         ExampleOptions.defaults("pages", "20"));
 * if (options == null) { System.exit(2); }                // usage error, already reported
 * int pages = options.positiveInt("pages");
 * }</pre>
 *
 * <p>{@link #parse} prints the usage and exits 0 on {@code --help}; on a bad option it prints a message
 * naming the option to {@code stderr} and returns {@code null}, and the caller exits with 2.
 *
 * <p><b>Thread safety.</b> Immutable after parsing.
 */
public final class ExampleOptions {
    /** Exit status for a usage error, as for every CLI of the project. */
    public static final int EXIT_USAGE = 2;

    private final Map<String, String> values;

    private ExampleOptions(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Parses {@code args} against the known options and their defaults (in the order they should be
     * listed in the usage). Returns {@code null} after reporting a usage error on {@code stderr}.
     */
    public static ExampleOptions parse(String[] args, String usage, Map<String, String> defaults) {
        return parse(args, usage, defaults, System.out, System.err);
    }

    static ExampleOptions parse(String[] args, String usage, Map<String, String> defaults, PrintStream out, PrintStream err) {
        Map<String, String> values = new LinkedHashMap<>(defaults);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                out.println("usage: " + usage);
                out.println("defaults: " + defaults);
                System.exit(0);
            }
            String name = arg.startsWith("--") ? arg.substring(2) : null;
            if (name == null || !defaults.containsKey(name)) {
                err.println("unknown option '" + arg + "'\nusage: " + usage);
                return null;
            }
            if (i + 1 >= args.length) {
                err.println("option --" + name + " needs a value\nusage: " + usage);
                return null;
            }
            values.put(name, args[++i]);
        }
        ExampleOptions options = new ExampleOptions(values);
        for (String name : values.keySet()) {
            if (defaults.get(name).matches("\\d+") && options.tryPositiveInt(name) < 0) {
                err.println("option --" + name + " must be a positive whole number, not '" + values.get(name) + "'\nusage: " + usage);
                return null;
            }
        }
        return options;
    }

    /** Option names and their defaults, in the order given: {@code defaults("pages", "20", "dpi", "150")}. */
    public static Map<String, String> defaults(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    /** The value of a numeric option (already checked to be a positive {@code int}). */
    public int positiveInt(String name) {
        return tryPositiveInt(name);
    }

    /** The value of an option as text. */
    public String text(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no option --" + name);
        }
        return v;
    }

    private int tryPositiveInt(String name) {
        try {
            int v = Integer.parseInt(text(name));
            return v > 0 ? v : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
