package edu.ute.concurrency.links.robots;

import java.util.ArrayList;
import java.util.List;

/**
 * The expectations of Google's robots.txt parser tests ({@code google/robotstxt}, {@code robots_test.cc}),
 * as facts: a robots.txt body, the crawler's product token, a URL, and whether Google's parser lets
 * that crawler fetch it. Rows where this crawler deliberately decides otherwise carry the reason
 * ({@link Case#difference}); every other row must agree. Expectations about an empty URL are left
 * out: the crawler only ever asks about an absolute http(s) URL.
 */
final class GoogleRobotsCases {

    /**
     * One expectation.
     *
     * @param difference null when the crawler agrees with Google's parser, else why it does not
     */
    record Case(String group, String robotsTxt, String agent, String url, boolean googleAllows, String difference) {
        @Override
        public String toString() {
            String shown = url.length() > 60 ? url.substring(0, 40) + "...(" + url.length() + " chars)" : url;
            return group + ": " + agent + " " + shown + (googleAllows ? " allowed" : " disallowed");
        }
    }

    /** Google's parser reads a line at most 2083 * 8 bytes long; longer lines are cut there. */
    private static final int GOOGLE_MAX_LINE = 2083 * 8;

    private static final String ENCODES_URL = "the crawler percent-encodes every URL (RFC 3986 section 2.1) "
            + "before it asks, as RFC 9309 section 2.2.2 requires, so a raw non-ASCII path cannot reach the matcher";

    static final List<Case> CASES = build();

