package edu.ute.concurrency.links.url;

import java.util.Locale;

/**
 * Rewrites an {@code href} found on an http(s) page into the RFC 3986 reference that means what a
 * browser makes of it. The HTML standard parses links with the WHATWG URL Standard, which for the
 * "special" schemes {@code http} and {@code https} accepts spellings RFC 3986 calls malformed or
 * reads otherwise; a crawler that wants to follow what browsers follow has to read them the same way:
 * <ul>
 *   <li>{@code \} is a {@code /} before the query ("special" URLs, basic URL parser, path and
 *       authority states): {@code \x} is {@code /x}, {@code \\host\p} is {@code //host/p};</li>
 *   <li>any number of slashes (or backslashes) may precede the host: {@code ///host/p} is
 *       {@code //host/p} ("special authority ignore slashes state");</li>
 *   <li>{@code http:path} on an http page is relative to the page (the non-strict reading that RFC
 *       3986 section 5.2.2 itself allows "for backward compatibility"); on an https page, or with the
 *       other special scheme, it names a host: {@code https:example.com/} is
 *       {@code https://example.com/};</li>
 *   <li>text before the first {@code :} that is not a valid scheme ({@code [61:24:74]:98},
 *       {@code 1http://x}) is the start of a relative path, not a scheme.</li>
 * </ul>
 * Hosts, ports and user info are then read by {@link UrlNormalizer} with the same standard's host
 * parser (IPv4 numbers, IPv6, international names); the query and fragment are left as written.
 * Stateless and thread-safe.
 */
final class WhatwgHref {

    private WhatwgHref() {
    }

    /**
     * The RFC 3986 reference that {@code href} (tabs, line breaks and surrounding spaces already
     * removed) means on a page whose URL has the special scheme {@code baseScheme}.
     */
    static String toReference(String href, String baseScheme) {
        int schemeEnd = schemeEnd(href);
        if (schemeEnd < 0) {
            return relative(href);
        }
        String scheme = href.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        if (!isSpecial(scheme)) {
            return href;   // mailto:, ftp:, ... are not read as http
        }
        String rest = href.substring(schemeEnd + 1);
        if (scheme.equals(baseScheme) && !startsWithTwoSlashes(rest)) {
            return relative(rest);   // "http:foo" on an http page: relative to the page
        }
        return scheme + ":" + relative("//" + stripSlashes(rest));
    }

    static boolean isSpecial(String scheme) {
        return scheme.equals("http") || scheme.equals("https");
    }

    /**
     * A relative reference with the browser's reading of slashes: backslashes before the query or
     * fragment become slashes, and a reference that starts with two or more slashes names a host.
     */
    private static String relative(String ref) {
        int end = ref.length();
        for (int i = 0; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        String head = ref.substring(0, end).replace('\\', '/');
        String tail = ref.substring(end);
        if (head.startsWith("//")) {
            return "//" + stripSlashes(head) + tail;
        }
        if (schemeLike(head)) {
            return "./" + head + tail;   // "a:b" that is no scheme: a path whose first segment has a colon
        }
        return head + tail;
    }

    /** True when RFC 3986's parser would read a scheme in {@code head}, which has none for WHATWG. */
    private static boolean schemeLike(String head) {
        int colon = head.indexOf(':');
        if (colon <= 0) {
            return false;
        }
        int slash = head.indexOf('/');
        return slash < 0 || colon < slash;
    }

    private static boolean startsWithTwoSlashes(String s) {
        return s.length() >= 2 && isSlash(s.charAt(0)) && isSlash(s.charAt(1));
    }

    private static String stripSlashes(String s) {
        int i = 0;
        while (i < s.length() && isSlash(s.charAt(i))) {
            i++;
        }
        return s.substring(i);
    }

    private static boolean isSlash(char c) {
        return c == '/' || c == '\\';
    }

    /**
     * Where a valid scheme ends ({@code ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )} followed by
     * {@code :}, RFC 3986 section 3.1 and the WHATWG scheme state alike), or -1 if there is none.
     */
    static int schemeEnd(String s) {
        if (s.isEmpty() || !isAsciiLetter(s.charAt(0))) {
            return -1;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ':') {
                return i;
            }
            if (!(isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
