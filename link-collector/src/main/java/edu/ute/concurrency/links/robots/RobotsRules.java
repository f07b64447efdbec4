package edu.ute.concurrency.links.robots;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules of one robots.txt file for one crawler, parsed and matched as RFC 9309 (the Robots
 * Exclusion Protocol) specifies.
 *
 * <ul>
 *   <li>Groups start with one or more {@code User-agent} lines. The crawler obeys every group whose
 *       user-agent matches its product token case-insensitively; if there is none, the groups for
 *       {@code *}; if there is none either, everything is allowed (section 2.2.1). A user-agent
 *       value is compared by its leading product token, the letters, {@code _} and {@code -} before
 *       anything else: {@code User-agent: FooBot/2.1 (beta)} is a group for {@code foobot}.</li>
 *   <li>Other records ({@code Sitemap}, unknown names, lines without a colon) neither start nor end
 *       a group: "parsing of other records MUST NOT interfere" (section 2.2.4). {@code Crawl-delay}
 *       is read as a member of its group, as the crawlers that honour it read it.</li>
 *   <li>A UTF-8 byte-order mark before the first line is skipped.</li>
 *   <li>{@code Allow} and {@code Disallow} paths match from the start of the URL's path and query;
 *       {@code *} matches any sequence and a final {@code $} anchors the end (2.2.3).</li>
 *   <li>The longest (most octets) matching rule wins; on a tie between an Allow and a Disallow,
 *       Allow wins; no matching rule means allowed (2.2.2). An empty Disallow value matches nothing.</li>
 *   <li>{@code /robots.txt} itself is always allowed.</li>
 *   <li>{@code Crawl-delay} (not in RFC 9309, but honoured by Bing, Yandex and many crawlers): the
 *       seconds to wait between two requests, from the group that applies; the first value wins.</li>
 * </ul>
 * Paths are compared after the same percent-encoding normalisation the crawler applies to URLs, so
 * {@code /%7Ejoe} and {@code /~joe} are the same path. What to assume when robots.txt cannot be
 * fetched (404: allow all; 5xx or unreachable: disallow all) is decided by the fetcher with
 * {@link #allowAll()} and {@link #disallowAll()}.
 *
 * <p>Usage:
 * <pre>{@code
 * RobotsRules rules = RobotsRules.parse(text, "ute-link-collector");
 * if (rules.allows("/private/a.html?x=1")) { ... }
 * }</pre>
 * Immutable and thread-safe.
 */
public final class RobotsRules {

    /** RFC 9309 section 2.5: crawlers must parse at least 500 kibibytes. */
    public static final int MAX_PARSED_BYTES = 500 * 1024;

    private record Rule(boolean allow, String path, Pattern pattern) {
    }

    private final List<Rule> rules;
    private final boolean disallowEverything;
    private final Duration crawlDelay;

    private RobotsRules(List<Rule> rules, boolean disallowEverything, Duration crawlDelay) {
        this.rules = List.copyOf(rules);
        this.disallowEverything = disallowEverything;
        this.crawlDelay = crawlDelay;
    }

    /** No restrictions: robots.txt absent (4xx) or empty. */
    public static RobotsRules allowAll() {
        return new RobotsRules(List.of(), false, Duration.ZERO);
    }

    /** Everything forbidden: robots.txt unreachable (5xx, network error), RFC 9309 section 2.3.1.4. */
    public static RobotsRules disallowAll() {
        return new RobotsRules(List.of(), true, Duration.ZERO);
    }

    /**
     * Parses a robots.txt body for the crawler whose product token is {@code userAgentToken}.
     */
    public static RobotsRules parse(String text, String userAgentToken) {
        List<Rule> matchingGroups = new ArrayList<>();
        List<Rule> starGroups = new ArrayList<>();
        Duration matchingDelay = null;
        Duration starDelay = null;
        boolean anyMatching = false;
        boolean anyStar = false;

        boolean groupMatches = false;
        boolean groupIsStar = false;
        boolean inUserAgentLines = false;   // consecutive user-agent lines belong to one group
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        for (String rawLine : body.split("\r\n|\r|\n")) {
            String line = rawLine;
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            switch (key) {
                case "user-agent" -> {
                    if (!inUserAgentLines) {
                        groupMatches = false;
                        groupIsStar = false;
                    }
                    inUserAgentLines = true;
                    if (value.equals("*")) {
                        groupIsStar = true;
                        anyStar = true;
                    } else if (!userAgentToken.isEmpty() && productToken(value).equalsIgnoreCase(userAgentToken)) {
                        groupMatches = true;
                        anyMatching = true;
                    }
                }
                case "allow", "disallow" -> {
                    inUserAgentLines = false;
                    if (value.isEmpty()) {
                        continue;   // "Disallow:" with no path restricts nothing
                    }
                    Rule rule = new Rule(key.equals("allow"), normalizePath(value), null);
                    rule = new Rule(rule.allow(), rule.path(), compile(rule.path()));
                    if (groupMatches) {
                        matchingGroups.add(rule);
                    }
                    if (groupIsStar) {
                        starGroups.add(rule);
                    }
                }
                case "crawl-delay" -> {
                    inUserAgentLines = false;   // a member of its group for the crawlers that honour it
                    Duration delay = seconds(value);
                    if (delay != null && groupMatches && matchingDelay == null) {
                        matchingDelay = delay;
                    }
                    if (delay != null && groupIsStar && starDelay == null) {
                        starDelay = delay;
                    }
                }
                default -> {
                    // Sitemap and unknown records are skipped without ending the user-agent lines.
                }
            }
        }
        if (anyMatching) {
            return new RobotsRules(matchingGroups, false, matchingDelay == null ? Duration.ZERO : matchingDelay);
        }
        return anyStar ? new RobotsRules(starGroups, false, starDelay == null ? Duration.ZERO : starDelay) : allowAll();
    }

    /** The product token at the start of a User-agent value: letters, '_' and '-' (RFC 9309 section 2.2.1). */
    private static String productToken(String value) {
        int end = 0;
        while (end < value.length() && isTokenChar(value.charAt(end))) {
            end++;
        }
        return value.substring(0, end);
    }

    private static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-';
    }

    /** A Crawl-delay value in seconds (a decimal number), or null if it is not one. */
    private static Duration seconds(String value) {
        try {
            double s = Double.parseDouble(value);
            return s >= 0 && s < 86_400 ? Duration.ofNanos((long) (s * 1e9)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The Crawl-delay of the group that applies, zero if it has none. */
    public Duration crawlDelay() {
        return crawlDelay;
    }

    /** True when the crawler may fetch {@code pathAndQuery} (a URL's path, plus "?query" if any). */
    public boolean allows(String pathAndQuery) {
        String path = normalizePath(pathAndQuery.isEmpty() ? "/" : pathAndQuery);
        if (path.equals("/robots.txt")) {
            return true;
        }
        if (disallowEverything) {
            return false;
        }
        Rule best = null;
        for (Rule rule : rules) {
            if (!rule.pattern().matcher(path).lookingAt()) {
                continue;
            }
            if (best == null || rule.path().length() > best.path().length()
                    || (rule.path().length() == best.path().length() && rule.allow() && !best.allow())) {
                best = rule;
            }
        }
        return best == null || best.allow();
    }

    /** True when nothing at all may be fetched. */
    public boolean disallowsEverything() {
        return disallowEverything;
    }

    private static Pattern compile(String path) {
        boolean anchored = path.endsWith("$");
        String body = anchored ? path.substring(0, path.length() - 1) : path;
        StringBuilder regex = new StringBuilder();
        int start = 0;
        int star;
        while ((star = body.indexOf('*', start)) >= 0) {
            regex.append(Pattern.quote(body.substring(start, star))).append(".*");
            start = star + 1;
        }
        regex.append(Pattern.quote(body.substring(start)));
        if (anchored) {
            regex.append('$');
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /**
     * Uppercase hex in escapes, decoded unreserved characters, non-ASCII and spaces encoded: the same
     * canonical form the crawler gives URL paths, so both sides compare octet by octet.
     */
    private static String normalizePath(String path) {
        StringBuilder sb = new StringBuilder(path.length());
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '%' && i + 2 < path.length() && Character.digit(path.charAt(i + 1), 16) >= 0
                    && Character.digit(path.charAt(i + 2), 16) >= 0) {
                int v = Integer.parseInt(path.substring(i + 1, i + 3), 16);
                if ((v >= 'a' && v <= 'z') || (v >= 'A' && v <= 'Z') || (v >= '0' && v <= '9') || "-._~".indexOf(v) >= 0) {
                    sb.append((char) v);
                } else {
                    sb.append('%').append(path.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
                }
                i += 3;
                continue;
            }
            if (c == '%') {
                sb.append("%25");   // a stray '%', encoded as the crawler encodes it in URLs
                i++;
                continue;
            }
            int cp = path.codePointAt(i);
            if (cp > ' ' && cp < 0x7F) {
                sb.append((char) cp);
            } else {
                for (byte b : new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    sb.append(String.format("%%%02X", b & 0xFF));
                }
            }
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return disallowEverything ? "RobotsRules[disallow all]" : "RobotsRules" + rules.stream()
                .map(r -> (r.allow() ? "Allow: " : "Disallow: ") + r.path()).toList();
    }
}
