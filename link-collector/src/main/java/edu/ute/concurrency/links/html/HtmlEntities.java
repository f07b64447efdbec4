package edu.ute.concurrency.links.html;

import java.util.Map;
import java.util.Set;

/**
 * Decodes HTML character references in attribute values: {@code &amp;}, {@code &#38;},
 * {@code &#x26;} and the named references a URL can realistically contain.
 *
 * <p>It follows the HTML attribute-value rule that matters most for links: a named reference
 * without its {@code ;} is only decoded when it is one of the legacy names browsers accept without a
 * semicolon <em>and</em> the next character is neither {@code =} nor alphanumeric. So
 * {@code ?a=1&amp;b=2} becomes {@code ?a=1&b=2}, while {@code ?x=1&copy=2} stays as written (a browser
 * does not turn it into {@code ?x=1©=2}). Numeric references to 0, to surrogates or beyond U+10FFFF
 * become U+FFFD, as in a browser.
 *
 * <p>The table is a deliberate subset of the HTML list (about 40 common names); unknown names are
 * left as written. Stateless and thread-safe.
 */
public final class HtmlEntities {

    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", "\u00A0"), Map.entry("copy", "\u00A9"),
            Map.entry("reg", "\u00AE"), Map.entry("AMP", "&"), Map.entry("LT", "<"), Map.entry("GT", ">"),
            Map.entry("QUOT", "\""), Map.entry("COPY", "\u00A9"), Map.entry("REG", "\u00AE"),
            Map.entry("sol", "/"), Map.entry("colon", ":"), Map.entry("quest", "?"), Map.entry("num", "#"),
            Map.entry("equals", "="), Map.entry("percnt", "%"), Map.entry("period", "."),
            Map.entry("comma", ","), Map.entry("semi", ";"), Map.entry("lowbar", "_"), Map.entry("tilde", "~"),
            Map.entry("plus", "+"), Map.entry("excl", "!"), Map.entry("dollar", "$"), Map.entry("commat", "@"),
            Map.entry("lpar", "("), Map.entry("rpar", ")"), Map.entry("lsqb", "["), Map.entry("rsqb", "]"),
            Map.entry("lbrack", "["), Map.entry("rbrack", "]"), Map.entry("ast", "*"), Map.entry("hyphen", "\u2010"),
            Map.entry("dash", "\u2010"), Map.entry("Tab", "\t"), Map.entry("NewLine", "\n"),
            Map.entry("eacute", "\u00E9"), Map.entry("uuml", "\u00FC"), Map.entry("ouml", "\u00F6"),
            Map.entry("auml", "\u00E4"), Map.entry("szlig", "\u00DF"), Map.entry("shy", "\u00AD"));

    /** Names HTML also recognises without a trailing semicolon (subset of the legacy list). */
    private static final Set<String> LEGACY = Set.of("amp", "lt", "gt", "quot", "nbsp", "copy", "reg",
            "AMP", "LT", "GT", "QUOT", "COPY", "REG", "eacute", "uuml", "ouml", "auml", "szlig", "shy");

    private HtmlEntities() {
    }

    /** Decodes the character references in an attribute value. */
    public static String decodeAttribute(String value) {
        int amp = value.indexOf('&');
        if (amp < 0) {
            return value;
        }
        StringBuilder sb = new StringBuilder(value.length());
        sb.append(value, 0, amp);
        int i = amp;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c != '&') {
                sb.append(c);
                i++;
                continue;
            }
            int consumed = decodeReference(value, i, sb);
            if (consumed == 0) {
                sb.append('&');
                i++;
            } else {
                i += consumed;
            }
        }
        return sb.toString();
    }

    /** Appends the decoded reference starting at {@code s[at] == '&'}; returns the chars consumed, 0 if none. */
    private static int decodeReference(String s, int at, StringBuilder out) {
        int i = at + 1;
        if (i < s.length() && s.charAt(i) == '#') {
            return decodeNumeric(s, at, out);
        }
        int start = i;
        while (i < s.length() && Character.isLetterOrDigit(s.charAt(i)) && s.charAt(i) < 0x80) {
            i++;
        }
        String name = s.substring(start, i);
        if (name.isEmpty()) {
            return 0;
        }
        if (i < s.length() && s.charAt(i) == ';' && NAMED.containsKey(name)) {
            out.append(NAMED.get(name));
            return i + 1 - at;
        }
        // No semicolon: the attribute-value rule (see the class comment). The alphanumeric run ended
        // at i, so the next character is not alphanumeric; only '=' blocks decoding here.
        boolean nextIsEquals = i < s.length() && s.charAt(i) == '=';
        if (LEGACY.contains(name) && !nextIsEquals) {
            out.append(NAMED.get(name));
            return i - at;
        }
        return 0;
    }

    private static int decodeNumeric(String s, int at, StringBuilder out) {
        int i = at + 2;
        boolean hex = i < s.length() && (s.charAt(i) == 'x' || s.charAt(i) == 'X');
        if (hex) {
            i++;
        }
        int digitsStart = i;
        long value = 0;
        while (i < s.length() && Character.digit(s.charAt(i), hex ? 16 : 10) >= 0 && s.charAt(i) < 0x80) {
            value = Math.min(value * (hex ? 16 : 10) + Character.digit(s.charAt(i), hex ? 16 : 10), 0x110000);
            i++;
        }
        if (i == digitsStart) {
            return 0;
        }
        if (i < s.length() && s.charAt(i) == ';') {
            i++;
        }
        int cp = (int) value;
        if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            cp = 0xFFFD;
        }
        out.appendCodePoint(cp);
        return i - at;
    }
}
