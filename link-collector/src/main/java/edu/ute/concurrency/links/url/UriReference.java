package edu.ute.concurrency.links.url;

/**
 * A URI reference split into its five RFC 3986 components, with reference resolution (section 5.2)
 * and dot-segment removal (section 5.2.4) implemented exactly as the RFC writes them.
 *
 * <p>Why not {@link java.net.URI#resolve}: it implements the older RFC 2396, which resolves
 * {@code "?q"} against {@code /p/x} to {@code /p/?q} (RFC 3986: {@code /p/x?q}), resolves the empty
 * reference to the directory instead of the document, and keeps {@code ..} segments that climb above
 * the root ({@code ../../../g} stays {@code /../g}; RFC 3986 gives {@code /g}). Browsers and every
 * other current client follow RFC 3986, so a link checker built on {@code URI.resolve} would report
 * links that work as broken.
 *
 * <p>Usage:
 * <pre>{@code
 * UriReference base = UriReference.parse("http://a/b/c/d;p?q");
 * String target = base.resolve(UriReference.parse("../g")).toString();   // "http://a/b/g"
 * }</pre>
 *
 * <p>A component that is absent is {@code null}; a component that is present but empty is
 * {@code ""} (RFC 3986 distinguishes {@code http://a/p} from {@code http://a/p?}). Parsing never
 * fails: the RFC's own regular expression (appendix B) splits every string. Checking that the parts
 * are valid is {@link UrlNormalizer}'s job. Instances are immutable and thread-safe.
 *
 * @param scheme    the scheme without the colon, or {@code null}
 * @param authority the authority without the leading {@code //}, or {@code null}
 * @param path      the path, never {@code null} (possibly empty)
 * @param query     the query without the {@code ?}, or {@code null}
 * @param fragment  the fragment without the {@code #}, or {@code null}
 */
public record UriReference(String scheme, String authority, String path, String query, String fragment) {

    public UriReference {
        if (path == null) {
            throw new IllegalArgumentException("path must not be null (use \"\" for an empty path)");
        }
    }

    /**
     * Splits {@code text} into its components; never fails. The steps are those of the regular
     * expression of RFC 3986 appendix B, {@code ^(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))?},
     * written out as a scan: every link of every page goes through here.
     */
    public static UriReference parse(String text) {
        int n = text.length();
        int i = 0;
        String scheme = null;
        for (int j = 0; j < n; j++) {
            char c = text.charAt(j);
            if (c == ':') {
                if (j > 0) {
                    scheme = text.substring(0, j);
                    i = j + 1;
                }
                break;
            }
            if (c == '/' || c == '?' || c == '#') {
                break;
            }
        }
        String authority = null;
        if (text.startsWith("//", i)) {
            int end = i + 2;
            while (end < n && text.charAt(end) != '/' && text.charAt(end) != '?' && text.charAt(end) != '#') {
                end++;
            }
            authority = text.substring(i + 2, end);
            i = end;
        }
        int pathEnd = i;
        while (pathEnd < n && text.charAt(pathEnd) != '?' && text.charAt(pathEnd) != '#') {
            pathEnd++;
        }
        String path = text.substring(i, pathEnd);
        i = pathEnd;
        String query = null;
        if (i < n && text.charAt(i) == '?') {
            int end = text.indexOf('#', i + 1);
            end = end < 0 ? n : end;
            query = text.substring(i + 1, end);
            i = end;
        }
        String fragment = i < n ? text.substring(i + 1) : null;
        return new UriReference(scheme, authority, path, query, fragment);
    }

    /** True when this reference has a scheme, i.e. is an absolute URI (section 4.3, fragment allowed). */
    public boolean isAbsolute() {
        return scheme != null;
    }

