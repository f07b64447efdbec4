package edu.ute.concurrency.links.url;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code --include} and {@code --exclude} patterns: regular expressions searched for anywhere
 * in a normalised URL ({@link java.util.regex.Matcher#find()}, as lychee and muffet do). A URL is
 * checked when it matches at least one include pattern (if any were given) and no exclude pattern;
 * other URLs are listed with the status {@code not checked (excluded)}.
 *
 * <pre>{@code
 * UrlFilter f = UrlFilter.of(List.of(), List.of("/private/", "\\.pdf$"));
 * f.admits("http://example.org/a.pdf");   // false
 * }</pre>
 * Immutable and thread-safe.
 *
 * @param include patterns of which one must match (none: every URL is included)
 * @param exclude patterns of which none may match
 */
public record UrlFilter(List<Pattern> include, List<Pattern> exclude) {

    /** Admits every URL. */
    public static final UrlFilter NONE = new UrlFilter(List.of(), List.of());

    public UrlFilter {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    /**
     * Compiles the patterns.
     *
     * @throws IllegalArgumentException naming the pattern that is not a valid regular expression
     */
    public static UrlFilter of(List<String> include, List<String> exclude) {
        return new UrlFilter(compile(include), compile(exclude));
    }

    private static List<Pattern> compile(List<String> regexes) {
        return regexes.stream().map(r -> {
            try {
                return Pattern.compile(r);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("\"" + r + "\" is not a regular expression: " + e.getDescription());
            }
        }).toList();
    }

    /** True when {@code url} is to be checked. */
    public boolean admits(String url) {
        if (!include.isEmpty() && !anyFound(include, url)) {
            return false;
        }
        return exclude.isEmpty() || !anyFound(exclude, url);
    }

    private static boolean anyFound(List<Pattern> patterns, String url) {
        for (Pattern p : patterns) {
            if (p.matcher(url).find()) {
                return true;
            }
        }
        return false;
    }

    /** True when no pattern was given. */
    public boolean isEmpty() {
        return include.isEmpty() && exclude.isEmpty();
    }
}
