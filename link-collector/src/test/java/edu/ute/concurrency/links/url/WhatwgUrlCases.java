package edu.ute.concurrency.links.url;

import java.util.List;

/**
 * The cases of the web-platform-tests URL test data ({@code url/resources/urltestdata.json}) whose
 * base is an {@code http:} or {@code https:} URL and whose result is an http(s) URL or a failure:
 * what a browser does with an {@code href} on a web page (the HTML standard parses links with the
 * WHATWG URL Standard, section 4.4 "URL parsing"). Each row is the input, the base, and the URL a
 * browser gets ({@code null}: the browser rejects the link). Cases whose result has another scheme
 * ({@code ftp:}, {@code ws:}, {@code data:}, ...) are left out: the crawler does not follow them.
 */
final class WhatwgUrlCases {

    /** One row: {@code href} is the browser's serialised URL, or null when parsing fails. */
    record Case(String input, String base, String href) {
        boolean failure() {
            return href == null;
        }

        @Override
        public String toString() {
            return "\"" + input.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r") + "\" against " + base;
        }
    }

    private static final String EX = "http://example.org/foo/bar";
    private static final String WWW = "http://www.example.com/test";
    private static final String OTHER = "http://other.com/";
    private static final String ANY = "http://doesnotmatter/";

    private static Case c(String input, String base, String href) {
        return new Case(input, base, href);
    }

    private static Case fails(String input, String base) {
        return new Case(input, base, null);
    }

