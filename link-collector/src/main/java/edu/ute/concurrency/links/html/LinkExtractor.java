package edu.ute.concurrency.links.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the links in real-world HTML without a third-party parser: a small tokenizer that follows
 * the parts of the HTML parsing rules that decide what is a link.
 *
 * <ul>
 *   <li>{@code href} on {@code a}, {@code area} and {@code link}; {@code src} on {@code img},
 *       {@code script}, {@code iframe}, {@code frame}, {@code embed}, {@code source}, {@code track},
 *       {@code audio} and {@code video}; the first {@code <base href>} becomes the base URL;</li>
 *   <li>tag and attribute names in any case; values double-quoted, single-quoted or unquoted; the
 *       first of two equal attributes wins; character references decoded ({@code &amp;}, see
 *       {@link HtmlEntities});</li>
 *   <li>comments ({@code <!-- ... -->}), doctype and processing instructions skipped; the bodies of
 *       {@code script}, {@code style}, {@code textarea}, {@code title} and the other raw-text
 *       elements are not searched for tags, so {@code document.write('<a href=...>')} is no link.</li>
 * </ul>
 * The values are returned as written (decoded, not resolved): resolving and normalising them is
 * {@code UrlNormalizer}'s job.
 *
 * <p>Usage:
 * <pre>{@code
 * ExtractedLinks found = LinkExtractor.extract("<base href=/docs/><A HREF=a.html>a</A>");
 * found.baseHref();   // "/docs/"
 * found.links();      // ["a.html"]
 * }</pre>
 * Stateless and thread-safe.
 */
public final class LinkExtractor {

    /** Which attribute holds a link, per element. */
    private static final Map<String, String> LINK_ATTRIBUTE = Map.ofEntries(
            Map.entry("a", "href"), Map.entry("area", "href"), Map.entry("link", "href"),
            Map.entry("img", "src"), Map.entry("script", "src"), Map.entry("iframe", "src"),
            Map.entry("frame", "src"), Map.entry("embed", "src"), Map.entry("source", "src"),
            Map.entry("track", "src"), Map.entry("audio", "src"), Map.entry("video", "src"));

    /** Elements whose content is text up to the matching end tag: no tags inside. */
    private static final Set<String> RAW_TEXT = Set.of("script", "style", "textarea", "title", "xmp",
            "iframe", "noembed", "noframes");

    private LinkExtractor() {
    }

    /**
     * The links of one document.
     *
     * @param baseHref the {@code href} of the first {@code <base>} that has one, or {@code null}
     * @param links    link values in document order, decoded, not resolved, duplicates kept
     */
    public record ExtractedLinks(String baseHref, List<String> links) {
    }

    /** Extracts the links from {@code html}. */
    public static ExtractedLinks extract(String html) {
        List<String> links = new ArrayList<>();
        String baseHref = null;
        int n = html.length();
        int i = 0;
        while (i < n) {
            int lt = html.indexOf('<', i);
            if (lt < 0 || lt + 1 >= n) {
                break;
            }
            char next = html.charAt(lt + 1);
            if (html.startsWith("<!--", lt)) {
                i = skipComment(html, lt);
            } else if (next == '!' || next == '?') {
                // Doctype, CDATA outside foreign content, processing instruction: a bogus comment up to '>'.
                i = indexOrEnd(html, '>', lt + 2) + 1;
            } else if (next == '/') {
                i = indexOrEnd(html, '>', lt + 2) + 1;
            } else if (isAsciiLetter(next)) {
                int nameEnd = lt + 1;
                while (nameEnd < n && !isTagNameEnd(html.charAt(nameEnd))) {
                    nameEnd++;
                }
                String name = html.substring(lt + 1, nameEnd).toLowerCase(Locale.ROOT);
                // Only the one attribute that can hold a link is decoded; the others are skipped over.
                String wanted = name.equals("base") ? (baseHref == null ? "href" : null) : LINK_ATTRIBUTE.get(name);
                Tag tag = readTag(html, nameEnd, name, wanted);
                i = tag.end();
                if (tag.value() != null) {
                    if (name.equals("base")) {
                        baseHref = tag.value();
                    } else {
                        links.add(tag.value());
                    }
                }
                // HTML ignores "/>" on non-void elements: <script src=x.js/> still opens a script body.
                if (RAW_TEXT.contains(name)) {
                    i = skipRawText(html, i, tag.name());
                }
            } else {
                i = lt + 1;   // a literal '<' in text
            }
        }
        return new ExtractedLinks(baseHref, List.copyOf(links));
    }

