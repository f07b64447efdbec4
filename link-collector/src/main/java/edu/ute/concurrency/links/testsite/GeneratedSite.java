package edu.ute.concurrency.links.testsite;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deterministic web site for crawling: a tree of HTML pages with random cross links, and every
 * trap a link checker meets in the wild.
 *
 * <ul>
 *   <li>{@code /} and {@code /page/1.html} ... : the pages. Page {@code i}'s children are
 *       {@code k*i+1 ... k*i+k}, so every page is reachable; seeded random extra links make some
 *       pages reachable by a shorter path than the tree's (a depth test);</li>
 *   <li>the same target written many ways: relative ({@code 7.html}, {@code ../page/7.html}),
 *       absolute path, absolute URL, {@code HTTP://} in capitals, {@code /page/./7.html},
 *       {@code %37.html}, with a {@code #fragment}; plus fragment-only links ({@code #top});</li>
 *   <li>attribute values quoted with {@code "}, {@code '} or not at all, tags in capitals, a link in
 *       a comment and one in a {@code <script>} (both must be ignored);</li>
 *   <li>{@code mailto:}, {@code javascript:}, {@code tel:} links, links to external hosts
 *       ({@code *.invalid}, never resolvable);</li>
 *   <li>broken links: {@code /missing/...} (404), {@code /error/500.html} (500);</li>
 *   <li>{@code /redirect/chain/N}: N redirects (301, 302, 303, 307, 308 in turn, relative Locations)
 *       ending at a page; {@code /redirect/loop/a} and {@code b} redirect to each other;
 *       {@code /redirect/out} leaves the site;</li>
 *   <li>non-HTML resources ({@code /files/report.pdf}, 200 KiB; {@code /files/logo.png});</li>
 *   <li>{@code /robots.txt} disallowing {@code /private/} but allowing {@code /private/public.html};</li>
 *   <li>{@code /base/index.html} with a {@code <base href>}; {@code /search?q=...&lang=...}
 *       linked as {@code &amp;};</li>
 *   <li>what real servers send: {@code /encoded/gzip.html} and {@code /encoded/deflate.html} are
 *       always compressed, whatever the request asked for (RFC 9110 section 12.5.3 allows it when a
 *       request has no {@code Accept-Encoding}), and are the only way to the pages behind them;
 *       {@code /redirect/utf8} answers with a raw UTF-8 {@code Location} ({@code /café/menu.html});
 *       {@code /moved/N.html} redirects to page N, which is also linked directly;</li>
 *   <li>links that look alike and are not: {@code /page/4.html?} beside {@code /page/4.html} (an
 *       empty query is not no query, RFC 3986 section 6.2.3), and with the slow traps
 *       {@code https://} on this plain-HTTP port (another origin, RFC 6454);</li>
 *   <li>with slow traps: {@code /big.html} (6 MiB, links before and after the cap),
 *       {@code /slow/hang.html} (headers and half a page, then nothing, forever), and the
 *       {@code https://} link to this port, whose TLS handshake the site answers with nothing, or
 *       with a plain-text 400 when the ClientHello happens to hold a CR LF.</li>
 * </ul>
 * Thread-safe (no mutable state).
 */
public final class GeneratedSite implements SitePlan {

    public static final String ROBOTS_TXT = """
            # ute-concurrency test site
            User-agent: other-bot
            Disallow: /

            User-agent: *
            Disallow: /private/
            Allow: /private/public.html
            """;

    private static final Pattern PAGE = Pattern.compile("/page/(\\d+)\\.html");
    private static final Pattern CHAIN = Pattern.compile("/redirect/chain/(\\d+)");
    private static final Pattern MOVED = Pattern.compile("/moved/(\\d+)\\.html");
    /** The path {@code /redirect/utf8} sends in its Location, as UTF-8 bytes on the wire. */
    public static final String UTF8_LOCATION = "/caf\u00e9/menu.html";
    /** The same path as a URL carries it: percent-encoded UTF-8. */
    public static final String UTF8_TARGET = "/caf%C3%A9/menu.html";
    private static final int[] REDIRECT_CODES = {301, 302, 303, 307, 308};

    private final SiteSpec spec;
    private final int fanOut;

    public GeneratedSite(SiteSpec spec) {
        this.spec = spec;
        this.fanOut = Math.max(2, spec.linksPerPage() - 3);
    }

    public SiteSpec spec() {
        return spec;
    }

    @Override
    public SiteResponse respond(String path, String query, String baseUrl) {
        if (path.equals("/")) {
            return SiteResponse.html(page(0, baseUrl));
        }
        Matcher m = PAGE.matcher(path);
        if (m.matches()) {
            int i = Integer.parseInt(m.group(1));
            return i >= 1 && i < spec.pages() && m.group(1).equals(String.valueOf(i))
                    ? SiteResponse.html(page(i, baseUrl)) : SiteResponse.notFound();
        }
        Matcher chain = CHAIN.matcher(path);
        if (chain.matches()) {
            int n = Integer.parseInt(chain.group(1));
            if (n == 0) {
                return SiteResponse.redirect(301, "../../page/5.html");
            }
            return SiteResponse.redirect(REDIRECT_CODES[n % REDIRECT_CODES.length], String.valueOf(n - 1));
        }
        Matcher moved = MOVED.matcher(path);
        if (moved.matches()) {
            int i = Integer.parseInt(moved.group(1));
            return i >= 0 && i < spec.pages() ? SiteResponse.redirect(301, pagePath(i)) : SiteResponse.notFound();
        }
        return switch (path) {
            case "/robots.txt" -> SiteResponse.of(200, "text/plain", ROBOTS_TXT.getBytes(StandardCharsets.US_ASCII));
            case "/redirect/loop/a" -> SiteResponse.redirect(302, "b");
            case "/redirect/loop/b" -> SiteResponse.redirect(307, "/redirect/loop/a");
            case "/redirect/out" -> SiteResponse.redirect(302, "https://example.invalid/landing");
            case "/redirect/utf8" -> SiteResponse.redirect(302, SiteResponse.rawUtf8(UTF8_LOCATION));
            case UTF8_TARGET -> SiteResponse.html("<h1>menu</h1><a href=\"/page/6.html\">6</a>");
            case "/encoded/gzip.html" -> SiteResponse.html(
                    "<!DOCTYPE html><h1>compressed</h1><a href=\"behind-gzip.html\">behind</a>").gzipped();
            case "/encoded/deflate.html" -> SiteResponse.html(
                    "<!DOCTYPE html><h1>compressed</h1><a href=\"behind-deflate.html\">behind</a>").deflated();
            case "/encoded/behind-gzip.html", "/encoded/behind-deflate.html" -> SiteResponse.html(
                    "<p>only reachable through a compressed page</p>");
            case "/error/500.html" -> SiteResponse.html(500, "<h1>Internal error</h1><a href=/page/1.html>x</a>");
            case "/files/report.pdf" -> SiteResponse.of(200, "application/pdf", new byte[200 * 1024]);
            case "/files/logo.png" -> SiteResponse.of(200, "image/png", new byte[2048]);
            case "/private/secret.html" -> SiteResponse.html("<h1>secret</h1><a href=/private/deeper.html>x</a>");
            case "/private/public.html" -> SiteResponse.html("<h1>public</h1><a href=/page/2.html>2</a>");
            case "/base/index.html" -> SiteResponse.html("""
                    <html><head><base href="/page/"></head><body>
                    <a href="3.html">3</a> <a href='../private/public.html'>public</a>
                    <a href=/base/other.html>other</a></body></html>
                    """);
            case "/base/other.html" -> SiteResponse.html("<p>other</p>");
            case "/search" -> SiteResponse.html("<p>results for " + (query == null ? "" : query.replace("<", "")) + "</p>");
            case "/big.html" -> spec.slowTraps() ? SiteResponse.huge(
                    "<!DOCTYPE html><html><body><a href=\"/page/1.html\">1</a><a href=\"/page/2.html\">2</a>\n",
                    "<a href=\"/beyond-the-cap.html\">never read</a></body></html>\n", spec.hugeBytes())
                    : SiteResponse.notFound();
            case "/slow/hang.html" -> spec.slowTraps()
                    ? SiteResponse.hanging("<!DOCTYPE html><html><body><a href=\"/page/3.html\">3</a>\n")
                    : SiteResponse.notFound();
            default -> SiteResponse.notFound();
        };
    }

    /** The path of page {@code i}. */
    public static String pagePath(int i) {
        return i == 0 ? "/" : "/page/" + i + ".html";
    }

    /** The children of page {@code i} in the tree. */
    public List<Integer> children(int i) {
        List<Integer> children = new ArrayList<>();
        for (int k = 1; k <= fanOut; k++) {
            long child = (long) fanOut * i + k;
            if (child < spec.pages()) {
                children.add((int) child);
            }
        }
        return children;
    }

    private String page(int i, String baseUrl) {
        // One Random per page, seeded by the page number: the page is the same whatever the order
        // in which the crawler asks for pages.
        Random random = new Random(spec.seed() * 1_000_003L + i);
        StringBuilder html = new StringBuilder(2048);
        html.append("<!DOCTYPE html>\n<html><head><title>Page ").append(i).append("</title></head>\n")
                .append("<BODY id=top>\n<h1>Page ").append(i).append("</h1>\n")
                .append("<!-- <a href=\"/commented-out.html\">an old link</a> -->\n")
                .append("<script>var s = '<a href=\"/in-script.html\">'; if (a < b && c > d) {}</script>\n");
        if (i == 0) {
            // First on the page, so its redirect races the fetch of page 1, which links page 8 directly.
            html.append("<p><a href=\"/moved/8.html\">what's new</a></p>\n");
        }
        html.append("<ul>\n");
        List<Integer> targets = new ArrayList<>(children(i));
        while (targets.size() < spec.linksPerPage() - 2) {
            targets.add(1 + random.nextInt(spec.pages() - 1));
        }
        for (int j : targets) {
            html.append("<li>").append(anchor(i, j, baseUrl, random)).append("</li>\n");
        }
        html.append("</ul>\n<a href=\"#top\">top</a>\n");
        int extra = random.nextInt(100);
        if (extra < 6) {
            html.append("<a href=\"/missing/p").append(i).append(".html\">gone</a>\n");
        } else if (extra < 9) {
            html.append("<a href=\"https://www.example.invalid/ref/").append(i).append("\">elsewhere</a>\n");
        } else if (extra < 12) {
            html.append("<a href=\"mailto:page").append(i).append("@example.invalid\">mail</a>\n");
        } else if (extra < 14) {
            html.append("<a href=\"/error/500.html\">flaky</a>\n");
        } else if (extra < 16) {
            html.append("<a href=\"/redirect/chain/3\">moved</a>\n");
        } else if (extra < 22) {
            html.append("<a href=\"/moved/").append(1 + random.nextInt(spec.pages() - 1)).append(".html\">moved</a>\n");
        }
        if (i == 0) {
            html.append(traps(baseUrl));
        }
        html.append("</BODY></html>\n");
        return html.toString();
    }

    /** One link from page {@code from} to page {@code to}, written in one of many equivalent ways. */
    private String anchor(int from, int to, String baseUrl, Random random) {
        String target = pagePath(to);
        String href = switch (random.nextInt(9)) {
            case 0 -> from == 0 ? target.substring(1) : to + ".html";
            case 1 -> from == 0 ? "./" + target.substring(1) : "../page/" + to + ".html";
            case 2 -> baseUrl + target;
            case 3 -> "HTTP://" + baseUrl.substring("http://".length()) + target + "#section-2";
            case 4 -> to == 0 ? "/" : "/page/./" + to + ".html";
            case 5 -> to == 0 ? "/#x" : "/page/%3" + String.valueOf(to).charAt(0) + String.valueOf(to).substring(1) + ".html";
            default -> target;
        };
        return switch (random.nextInt(4)) {
            case 0 -> "<a href='" + href + "'>page " + to + "</a>";
            case 1 -> "<A HREF=" + href + ">page " + to + "</A>";
            default -> "<a class=\"nav\" href=\"" + href + "\">page " + to + "</a>";
        };
    }

    private String traps(String baseUrl) {
        StringBuilder s = new StringBuilder("<h2>Traps</h2>\n<ul>\n");
        String[] hrefs = {
            "/missing/index.html", "/error/500.html", "/redirect/chain/4", "/redirect/chain/12",
            "/redirect/loop/a", "/redirect/out", "/files/report.pdf", "/files/logo.png",
            "/private/secret.html", "/private/public.html", "/base/index.html",
            "/search?q=links&amp;lang=en", "https://example.invalid/", "http://other.invalid:8080/x",
            "mailto:webmaster@example.invalid", "javascript:void(0)", "tel:+15550100",
            "data:text/plain,hello", "#", "",
            "/encoded/gzip.html", "/encoded/deflate.html", "/redirect/utf8", "/page/4.html?", "/moved/9.html",
        };
        for (String href : hrefs) {
            s.append("<li><a href=\"").append(href).append("\">trap</a></li>\n");
        }
        if (spec.slowTraps()) {
            s.append("<li><a href=\"/big.html\">huge</a></li>\n<li><a href=\"/slow/hang.html\">hangs</a></li>\n");
            // https on this plain-HTTP port: a TLS handshake with a server that waits for a request
            // line, so checking it costs the request timeout.
            s.append("<li><a href=\"").append(baseUrl.replaceFirst("^http:", "https:")).append("/page/7.html\">tls?</a></li>\n");
        }
        return s.append("</ul>\n").toString();
    }
}