    static final List<Case> CASES = List.of(
            // Segments (WebKit's segments.js): whitespace, ports, scheme-relative and same-scheme forms.
            c("http://example\t.\norg", EX, "http://example.org/"),
            c("http://user:pass@foo:21/bar;par?b#c", EX, "http://user:pass@foo:21/bar;par?b#c"),
            c("http:foo.com", EX, "http://example.org/foo/foo.com"),
            c("\t   :foo.com   \n", EX, "http://example.org/foo/:foo.com"),
            c(" foo.com  ", EX, "http://example.org/foo/foo.com"),
            c("http://f:21/ b ? d # e ", EX, "http://f:21/%20b%20?%20d%20#%20e"),
            c("http://f:/c", EX, "http://f/c"),
            c("http://f:0/c", EX, "http://f:0/c"),
            c("http://f:00000000000000/c", EX, "http://f:0/c"),
            c("http://f:00000000000000000000080/c", EX, "http://f/c"),
            fails("http://f:b/c", EX),
            fails("http://f: /c", EX),
            c("http://f:\n/c", EX, "http://f/c"),
            fails("http://f:fifty-two/c", EX),
            fails("http://f:999999/c", EX),
            fails("http://f: 21 / b ? d # e ", EX),
            c("", EX, "http://example.org/foo/bar"),
            c("  \t", EX, "http://example.org/foo/bar"),
            c(":foo.com/", EX, "http://example.org/foo/:foo.com/"),
            c(":foo.com\\", EX, "http://example.org/foo/:foo.com/"),
            c(":", EX, "http://example.org/foo/:"),
            c(":a", EX, "http://example.org/foo/:a"),
            c(":/", EX, "http://example.org/foo/:/"),
            c(":\\", EX, "http://example.org/foo/:/"),
            c(":#", EX, "http://example.org/foo/:#"),
            c("#", EX, "http://example.org/foo/bar#"),
            c("#/", EX, "http://example.org/foo/bar#/"),
            c("#\\", EX, "http://example.org/foo/bar#\\"),
            c("#;?", EX, "http://example.org/foo/bar#;?"),
            c("?", EX, "http://example.org/foo/bar?"),
            c("/", EX, "http://example.org/"),
            c(":23", EX, "http://example.org/foo/:23"),
            c("/:23", EX, "http://example.org/:23"),
            c("\\x", EX, "http://example.org/x"),
            c("\\\\x\\hello", EX, "http://x/hello"),
            c("::", EX, "http://example.org/foo/::"),
            c("::23", EX, "http://example.org/foo/::23"),
            c("http://a:b@c:29/d", EX, "http://a:b@c:29/d"),
            c("http::@c:29", EX, "http://example.org/foo/:@c:29"),
            c("http://&a:foo(b]c@d:2/", EX, "http://&a:foo(b%5Dc@d:2/"),
            c("http://::@c@d:2", EX, "http://:%3A%40c@d:2/"),
            c("http://foo.com:b@d/", EX, "http://foo.com:b@d/"),
            c("http://foo.com/\\@", EX, "http://foo.com//@"),
            c("http:\\\\foo.com\\", EX, "http://foo.com/"),
            c("http:\\\\a\\b:c\\d@foo.com\\", EX, "http://a/b:c/d@foo.com/"),
            c("//foo/bar", EX, "http://foo/bar"),
            c("http://foo/path;a??e#f#g", EX, "http://foo/path;a??e#f#g"),
            c("http://foo/abcd?efgh?ijkl", EX, "http://foo/abcd?efgh?ijkl"),
            c("http://foo/abcd#foo?bar", EX, "http://foo/abcd#foo?bar"),
            c("[61:24:74]:98", EX, "http://example.org/foo/[61:24:74]:98"),
            c("http:[61:27]/:foo", EX, "http://example.org/foo/[61:27]/:foo"),
            fails("http://[1::2]:3:4", EX),
            fails("http://2001::1", EX),
            fails("http://2001::1]", EX),
            fails("http://2001::1]:80", EX),
            c("http://[2001::1]", EX, "http://[2001::1]/"),
            c("http://[::127.0.0.1]", EX, "http://[::7f00:1]/"),
            c("http://[0:0:0:0:0:0:13.1.68.3]", EX, "http://[::d01:4403]/"),
            c("http://[2001::1]:80", EX, "http://[2001::1]/"),
            c("http:/example.com/", EX, "http://example.org/example.com/"),
            c("https:/example.com/", EX, "https://example.com/"),
            c("http:example.com/", EX, "http://example.org/foo/example.com/"),
            c("https:example.com/", EX, "https://example.com/"),
            c("/a/b/c", EX, "http://example.org/a/b/c"),
            c("/a/ /c", EX, "http://example.org/a/%20/c"),
            c("/a%2fc", EX, "http://example.org/a%2fc"),
            c("/a/%2f/c", EX, "http://example.org/a/%2f/c"),
            c("#\u03b2", EX, "http://example.org/foo/bar#%CE%B2"),
            // Relative references against a file-like path.
            c("/", WWW, "http://www.example.com/"),
            c("/test.txt", WWW, "http://www.example.com/test.txt"),
            c(".", WWW, "http://www.example.com/"),
            c("..", WWW, "http://www.example.com/"),
            c("test.txt", WWW, "http://www.example.com/test.txt"),
            c("./test.txt", WWW, "http://www.example.com/test.txt"),
            c("../test.txt", WWW, "http://www.example.com/test.txt"),
            c("../aaa/test.txt", WWW, "http://www.example.com/aaa/test.txt"),
            c("../../test.txt", WWW, "http://www.example.com/test.txt"),
            c("\u4e2d/test.txt", WWW, "http://www.example.com/%E4%B8%AD/test.txt"),
            c("http://www.example2.com", WWW, "http://www.example2.com/"),
            c("//www.example2.com", WWW, "http://www.example2.com/"),
            // Hosts (WebKit's host.html): case, spaces, IDNA mapping, percent-encoded hosts, IPv4 forms.
            c("http://ExAmPlE.CoM", OTHER, "http://example.com/"),
            fails("http://example example.com", OTHER),
            fails("http://Goo%20 goo%7C|.com", OTHER),
            fails("http://[]", OTHER),
            fails("http://[:]", OTHER),
            fails("http://GOO\u00a0\u3000goo.com", OTHER),
            c("http://GOO\u200b\u2060\ufeffgoo.com", OTHER, "http://googoo.com/"),
            c("http://www.foo\u3002bar.com", OTHER, "http://www.foo.bar.com/"),
            fails("http://\ufdd0zyx.com", OTHER),
            fails("http://%ef%b7%90zyx.com", OTHER),
            c("http://\uff27\uff4f.com", OTHER, "http://go.com/"),
            fails("http://\uff05\uff14\uff11.com", OTHER),
            fails("http://%ef%bc%85%ef%bc%94%ef%bc%91.com", OTHER),
            fails("http://\uff05\uff10\uff10.com", OTHER),
            fails("http://%ef%bc%85%ef%bc%90%ef%bc%90.com", OTHER),
            c("http://\u4f60\u597d\u4f60\u597d", OTHER, "http://xn--6qqa088eba/"),
            fails("http://%zz%66%a.com", OTHER),
            fails("http://%25", OTHER),
            fails("http://hello%00", OTHER),
            c("http://%30%78%63%30%2e%30%32%35%30.01", OTHER, "http://192.168.0.1/"),
            c("http://%30%78%63%30%2e%30%32%35%30.01%2e", OTHER, "http://192.168.0.1/"),
            fails("http://192.168.0.257", OTHER),
            fails("http://%3g%78%63%30%2e%30%32%35%30%2E.01", OTHER),
            fails("http://192.168.0.1 hello", OTHER),
            c("http://\uff10\uff38\uff43\uff10\uff0e\uff10\uff12\uff15\uff10\uff0e\uff10\uff11", OTHER, "http://192.168.0.1/"),
            fails("http://[google.com]", OTHER),
            fails("http://[::1.2.3.4x]", OTHER),
            fails("http://[::1.2.3.]", OTHER),
            fails("http://[::1.2.]", OTHER),
            fails("http://[::1.]", OTHER),
            c("http://foo:\ud83d\udca9@example.com/bar", OTHER, "http://foo:%F0%9F%92%A9@example.com/bar"),
            // Several @ in the authority, characters outside a-z0-9, credentials in the base.
            c("https://@test@test@example:800/", ANY, "https://%40test%40test@example:800/"),
            c("https://@@@example", ANY, "https://%40%40@example/"),
            c("http://`{}:`{}@h/`{}?`{}", ANY, "http://%60%7B%7D:%60%7B%7D@h/%60%7B%7D?`{}"),
            c("/some/path", "http://user@example.org/smth", "http://user@example.org/some/path"),
            c("", "http://user:pass@example.org:21/smth", "http://user:pass@example.org:21/smth"),
            c("/some/path", "http://user:pass@example.org:21/smth", "http://user:pass@example.org:21/some/path"),
            // Queries and a scheme alone.
            c("?a=b&c=d", EX, "http://example.org/foo/bar?a=b&c=d"),
            c("??a=b&c=d", EX, "http://example.org/foo/bar??a=b&c=d"),
            c("http:", EX, "http://example.org/foo/bar"),
            fails("http:", "https://example.org/foo/bar"),
            // IPv4 numbers (decimal, octal, hex, fewer than four parts, a trailing dot).
            c("http://1.2.3.4/", OTHER, "http://1.2.3.4/"),
            c("http://1.2.3.4./", OTHER, "http://1.2.3.4/"),
            c("http://192.168.257", OTHER, "http://192.168.1.1/"),
            c("http://192.168.257.", OTHER, "http://192.168.1.1/"),
            c("http://192.168.257.com", OTHER, "http://192.168.257.com/"),
            c("http://256", OTHER, "http://0.0.1.0/"),
            c("http://256.com", OTHER, "http://256.com/"),
            c("http://999999999", OTHER, "http://59.154.201.255/"),
            c("http://999999999.", OTHER, "http://59.154.201.255/"),
            c("http://999999999.com", OTHER, "http://999999999.com/"),
            fails("http://10000000000", OTHER),
            c("http://10000000000.com", OTHER, "http://10000000000.com/"),
            c("http://4294967295", OTHER, "http://255.255.255.255/"),
            fails("http://4294967296", OTHER),
            c("http://0xffffffff", OTHER, "http://255.255.255.255/"),
            fails("http://0xffffffff1", OTHER),
            fails("http://256.256.256.256", OTHER),
            fails("http://1.2.3.4.5", OTHER),
            fails("http://1.2.3.4.5.", OTHER),
            fails("http://256.256.256.256.256", OTHER),
            fails("http://256.256.256.256.256.", OTHER),
            // IPv6 literals and port overflow.
            c("http://[1:0::]", "http://example.net/", "http://[1::]/"),
            fails("http://[0:1:2:3:4:5:6:7:8]", "http://example.net/"),
            fails("http://f:4294967377/c", "http://example.org/"),
            fails("http://f:18446744073709551697/c", "http://example.org/"),
            fails("http://f:340282366920938463463374607431768211537/c", "http://example.org/"),
            // A fragment-only link against a base with a fragment; credentials with DEL and '['.
            c("#link", "https://example.org/##link", "https://example.org/#link"),
            c("https://user:pass[\u007f@foo/bar", "http://example.org", "https://user:pass%5B%7F@foo/bar"));

    private WhatwgUrlCases() {
    }
}
