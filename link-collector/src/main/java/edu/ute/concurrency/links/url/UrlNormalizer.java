package edu.ute.concurrency.links.url;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Turns the links found in a page into the one canonical string per resource that the crawler
 * de-duplicates on: RFC 3986 resolution (section 5.2) followed by the syntax-based and scheme-based
 * normalisations of sections 6.2.2 and 6.2.3.
 *
 * <p>What {@link #normalize} does, in order:
 * <ul>
 *   <li>strips the spaces around the link and removes tabs and line breaks inside it (HTML authors
 *       wrap long {@code href}s; RFC 3986 appendix C says to remove such whitespace);</li>
 *   <li>lowercases scheme and host (6.2.2.1), converts an internationalised host name to its ASCII
 *       form ({@link IDN#toASCII});</li>
 *   <li>percent-encoding (6.2.2.1/6.2.2.2): hex digits uppercased, encoded unreserved characters
 *       ({@code %7E} to {@code ~}) decoded, characters not allowed in the component (space,
 *       non-ASCII, {@code "<>\^`{|}}) encoded as UTF-8, a stray {@code %} encoded as {@code %25};</li>
 *   <li>removes dot segments (6.2.2.3);</li>
 *   <li>for {@code http}/{@code https}: drops an empty or default port and turns an empty path into
 *       {@code /} (6.2.3);</li>
 *   <li>drops the fragment: it names a place inside the page, not another resource.</li>
 * </ul>
 * An empty query is kept ({@code /p?} and {@code /p} may differ, section 6.2.3), and the query is not
 * reordered. Links to {@code mailto:}, {@code javascript:}, {@code tel:} and {@code data:} are not
 * resources to fetch: {@link #resolveLink} reports them as skipped.
 *
 * <p>Usage:
 * <pre>{@code
 * UriReference page = UriReference.parse("http://example.org/docs/index.html");
 * LinkTarget t = UrlNormalizer.resolveLink(page, "../A%7eb/./c.html#top");
 * // t.url() == "http://example.org/A~b/c.html"
 * }</pre>
 * Stateless and thread-safe.
 */
public final class UrlNormalizer {

    private static final Set<String> SKIPPED_SCHEMES = Set.of("mailto", "javascript", "tel", "data");

    private static final String UNRESERVED_PUNCT = "-._~";
    private static final String SUB_DELIMS = "!$&'()*+,;=";

    private UrlNormalizer() {
    }

    /** What a link in a page turned out to be. */
    public enum LinkKind { RESOLVED, SKIPPED, MALFORMED }

    /**
     * The outcome of resolving one link.
     *
     * @param kind   resolved to a URL, skipped (mailto: and friends), or malformed
     * @param url    the normalised absolute URL ({@code RESOLVED}), else the link as written
     * @param detail why it is skipped or malformed, empty when resolved
     */
    public record LinkTarget(LinkKind kind, String url, String detail) {
    }

    /**
     * Resolves the link {@code href} found in a page whose base URI is {@code base} and normalises it.
     * Never throws: malformed links are reported as such, so a link checker can list them.
     */
    public static LinkTarget resolveLink(UriReference base, String href) {
        String cleaned = stripWhitespace(href);
        UriReference ref = UriReference.parse(asBrowserReads(base, cleaned));
        if (ref.scheme() != null && SKIPPED_SCHEMES.contains(ref.scheme().toLowerCase(Locale.ROOT))) {
            return new LinkTarget(LinkKind.SKIPPED, cleaned, ref.scheme().toLowerCase(Locale.ROOT) + ": link");
        }
        if (ref.scheme() != null && !validScheme(ref.scheme())) {
            return new LinkTarget(LinkKind.MALFORMED, cleaned, "invalid scheme");
        }
        try {
            return new LinkTarget(LinkKind.RESOLVED, normalize(base.resolve(ref)), "");
        } catch (MalformedLinkException e) {
            return new LinkTarget(LinkKind.MALFORMED, cleaned, e.getMessage());
        }
    }

    /** Resolves {@code reference} against the absolute {@code base} and normalises the result. */
    public static String resolve(String base, String reference) {
        UriReference b = UriReference.parse(stripWhitespace(base));
        if (!b.isAbsolute()) {
            throw new MalformedLinkException("base URL has no scheme: " + base);
        }
        return normalize(b.resolve(UriReference.parse(asBrowserReads(b, stripWhitespace(reference)))));
    }

    /**
     * On an http(s) page, a reference means what a browser makes of it (the WHATWG URL Standard,
     * which the HTML standard uses for links): see {@link WhatwgHref}. Elsewhere it is read as
     * RFC 3986 writes it.
     */
    private static String asBrowserReads(UriReference base, String reference) {
        String scheme = base.scheme() == null ? "" : base.scheme().toLowerCase(Locale.ROOT);
        return WhatwgHref.isSpecial(scheme) ? WhatwgHref.toReference(reference, scheme) : reference;
    }

    /**
     * Normalises an absolute URL given as text.
     *
     * @throws MalformedLinkException if it has no scheme or, for http(s), no valid host or port
     */
    public static String normalize(String absoluteUrl) {
        UriReference ref = UriReference.parse(stripWhitespace(absoluteUrl));
        if (!ref.isAbsolute() || !validScheme(ref.scheme())) {
            throw new MalformedLinkException("not an absolute URL (no scheme): " + absoluteUrl);
        }
        // Resolving against itself applies remove_dot_segments exactly as section 5.2.2 does for
        // a reference with a scheme.
        return normalize(ref.resolve(ref));
    }

    /** True for {@code http} and {@code https} URLs in normalised form. */
    public static boolean isHttp(String normalizedUrl) {
        return normalizedUrl.startsWith("http://") || normalizedUrl.startsWith("https://");
    }

    /** The host (and port, if not the default) of a normalised http(s) URL. */
    public static String hostAndPort(String normalizedUrl) {
        int start = authorityStart(normalizedUrl);
        if (start < 0) {
            return "";
        }
        int end = authorityEnd(normalizedUrl, start);
        int at = normalizedUrl.lastIndexOf('@', end - 1);
        return normalizedUrl.substring(at >= start ? at + 1 : start, end);
    }

    /** Where the authority of {@code scheme://authority...} starts, or -1 if there is none. */
    private static int authorityStart(String url) {
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == ':') {
                return url.startsWith("//", i + 1) ? i + 3 : -1;
            }
            if (c == '/' || c == '?' || c == '#') {
                return -1;
            }
        }
        return -1;
    }

    private static int authorityEnd(String url, int start) {
        int end = start;
        while (end < url.length() && url.charAt(end) != '/' && url.charAt(end) != '?' && url.charAt(end) != '#') {
            end++;
        }
        return end;
    }

    /** The host alone (no port, no user info, IPv6 literals keep their brackets). */
    public static String host(String normalizedUrl) {
        return hostOf(hostAndPort(normalizedUrl));
    }

    private static String hostOf(String authority) {
        String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = hostPort.lastIndexOf(':');
        int bracket = hostPort.lastIndexOf(']');
        return colon > bracket ? hostPort.substring(0, colon) : hostPort;
    }

    /** {@code scheme://host[:port]} of a normalised http(s) URL: where its robots.txt lives. */
    public static String origin(String normalizedUrl) {
        int start = authorityStart(normalizedUrl);
        if (start < 0) {
            UriReference r = UriReference.parse(normalizedUrl);
            return r.scheme() + "://";
        }
        return normalizedUrl.substring(0, start) + hostAndPort(normalizedUrl);
    }

    /** The path and query of a normalised URL, as sent in the request line and matched by robots.txt. */
    public static String pathAndQuery(String normalizedUrl) {
        int start = authorityStart(normalizedUrl);
        int pathStart = start < 0 ? normalizedUrl.indexOf(':') + 1 : authorityEnd(normalizedUrl, start);
        int fragment = normalizedUrl.indexOf('#', pathStart);
        return normalizedUrl.substring(pathStart, fragment < 0 ? normalizedUrl.length() : fragment);
    }

    private static String normalize(UriReference r) {
        String scheme = r.scheme().toLowerCase(Locale.ROOT);
        boolean http = scheme.equals("http") || scheme.equals("https");
        String authority = r.authority() == null ? null : normalizeAuthority(r.authority(), scheme);
        if (http && (authority == null || hostOf(authority).isEmpty())) {
            throw new MalformedLinkException("missing host");
        }
        String path = UriReference.removeDotSegments(normalizePercentEncoding(r.path(), ":@/"));
        if (http && path.isEmpty()) {
            path = "/";
        }
        String query = r.query() == null ? null : normalizePercentEncoding(r.query(), ":@/?");
        return new UriReference(scheme, authority, path, query, null).toString();
    }

    /**
     * The authority of an http(s) URL as the WHATWG URL Standard reads it: user name and password
     * split at the first colon and percent-encoded with its userinfo set, the host by
     * {@link HttpHost}, and a port of any number of digits (leading zeros included, RFC 3986
     * section 3.2.3: {@code port = *DIGIT}) up to 65535.
     */
    private static String normalizeHttpAuthority(String authority, String scheme) {
        StringBuilder sb = new StringBuilder();
        String hostPort = authority;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            int colon = userInfo.indexOf(':');
            String user = httpUserInfoPart(colon < 0 ? userInfo : userInfo.substring(0, colon));
            String password = colon < 0 ? "" : httpUserInfoPart(userInfo.substring(colon + 1));
            if (!user.isEmpty() || !password.isEmpty()) {
                sb.append(user).append(password.isEmpty() ? "" : ":" + password).append('@');
            }
            hostPort = authority.substring(at + 1);
        }
        String host;
        String port = null;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw new MalformedLinkException("unterminated IPv6 literal in host");
            }
            host = hostPort.substring(0, close + 1);
            String rest = hostPort.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new MalformedLinkException("unexpected text after IPv6 literal: " + rest);
                }
                port = rest.substring(1);
            }
        } else {
            int colon = hostPort.indexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            port = colon < 0 ? null : hostPort.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw new MalformedLinkException("missing host");
        }
        sb.append(HttpHost.parse(host));
        if (port != null && !port.isEmpty()) {
            if (!isDigits(port)) {
                throw new MalformedLinkException("invalid port \"" + port + "\"");
            }
            int first = 0;
            while (first < port.length() - 1 && port.charAt(first) == '0') {
                first++;   // leading zeros: http://f:00000000000000/c is port 0
            }
            String digits = port.substring(first);
            if (digits.length() > 5 || Integer.parseInt(digits) > 65535) {
                throw new MalformedLinkException("port out of range: " + port);
            }
            int number = Integer.parseInt(digits);
            boolean defaultPort = (scheme.equals("http") && number == 80) || (scheme.equals("https") && number == 443);
            if (!defaultPort) {
                sb.append(':').append(number);
            }
        }
        return sb.toString();
    }

    /** A user name or password: RFC 3986 normal form, and {@code ;=} encoded as the WHATWG userinfo set asks. */
    private static String httpUserInfoPart(String part) {
        String normal = normalizePercentEncoding(part, "");
        return normal.indexOf(';') < 0 && normal.indexOf('=') < 0 ? normal : normal.replace(";", "%3B").replace("=", "%3D");
    }

    private static String normalizeAuthority(String authority, String scheme) {
        if (scheme.equals("http") || scheme.equals("https")) {
            return normalizeHttpAuthority(authority, scheme);
        }
        String userInfo = null;
        String hostPort = authority;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            userInfo = normalizePercentEncoding(authority.substring(0, at), ":");
            hostPort = authority.substring(at + 1);
        }
        String host;
        String port = null;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw new MalformedLinkException("unterminated IPv6 literal in host");
            }
            host = hostPort.substring(0, close + 1).toLowerCase(Locale.ROOT);
            String rest = hostPort.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new MalformedLinkException("unexpected text after IPv6 literal: " + rest);
                }
                port = rest.substring(1);
            }
            if (!host.matches("\\[[0-9a-f:.]+\\]|\\[v[0-9a-f]+\\.[-a-z0-9._~!$&'()*+,;=:]+\\]")) {
                throw new MalformedLinkException("invalid IP literal " + host);
            }
        } else {
            int colon = hostPort.lastIndexOf(':');
            if (colon >= 0) {
                port = hostPort.substring(colon + 1);
                hostPort = hostPort.substring(0, colon);
            }
            host = normalizeHost(hostPort);
        }
        StringBuilder sb = new StringBuilder();
        if (userInfo != null) {
            sb.append(userInfo).append('@');
        }
        sb.append(host);
        if (port != null && !port.isEmpty()) {
            if (!isDigits(port) || port.length() > 5) {
                throw new MalformedLinkException("invalid port \"" + port + "\"");
            }
            int number = Integer.parseInt(port);
            if (number > 65535) {
                throw new MalformedLinkException("port out of range: " + port);
            }
            boolean defaultPort = (scheme.equals("http") && number == 80) || (scheme.equals("https") && number == 443);
            if (!defaultPort) {
                sb.append(':').append(number);
            }
        }
        return sb.toString();
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String normalizeHost(String host) {
        if (HttpHost.isPlainLowercase(host)) {
            return host;   // the usual case: nothing to lowercase, decode or convert
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c < 0x80 && !(isUnreserved(c) || SUB_DELIMS.indexOf(c) >= 0 || c == '%')) {
                throw new MalformedLinkException("invalid character '" + c + "' in host");
            }
        }
        String h = host;
        boolean ascii = h.chars().allMatch(c -> c < 0x80);
        if (!ascii) {
            try {
                h = IDN.toASCII(h, IDN.ALLOW_UNASSIGNED);
            } catch (IllegalArgumentException e) {
                throw new MalformedLinkException("invalid international host name " + host);
            }
        }
        h = lowercaseOutsideEscapes(normalizePercentEncoding(h, ""));
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            if (!(isUnreserved(c) || SUB_DELIMS.indexOf(c) >= 0 || c == '%')) {
                throw new MalformedLinkException("invalid character '" + c + "' in host");
            }
        }
        return h;
    }

    /** Lowercases a host, but not the hex digits of its escapes (they stay uppercase, 6.2.2.1). */
    private static String lowercaseOutsideEscapes(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                sb.append(s, i, i + 3);
                i += 2;
            } else {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    /**
     * Sections 6.2.2.1 and 6.2.2.2 on one component: uppercase hex in escapes, decode escaped
     * unreserved characters, escape everything that may not appear literally. {@code extraAllowed}
     * lists the characters the component allows besides unreserved and sub-delims.
     */
    static String normalizePercentEncoding(String component, String extraAllowed) {
        if (isAlreadyNormal(component, extraAllowed)) {
            return component;   // the usual case: no escape, nothing to encode
        }
        StringBuilder sb = new StringBuilder(component.length() + 8);
        int i = 0;
        while (i < component.length()) {
            char c = component.charAt(i);
            if (c == '%') {
                if (i + 2 < component.length() && isHex(component.charAt(i + 1)) && isHex(component.charAt(i + 2))) {
                    int value = Integer.parseInt(component.substring(i + 1, i + 3), 16);
                    if (value < 0x80 && isUnreserved((char) value)) {
                        sb.append((char) value);
                    } else {
                        sb.append('%').append(Character.toUpperCase(component.charAt(i + 1)))
                                .append(Character.toUpperCase(component.charAt(i + 2)));
                    }
                    i += 3;
                } else {
                    sb.append("%25");
                    i++;
                }
                continue;
            }
            int cp = component.codePointAt(i);
            if (cp < 0x80 && (isUnreserved((char) cp) || SUB_DELIMS.indexOf(cp) >= 0 || extraAllowed.indexOf(cp) >= 0)) {
                sb.append((char) cp);
            } else {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
                }
            }
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    private static boolean isAlreadyNormal(String component, String extraAllowed) {
        for (int i = 0; i < component.length(); i++) {
            char c = component.charAt(i);
            if (c >= 0x80 || c == '%' || !(isUnreserved(c) || SUB_DELIMS.indexOf(c) >= 0 || extraAllowed.indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || UNRESERVED_PUNCT.indexOf(c) >= 0;
    }

    /** Section 3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ). */
    private static boolean validScheme(String scheme) {
        if (scheme.isEmpty() || !isAsciiLetter(scheme.charAt(0))) {
            return false;
        }
        for (int i = 1; i < scheme.length(); i++) {
            char c = scheme.charAt(i);
            if (!(isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '.' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /**
     * Leading and trailing ASCII whitespace (and control characters) removed, tabs and line breaks
     * inside removed; spaces inside are kept and later percent-encoded.
     */
    static String stripWhitespace(String s) {
        boolean clean = !s.isEmpty() && s.charAt(0) > ' ' && s.charAt(s.length() - 1) > ' ';
        for (int i = 0; i < s.length() && clean; i++) {
            char c = s.charAt(i);
            clean = c != '\t' && c != '\n' && c != '\r';
        }
        if (clean || s.isEmpty()) {
            return s;
        }
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && s.charAt(end - 1) <= ' ') {
            end--;
        }
        StringBuilder sb = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c != '\t' && c != '\n' && c != '\r') {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
