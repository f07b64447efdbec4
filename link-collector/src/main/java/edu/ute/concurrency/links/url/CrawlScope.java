package edu.ute.concurrency.links.url;

import java.util.Locale;

/**
 * Which discovered URLs the crawler fetches, relative to the start URL. Links outside the scope are
 * still listed in their page, but never requested.
 *
 * <ul>
 *   <li>{@link #SAME_HOST}: the same host and port as the start URL (either scheme);</li>
 *   <li>{@link #SAME_DOMAIN}: the start host's domain and its subdomains. Without the Public Suffix
 *       List (not in the JDK) the domain is approximated: {@code www.example.org} and
 *       {@code docs.example.org} share {@code example.org} (the start host minus its first label when it
 *       has three or more labels); an IP address is its own domain;</li>
 *   <li>{@link #ALL}: every http(s) URL (use with {@code --depth}).</li>
 * </ul>
 * Only {@code http} and {@code https} URLs are ever in scope. Enum constants are immutable and
 * thread-safe.
 */
public enum CrawlScope {
    SAME_HOST,
    SAME_DOMAIN,
    ALL;

    /** Parses the command-line spelling ({@code same-host}, {@code same-domain}, {@code all}). */
    public static CrawlScope fromOption(String text) {
        for (CrawlScope s : values()) {
            if (s.option().equals(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown scope \"" + text + "\" (expected same-host, same-domain or all)");
    }

    /** The command-line spelling. */
    public String option() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** True when {@code candidate} (normalised) may be fetched in a crawl that started at {@code start}. */
    public boolean contains(String start, String candidate) {
        if (!UrlNormalizer.isHttp(candidate)) {
            return false;
        }
        return switch (this) {
            case ALL -> true;
            case SAME_HOST -> UrlNormalizer.hostAndPort(start).equals(UrlNormalizer.hostAndPort(candidate));
            case SAME_DOMAIN -> {
                String domain = domainOf(UrlNormalizer.host(start));
                String host = UrlNormalizer.host(candidate);
                yield host.equals(domain) || host.endsWith("." + domain);
            }
        };
    }

    private static String domainOf(String host) {
        boolean ipAddress = host.startsWith("[") || host.matches("[0-9.]+");
        String[] labels = host.split("\\.");
        if (ipAddress || labels.length < 3) {
            return host;
        }
        return host.substring(host.indexOf('.') + 1);
    }
}