    private static List<Case> build() {
        List<Case> cases = new ArrayList<>();
        Builder b = new Builder(cases);

        b.group("line syntax");
        b.file("user-agent: FooBot\ndisallow: /\n").expect("FooBot", "http://foo.bar/x/y", false);
        b.file("foo: FooBot\nbar: /\n").expect("FooBot", "http://foo.bar/x/y", true);
        b.file("user-agent FooBot\ndisallow /\n").differs("FooBot", "http://foo.bar/x/y", false,
                "a line without a colon is not a record (RFC 9309 section 2.2); reading it as one is a Google-only leniency");

        b.group("groups");
        b.file("allow: /foo/bar/\n\nuser-agent: FooBot\ndisallow: /\nallow: /x/\nuser-agent: BarBot\ndisallow: /\n"
                + "allow: /y/\n\n\nallow: /w/\nuser-agent: BazBot\n\nuser-agent: FooBot\nallow: /z/\ndisallow: /\n");
        b.expect("FooBot", "http://foo.bar/x/b", true);
        b.expect("FooBot", "http://foo.bar/z/d", true);
        b.expect("FooBot", "http://foo.bar/y/c", false);
        b.expect("BarBot", "http://foo.bar/y/c", true);
        b.expect("BarBot", "http://foo.bar/w/a", true);
        b.expect("BarBot", "http://foo.bar/z/d", false);
        b.expect("BazBot", "http://foo.bar/z/d", true);
        b.expect("FooBot", "http://foo.bar/foo/bar/", false);
        b.expect("BarBot", "http://foo.bar/foo/bar/", false);
        b.expect("BazBot", "http://foo.bar/foo/bar/", false);

        b.group("record names are case-insensitive");
        for (String file : new String[] {"USER-AGENT: FooBot\nALLOW: /x/\nDISALLOW: /\n",
            "user-agent: FooBot\nallow: /x/\ndisallow: /\n", "uSeR-aGeNt: FooBot\nAlLoW: /x/\ndIsAlLoW: /\n"}) {
            b.file(file).expect("FooBot", "http://foo.bar/x/y", true).expect("FooBot", "http://foo.bar/a/b", false);
        }

        b.group("user-agent values are case-insensitive");
        for (String agent : new String[] {"Foo", "foo"}) {
            for (String value : new String[] {"FOO BAR", "foo bar", "FoO bAr"}) {
                b.file("User-Agent: " + value + "\nAllow: /x/\nDisallow: /\n")
                        .expect(agent, "http://foo.bar/x/y", true).expect(agent, "http://foo.bar/a/b", false);
            }
        }

        b.group("user-agent value up to the first space");
        b.file("User-Agent: *\nDisallow: /\nUser-Agent: Foo Bar\nAllow: /x/\nDisallow: /\n")
                .expect("Foo", "http://foo.bar/x/y", true).expect("Foo Bar", "http://foo.bar/x/y", false);

        b.group("the * group when no group matches");
        b.file("").expect("FooBot", "http://foo.bar/x/y", true);
        b.file("user-agent: *\nallow: /\nuser-agent: FooBot\ndisallow: /\n")
                .expect("FooBot", "http://foo.bar/x/y", false).expect("BarBot", "http://foo.bar/x/y", true);
        b.file("user-agent: FooBot\nallow: /\nuser-agent: BarBot\ndisallow: /\nuser-agent: BazBot\ndisallow: /\n")
                .expect("QuxBot", "http://foo.bar/x/y", true);

        b.group("paths are case-sensitive");
        b.file("user-agent: FooBot\ndisallow: /x/\n").expect("FooBot", "http://foo.bar/x/y", false);
        b.file("user-agent: FooBot\ndisallow: /X/\n").expect("FooBot", "http://foo.bar/x/y", true);

        b.group("longest match");
        String page = "http://foo.bar/x/page.html";
        b.file("user-agent: FooBot\ndisallow: /x/page.html\nallow: /x/\n").expect("FooBot", page, false);
        b.file("user-agent: FooBot\nallow: /x/page.html\ndisallow: /x/\n")
                .expect("FooBot", page, true).expect("FooBot", "http://foo.bar/x/", false);
        b.file("user-agent: FooBot\ndisallow: \nallow: \n").expect("FooBot", page, true);
        b.file("user-agent: FooBot\ndisallow: /\nallow: /\n").expect("FooBot", page, true);
        b.file("user-agent: FooBot\ndisallow: /x\nallow: /x/\n")
                .expect("FooBot", "http://foo.bar/x", false).expect("FooBot", "http://foo.bar/x/", true);
        b.file("user-agent: FooBot\ndisallow: /x/page.html\nallow: /x/page.html\n").expect("FooBot", page, true);
        b.file("user-agent: FooBot\nallow: /page\ndisallow: /*.html\n")
                .expect("FooBot", "http://foo.bar/page.html", false).expect("FooBot", "http://foo.bar/page", true);
        b.file("user-agent: FooBot\nallow: /x/page.\ndisallow: /*.html\n")
                .expect("FooBot", page, true).expect("FooBot", "http://foo.bar/x/y.html", false);
        b.file("User-agent: *\nDisallow: /x/\nUser-agent: FooBot\nDisallow: /y/\n")
                .expect("FooBot", "http://foo.bar/x/page", true).expect("FooBot", "http://foo.bar/y/page", false);

        b.group("percent-encoding");
        b.file("User-agent: FooBot\nDisallow: /\nAllow: /foo/bar?qux=taz&baz=http://foo.bar?tar&par\n")
                .expect("FooBot", "http://foo.bar/foo/bar?qux=taz&baz=http://foo.bar?tar&par", true);
        b.file("User-agent: FooBot\nDisallow: /\nAllow: /foo/bar/\u30c4\n")
                .expect("FooBot", "http://foo.bar/foo/bar/%E3%83%84", true)
                .differs("FooBot", "http://foo.bar/foo/bar/\u30c4", false, ENCODES_URL);
        b.file("User-agent: FooBot\nDisallow: /\nAllow: /foo/bar/%E3%83%84\n")
                .expect("FooBot", "http://foo.bar/foo/bar/%E3%83%84", true)
                .differs("FooBot", "http://foo.bar/foo/bar/\u30c4", false, ENCODES_URL);
        b.file("User-agent: FooBot\nDisallow: /\nAllow: /foo/bar/%62%61%7A\n")
                .differs("FooBot", "http://foo.bar/foo/bar/baz", false,
                        "%62%61%7A and baz are the same path (RFC 3986 section 6.2.2.2): both sides are compared "
                        + "after decoding unreserved characters, so a rule cannot be dodged by spelling the URL differently")
                .expect("FooBot", "http://foo.bar/foo/bar/%62%61%7A", true);

        b.group("special characters");
        b.file("User-agent: FooBot\nDisallow: /foo/bar/quz\nAllow: /foo/*/qux\n")
                .expect("FooBot", "http://foo.bar/foo/bar/quz", false)
                .expect("FooBot", "http://foo.bar/foo/quz", true)
                .expect("FooBot", "http://foo.bar/foo//quz", true)
                .expect("FooBot", "http://foo.bar/foo/bax/quz", true);
        b.file("User-agent: FooBot\nDisallow: /foo/bar$\nAllow: /foo/bar/qux\n")
                .expect("FooBot", "http://foo.bar/foo/bar", false)
                .expect("FooBot", "http://foo.bar/foo/bar/qux", true)
                .expect("FooBot", "http://foo.bar/foo/bar/", true)
                .expect("FooBot", "http://foo.bar/foo/bar/baz", true);
        b.file("User-agent: FooBot\n# Disallow: /\nDisallow: /foo/quz#qux\nAllow: /\n")
                .expect("FooBot", "http://foo.bar/foo/bar", true)
                .expect("FooBot", "http://foo.bar/foo/quz", false);

        b.group("index.html");
        b.file("User-Agent: *\nAllow: /allowed-slash/index.html\nDisallow: /\n")
                .differs("foobot", "http://foo.com/allowed-slash/", true,
                        "/ and /index.html are different resources to RFC 9309; treating them as one is Google-only")
                .expect("foobot", "http://foo.com/allowed-slash/index.htm", false)
                .expect("foobot", "http://foo.com/allowed-slash/index.html", true)
                .expect("foobot", "http://foo.com/anyother-url", false);

        b.group("long lines");
        String longA = "/x/" + "a".repeat(GOOGLE_MAX_LINE - "/x/".length() - "disallow: ".length() + 1 - "/x/".length());
        b.file("user-agent: FooBot\ndisallow: " + longA + "/qux\n")
                .expect("FooBot", "http://foo.bar/fux", true)
                .differs("FooBot", "http://foo.bar" + longA + "/fux", false, LONG_LINES);
        String longAllowA = "/x/" + "a".repeat(GOOGLE_MAX_LINE - "/x/".length() - "allow: ".length() + 1 - "/x/".length());
        String longAllowB = "/x/" + "b".repeat(longAllowA.length() - "/x/".length());
        b.file("user-agent: FooBot\ndisallow: /\nallow: " + longAllowA + "/qux\nallow: " + longAllowB + "/qux\n")
                .expect("FooBot", "http://foo.bar/", false)
                .expect("FooBot", "http://foo.bar" + longAllowA + "/qux", true)
                .differs("FooBot", "http://foo.bar" + longAllowB + "/fux", true, LONG_LINES);

        b.group("Google's documentation");
        b.file("user-agent: FooBot\ndisallow: /\nallow: /fish\n");
        fish(b);
        b.file("user-agent: FooBot\ndisallow: /\nallow: /fish*\n");
        fish(b);
        b.file("user-agent: FooBot\ndisallow: /\nallow: /fish/\n")
                .expect("FooBot", "http://foo.bar/bar", false)
                .expect("FooBot", "http://foo.bar/fish/", true)
                .expect("FooBot", "http://foo.bar/fish/salmon", true)
                .expect("FooBot", "http://foo.bar/fish/?salmon", true)
                .expect("FooBot", "http://foo.bar/fish/salmon.html", true)
                .expect("FooBot", "http://foo.bar/fish/?id=anything", true)
                .expect("FooBot", "http://foo.bar/fish", false)
                .expect("FooBot", "http://foo.bar/fish.html", false)
                .expect("FooBot", "http://foo.bar/Fish/Salmon.html", false);
        b.file("user-agent: FooBot\ndisallow: /\nallow: /*.php\n")
                .expect("FooBot", "http://foo.bar/bar", false)
                .expect("FooBot", "http://foo.bar/filename.php", true)
                .expect("FooBot", "http://foo.bar/folder/filename.php", true)
                .expect("FooBot", "http://foo.bar/folder/filename.php?parameters", true)
                .expect("FooBot", "http://foo.bar//folder/any.php.file.html", true)
                .expect("FooBot", "http://foo.bar/filename.php/", true)
                .expect("FooBot", "http://foo.bar/index?f=filename.php/", true)
                .expect("FooBot", "http://foo.bar/php/", false)
                .expect("FooBot", "http://foo.bar/index?php", false)
                .expect("FooBot", "http://foo.bar/windows.PHP", false);
        b.file("user-agent: FooBot\ndisallow: /\nallow: /*.php$\n")
                .expect("FooBot", "http://foo.bar/bar", false)
                .expect("FooBot", "http://foo.bar/filename.php", true)
                .expect("FooBot", "http://foo.bar/folder/filename.php", true)
                .expect("FooBot", "http://foo.bar/filename.php?parameters", false)
                .expect("FooBot", "http://foo.bar/filename.php/", false)
                .expect("FooBot", "http://foo.bar/filename.php5", false)
                .expect("FooBot", "http://foo.bar/php/", false)
                .expect("FooBot", "http://foo.bar/filename?php", false)
                .expect("FooBot", "http://foo.bar/aaaphpaaa", false)
                .expect("FooBot", "http://foo.bar//windows.PHP", false);
        b.file("user-agent: FooBot\ndisallow: /\nallow: /fish*.php\n")
                .expect("FooBot", "http://foo.bar/bar", false)
                .expect("FooBot", "http://foo.bar/fish.php", true)
                .expect("FooBot", "http://foo.bar/fishheads/catfish.php?parameters", true)
                .expect("FooBot", "http://foo.bar/Fish.PHP", false);
        b.file("user-agent: FooBot\nallow: /p\ndisallow: /\n").expect("FooBot", "http://example.com/page", true);
        b.file("user-agent: FooBot\nallow: /folder\ndisallow: /folder\n").expect("FooBot", "http://example.com/folder/page", true);
        b.file("user-agent: FooBot\nallow: /page\ndisallow: /*.htm\n").expect("FooBot", "http://example.com/page.htm", false);
        b.file("user-agent: FooBot\nallow: /$\ndisallow: /\n")
                .expect("FooBot", "http://example.com/", true)
                .expect("FooBot", "http://example.com/page.html", false);

        b.group("byte-order mark");
        // Google's parser skips a UTF-8 byte-order mark, whole or cut short, at the start of the file only.
        b.file("\ufeffUser-Agent: foo\nDisallow: /AnyValue\n").expect("foo", "http://foo.bar/AnyValue", false);
        b.file("User-Agent: foo\n\ufeffDisallow: /AnyValue\n").expect("foo", "http://foo.bar/AnyValue", true);

        b.group("other records");
        // A Sitemap line may appear anywhere and does not end a group (RFC 9309 section 2.2.4).
        b.file("User-Agent: foo\nAllow: /some/path\nUser-Agent: bar\n\n\nSitemap: http://foo.bar/sitemap.xml\nDisallow: /\n")
                .expect("bar", "http://foo.bar/x", false).expect("foo", "http://foo.bar/some/path", true);
        b.file("User-agent: BarBot\nSitemap: http://foo.bar/sitemap.xml\nUser-agent: *\nDisallow: /\n")
                .expect("BarBot", "http://foo.bar/", false);
        return List.copyOf(cases);
    }