    /**
     * Resolves {@code reference} against this base URI: the strict algorithm of RFC 3986 section
     * 5.2.2. This base must be absolute (have a scheme).
     */
    public UriReference resolve(UriReference reference) {
        if (scheme == null) {
            throw new IllegalArgumentException("base URI must be absolute: " + this);
        }
        UriReference r = reference;
        String tScheme;
        String tAuthority;
        String tPath;
        String tQuery;
        if (r.scheme != null) {
            tScheme = r.scheme;
            tAuthority = r.authority;
            tPath = removeDotSegments(r.path);
            tQuery = r.query;
        } else {
            if (r.authority != null) {
                tAuthority = r.authority;
                tPath = removeDotSegments(r.path);
                tQuery = r.query;
            } else {
                if (r.path.isEmpty()) {
                    tPath = path;
                    tQuery = r.query != null ? r.query : query;
                } else {
                    if (r.path.startsWith("/")) {
                        tPath = removeDotSegments(r.path);
                    } else {
                        tPath = removeDotSegments(merge(r.path));
                    }
                    tQuery = r.query;
                }
                tAuthority = authority;
            }
            tScheme = scheme;
        }
        return new UriReference(tScheme, tAuthority, tPath, tQuery, r.fragment);
    }

    /** Section 5.2.3: merges a relative-path reference with this base's path. */
    private String merge(String referencePath) {
        if (authority != null && path.isEmpty()) {
            return "/" + referencePath;
        }
        int lastSlash = path.lastIndexOf('/');
        return lastSlash < 0 ? referencePath : path.substring(0, lastSlash + 1) + referencePath;
    }

    /**
     * RFC 3986 section 5.2.4, step by step: removes {@code .} and {@code ..} segments from a path.
     * {@code ..} never climbs above the root ({@code /../g} gives {@code /g}).
     */
    public static String removeDotSegments(String input) {
        if (!hasDotSegment(input)) {
            return input;   // nearly every path: nothing to remove
        }
        String in = input;
        StringBuilder out = new StringBuilder(input.length());
        while (!in.isEmpty()) {
            if (in.startsWith("../")) {                        // 2A
                in = in.substring(3);
            } else if (in.startsWith("./")) {                  // 2A
                in = in.substring(2);
            } else if (in.startsWith("/./")) {                 // 2B
                in = in.substring(2);
            } else if (in.equals("/.")) {                      // 2B: "/." as a complete segment
                in = "/";
            } else if (in.startsWith("/../")) {                // 2C
                in = in.substring(3);
                removeLastSegment(out);
            } else if (in.equals("/..")) {                     // 2C: "/.." as a complete segment
                in = "/";
                removeLastSegment(out);
            } else if (in.equals(".") || in.equals("..")) {    // 2D
                in = "";
            } else {                                           // 2E: move the first segment over
                int next = in.indexOf('/', in.charAt(0) == '/' ? 1 : 0);
                int end = next < 0 ? in.length() : next;
                out.append(in, 0, end);
                in = in.substring(end);
            }
        }
        return out.toString();
    }

    /** True if a segment of {@code path} is "." or "..": only then is there anything to remove. */
    private static boolean hasDotSegment(String path) {
        int start = 0;
        int n = path.length();
        while (start <= n) {
            int end = path.indexOf('/', start);
            end = end < 0 ? n : end;
            int len = end - start;
            if ((len == 1 && path.charAt(start) == '.') || (len == 2 && path.charAt(start) == '.' && path.charAt(start + 1) == '.')) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    /** Removes the last segment and its preceding "/" (if any) from the output buffer (step 2C). */
    private static void removeLastSegment(StringBuilder out) {
        int lastSlash = out.lastIndexOf("/");
        out.setLength(Math.max(lastSlash, 0));
    }

    /** This reference without its fragment. */
    public UriReference withoutFragment() {
        return new UriReference(scheme, authority, path, query, null);
    }

    /** Recomposes the components (RFC 3986 section 5.3). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (scheme != null) {
            sb.append(scheme).append(':');
        }
        if (authority != null) {
            sb.append("//").append(authority);
        }
        sb.append(path);
        if (query != null) {
            sb.append('?').append(query);
        }
        if (fragment != null) {
            sb.append('#').append(fragment);
        }
        return sb.toString();
    }
}
