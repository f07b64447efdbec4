package edu.ute.concurrency.links.url;

import java.util.Locale;

/**
 * Which discovered URLs the crawler fetches as pages of the site, relative to the start URL. Links
 * outside the scope are still listed in their page, and checked for their status if external
 * links are checked, but never parsed for links of their own.
 *
 * <ul>
 *   <li>{@link #SAME_ORIGIN}: the start URL's origin, that is scheme, host and port together
 *       (RFC 6454 section 4). {@code https://host:8080/} is not part of {@code http://host:8080/}:
 *       it is another server (or nothing) speaking another protocol;</li>
 *   <li>{@link #SAME_HOST}: the start URL's host name with any scheme and port, for a site served
 *       over both {@code http} and {@code https};</li>
 *   <li>{@link #SAME_DOMAIN}: the start host's domain and its subdomains. Without the Public Suffix
 *       List (not in the JDK) the domain is approximated: {@code www.example.org} and
 *       {@code docs.example.org} share {@code example.org} (the start host minus its first label when
 *       it has three or more labels); an IP address is its own domain;</li>
 *   <li>{@link #ALL}: every http(s) URL (use with {@code --depth}).</li>
 * </ul>
 * Only {@code http} and {@code https} URLs are ever in scope. Enum constants are immutable and
 * thread-safe.
 */
public enum CrawlScope {
    SAME_ORIGIN("the start URL's scheme, host and port (RFC 6454 origin)"),
    SAME_HOST("the start URL's host, any scheme or port"),
    SAME_DOMAIN("the start host's domain and its subdomains"),
    ALL("every http and https URL");

    private final String meaning;

    CrawlScope(String meaning) {
        this.meaning = meaning;
    }

    /** Parses the command-line spelling ({@code same-origin}, {@code same-host}, {@code same-domain}, {@code all}). */
    public static CrawlScope fromOption(String text) {
        for (CrawlScope s : values()) {
            if (s.option().equals(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown scope \"" + text
                + "\" (expected same-origin, same-host, same-domain or all)");
    }

    /** The command-line spelling. */
    public String option() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** What the scope covers, in a few words (for {@code --help}). */
    public String meaning() {
        return meaning;
    }

    /** True when {@code candidate} (normalised) may be crawled in a crawl that started at {@code start}. */
    public boolean contains(String start, String candidate) {
        if (!UrlNormalizer.isHttp(candidate)) {
            return false;
        }
        return switch (this) {
            case ALL -> true;
            case SAME_ORIGIN -> UrlNormalizer.origin(start).equals(UrlNormalizer.origin(candidate));
            case SAME_HOST -> UrlNormalizer.host(start).equals(UrlNormalizer.host(candidate));
            case SAME_DOMAIN -> {
                String domain = domainOf(UrlNormalizer.host(start));
                String host = UrlNormalizer.host(candidate);
                yield host.equals(domain) || host.endsWith("." + domain);
            }
        };
    }

    private static String domainOf(String host) {
        if (host.startsWith("[") || isDottedNumbers(host)) {
            return host;
        }
        int dots = 0;
        for (int i = 0; i < host.length(); i++) {
            if (host.charAt(i) == '.') {
                dots++;
            }
        }
        return dots < 2 ? host : host.substring(host.indexOf('.') + 1);
    }

    private static boolean isDottedNumbers(String host) {
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c != '.' && (c < '0' || c > '9')) {
                return false;
            }
        }
        return !host.isEmpty();
    }
}