    private static final String LONG_LINES = "the crawler reads every line whole (RFC 9309 section 2.5 only sets a "
            + "minimum of 500 KiB per file); cutting a rule at Google's line limit changes what it matches";

    private static void fish(Builder b) {
        b.expect("FooBot", "http://foo.bar/bar", false)
                .expect("FooBot", "http://foo.bar/fish", true)
                .expect("FooBot", "http://foo.bar/fish.html", true)
                .expect("FooBot", "http://foo.bar/fish/salmon.html", true)
                .expect("FooBot", "http://foo.bar/fishheads", true)
                .expect("FooBot", "http://foo.bar/fishheads/yummy.html", true)
                .expect("FooBot", "http://foo.bar/fish.html?id=anything", true)
                .expect("FooBot", "http://foo.bar/Fish.asp", false)
                .expect("FooBot", "http://foo.bar/catfish", false)
                .expect("FooBot", "http://foo.bar/?id=fish", false);
    }

    /** Collects rows against the current group name and robots.txt body. */
    private static final class Builder {
        private final List<Case> cases;
        private String group = "";
        private String file = "";

        Builder(List<Case> cases) {
            this.cases = cases;
        }

        void group(String name) {
            group = name;
        }

        Builder file(String body) {
            file = body;
            return this;
        }

        Builder expect(String agent, String url, boolean googleAllows) {
            cases.add(new Case(group, file, agent, url, googleAllows, null));
            return this;
        }

        Builder differs(String agent, String url, boolean googleAllows, String why) {
            cases.add(new Case(group, file, agent, url, googleAllows, why));
            return this;
        }
    }

    private GoogleRobotsCases() {
    }
}