    /** A start tag read up to its end: the value of the attribute asked for (or null), and where it ended. */
    private record Tag(String name, String value, int end) {
    }

    /** Comment states of the HTML tokenizer: {@code <!-->} and {@code <!--->} end at once. */
    private static int skipComment(String html, int lt) {
        int bodyStart = lt + 4;
        if (html.startsWith(">", bodyStart)) {
            return bodyStart + 1;
        }
        if (html.startsWith("->", bodyStart)) {
            return bodyStart + 2;
        }
        int end = html.indexOf("-->", bodyStart);
        int bang = html.indexOf("--!>", bodyStart);
        if (end < 0 && bang < 0) {
            return html.length();
        }
        if (end < 0 || (bang >= 0 && bang < end)) {
            return bang + 4;
        }
        return end + 3;
    }

    /** Skips to just after {@code </name} followed by whitespace, '/' or '>' (case-insensitive). */
    private static int skipRawText(String html, int from, String name) {
        String endTag = "</" + name;
        int i = from;
        while (true) {
            int close = html.indexOf("</", i);
            if (close < 0) {
                return html.length();
            }
            int after = close + endTag.length();
            if (html.regionMatches(true, close, endTag, 0, endTag.length())
                    && (after >= html.length() || isTagNameEnd(html.charAt(after)))) {
                return indexOrEnd(html, '>', after) + 1;
            }
            i = close + 2;
        }
    }

    /**
     * Reads the attributes of a start tag whose name ends at {@code i}, keeping the value of
     * {@code wanted} (null: none). Attribute names are compared case-insensitively; a duplicate
     * attribute is a parse error in HTML and is dropped, so the first one counts.
     */
    private static Tag readTag(String html, int i, String name, String wanted) {
        int n = html.length();
        String value = null;
        boolean seen = false;
        while (i < n) {
            char c = html.charAt(i);
            if (c == '>') {
                return new Tag(name, value, i + 1);
            }
            if (isSpace(c) || c == '/') {
                i++;   // "/>" only matters for void and foreign elements, never for links
                continue;
            }
            // Attribute name: up to whitespace, '/', '>' or '=' (a leading '=' belongs to the name).
            int attrStart = i;
            i++;
            while (i < n && !isSpace(html.charAt(i)) && "/>=".indexOf(html.charAt(i)) < 0) {
                i++;
            }
            boolean isWanted = wanted != null && !seen && i - attrStart == wanted.length()
                    && html.regionMatches(true, attrStart, wanted, 0, wanted.length());
            int j = skipSpaces(html, i);
            int valueStart = j;
            int valueEnd = j;
            if (j < n && html.charAt(j) == '=') {
                j = skipSpaces(html, j + 1);
                if (j < n && (html.charAt(j) == '"' || html.charAt(j) == '\'')) {
                    char quote = html.charAt(j);
                    int close = html.indexOf(quote, j + 1);
                    valueStart = j + 1;
                    valueEnd = close < 0 ? n : close;
                    i = close < 0 ? n : close + 1;
                } else {
                    valueStart = j;
                    while (j < n && !isSpace(html.charAt(j)) && html.charAt(j) != '>') {
                        j++;
                    }
                    valueEnd = j;
                    i = j;
                }
            }
            if (isWanted) {
                value = HtmlEntities.decodeAttribute(html.substring(valueStart, valueEnd));
                seen = true;
            }
        }
        return new Tag(name, value, n);
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int indexOrEnd(String s, char c, int from) {
        int at = s.indexOf(c, from);
        return at < 0 ? s.length() - 1 : at;
    }

    private static boolean isTagNameEnd(char c) {
        return isSpace(c) || c == '/' || c == '>';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
