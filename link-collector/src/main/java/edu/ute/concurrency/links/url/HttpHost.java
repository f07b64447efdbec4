package edu.ute.concurrency.links.url;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The host of an http(s) URL, read as the WHATWG URL Standard's host parser reads it (section 3.5
 * "Host parsing"), so that a link reaches the host a browser would reach:
 * <ol>
 *   <li>{@code [...]}: an IPv6 address, parsed strictly and written in its shortest form
 *       ({@code [0:0::1]} is {@code [::1]}, RFC 5952 section 4);</li>
 *   <li>otherwise percent-decoded first, then converted to ASCII by IDNA ({@link IDN#toASCII}:
 *       full-width letters and {@code 。} become ASCII, zero-width characters vanish), and only
 *       then checked: a forbidden code point ({@code %}, space, {@code <>[]^|/:?#@\}, controls)
 *       rejects the host, so {@code ％４１.com}, which IDNA turns into {@code %41.com}, is
 *       rejected rather than read as {@code a.com};</li>
 *   <li>a host whose last label is a number ({@code 192.168.257}, {@code 0xffffffff},
 *       {@code 0x7f.1}) is an IPv4 address in any of the forms {@code inet_aton} accepts (decimal,
 *       octal with a leading 0, hexadecimal with 0x, one to four parts), written as four decimal
 *       parts; a number that does not fit is an error, not a name.</li>
 * </ol>
 * Stateless and thread-safe.
 */
final class HttpHost {

    private static final String FORBIDDEN = " #%/:<>?@[\\]^|";

    private HttpHost() {
    }

    /** The host in canonical form; throws {@link MalformedLinkException} where a browser fails. */
    static String parse(String host) {
        if (isPlainLowercase(host) && !endsInANumber(host)) {
            return host;   // nearly every host: nothing to decode, convert or check
        }
        if (host.startsWith("[")) {
            if (!host.endsWith("]")) {
                throw new MalformedLinkException("unterminated IPv6 literal in host");
            }
            return "[" + ipv6(host.substring(1, host.length() - 1)) + "]";
        }
        String domain = percentDecode(host);
        if (!isAscii(domain)) {
            try {
                domain = IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED);
            } catch (IllegalArgumentException e) {
                throw new MalformedLinkException("invalid international host name " + host);
            }
        }
        domain = domain.toLowerCase(Locale.ROOT);
        if (domain.isEmpty()) {
            throw new MalformedLinkException("missing host");
        }
        for (int i = 0; i < domain.length(); i++) {
            char c = domain.charAt(i);
            if (c <= 0x20 || c == 0x7F || FORBIDDEN.indexOf(c) >= 0) {
                throw new MalformedLinkException("invalid character " + describe(c) + " in host " + host);
            }
        }
        return endsInANumber(domain) ? ipv4(domain) : domain;
    }

    private static String describe(char c) {
        return c < 0x20 || c == 0x7F ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Percent-decodes to bytes, then reads them as UTF-8 (invalid sequences become U+FFFD). */
    private static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        byte[] raw = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '%' && i + 2 < raw.length && hex(raw[i + 1]) >= 0 && hex(raw[i + 2]) >= 0) {
                bytes.write(hex(raw[i + 1]) * 16 + hex(raw[i + 2]));
                i += 2;
            } else {
                bytes.write(raw[i]);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(int b) {
        return Character.digit(b, 16);
    }

    /** Whether a host is already only [a-z0-9.-], so no step of host parsing would change it. */
    static boolean isPlainLowercase(String host) {
        if (host.isEmpty()) {
            return false;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** The standard's "ends in a number" test: is the last label (a trailing dot aside) numeric? */
    private static boolean endsInANumber(String domain) {
        int end = domain.endsWith(".") && domain.length() > 1 ? domain.length() - 1 : domain.length();
        String last = domain.substring(domain.lastIndexOf('.', end - 1) + 1, end);
        if (!last.isEmpty() && last.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return true;
        }
        return ipv4Number(last) != null && (last.startsWith("0x") || last.startsWith("0X"));
    }

    /** The labels, without the empty one after a trailing dot. */
    private static List<String> labels(String domain) {
        List<String> parts = new ArrayList<>(List.of(domain.split("\\.", -1)));
        if (parts.size() > 1 && parts.get(parts.size() - 1).isEmpty()) {
            parts.remove(parts.size() - 1);
        }
        return parts;
    }

    private static String ipv4(String domain) {
        List<String> parts = labels(domain);
        if (parts.size() > 4) {
            throw new MalformedLinkException("not an IPv4 address (more than four parts): " + domain);
        }
        List<BigInteger> numbers = new ArrayList<>();
        for (String part : parts) {
            BigInteger n = ipv4Number(part);
            if (n == null) {
                throw new MalformedLinkException("not an IPv4 address: " + domain);
            }
            numbers.add(n);
        }
        BigInteger byteLimit = BigInteger.valueOf(256);
        for (int i = 0; i < numbers.size() - 1; i++) {
            if (numbers.get(i).compareTo(byteLimit) >= 0) {
                throw new MalformedLinkException("IPv4 part out of range: " + domain);
            }
        }
        BigInteger last = numbers.get(numbers.size() - 1);
        if (last.compareTo(byteLimit.pow(5 - numbers.size())) >= 0) {
            throw new MalformedLinkException("IPv4 address out of range: " + domain);
        }
        long address = last.longValue();
        for (int i = 0; i < numbers.size() - 1; i++) {
            address += numbers.get(i).longValue() << (8 * (3 - i));
        }
        return (address >>> 24) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "." + (address & 0xFF);
    }

    /** One IPv4 part: {@code 0x} hexadecimal, leading-{@code 0} octal or decimal; null if it is none. */
    private static BigInteger ipv4Number(String part) {
        if (part.isEmpty()) {
            return null;
        }
        int radix = 10;
        String digits = part;
        if (part.startsWith("0x") || part.startsWith("0X")) {
            radix = 16;
            digits = part.substring(2);
        } else if (part.length() > 1 && part.charAt(0) == '0') {
            radix = 8;
            digits = part.substring(1);
        }
        if (digits.isEmpty()) {
            return BigInteger.ZERO;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), radix) < 0 || digits.charAt(i) >= 0x80) {
                return null;
            }
        }
        return new BigInteger(digits, radix);
    }

    /** The standard's IPv6 parser (eight 16-bit pieces, one {@code ::}, an IPv4 tail), then its serialiser. */
    private static String ipv6(String text) {
        int[] pieces = new int[8];
        int piece = 0;
        int compress = -1;
        int i = 0;
        int n = text.length();
        if (i < n && text.charAt(i) == ':') {
            if (!text.startsWith("::")) {
                throw invalid(text);
            }
            i += 2;
            piece++;
            compress = piece;
        }
        while (i < n) {
            if (piece == 8) {
                throw invalid(text);
            }
            if (text.charAt(i) == ':') {
                if (compress >= 0) {
                    throw invalid(text);
                }
                i++;
                piece++;
                compress = piece;
                continue;
            }
            int value = 0;
            int length = 0;
            while (length < 4 && i < n && hex(text.charAt(i)) >= 0 && text.charAt(i) < 0x80) {
                value = value * 16 + hex(text.charAt(i));
                i++;
                length++;
            }
            if (i < n && text.charAt(i) == '.') {
                if (length == 0 || piece > 6) {
                    throw invalid(text);
                }
                i -= length;
                piece = ipv4InIpv6(text, i, pieces, piece);
                i = n;
                break;
            }
            if (i < n && text.charAt(i) == ':') {
                i++;
                if (i >= n) {
                    throw invalid(text);
                }
            } else if (i < n) {
                throw invalid(text);
            }
            pieces[piece++] = value;
        }
        if (compress >= 0) {
            int swaps = piece - compress;
            piece = 7;
            while (piece != 0 && swaps > 0) {
                int t = pieces[piece];
                pieces[piece] = pieces[compress + swaps - 1];
                pieces[compress + swaps - 1] = t;
                piece--;
                swaps--;
            }
        } else if (piece != 8) {
            throw invalid(text);
        }
        return serialize(pieces);
    }

    /** Dotted-decimal tail of an IPv6 address into two pieces; returns the next piece index. */
    private static int ipv4InIpv6(String text, int start, int[] pieces, int piece) {
        int i = start;
        int seen = 0;
        int n = text.length();
        while (i < n) {
            int value = -1;
            if (seen > 0) {
                if (text.charAt(i) == '.' && seen < 4) {
                    i++;
                } else {
                    throw invalid(text);
                }
            }
            if (i >= n || text.charAt(i) < '0' || text.charAt(i) > '9') {
                throw invalid(text);
            }
            while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                int digit = text.charAt(i) - '0';
                if (value == -1) {
                    value = digit;
                } else if (value == 0) {
                    throw invalid(text);   // a leading zero
                } else {
                    value = value * 10 + digit;
                }
                if (value > 255) {
                    throw invalid(text);
                }
                i++;
            }
            pieces[piece] = pieces[piece] * 0x100 + value;
            seen++;
            if (seen == 2 || seen == 4) {
                piece++;
            }
        }
        if (seen != 4) {
            throw invalid(text);
        }
        return piece;
    }

    /** Lowercase hex, no leading zeros, the first longest run of two or more zero pieces as {@code ::}. */
    private static String serialize(int[] pieces) {
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (pieces[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && pieces[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append(i == 0 ? "::" : ":");
                i += bestLength - 1;
                continue;
            }
            sb.append(Integer.toHexString(pieces[i]));
            if (i < 7) {
                sb.append(':');
            }
        }
        return sb.toString();
    }

    private static MalformedLinkException invalid(String text) {
        return new MalformedLinkException("invalid IPv6 address [" + text + "]");
    }
}
