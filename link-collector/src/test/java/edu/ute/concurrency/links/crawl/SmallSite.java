package edu.ute.concurrency.links.crawl;

import edu.ute.concurrency.links.testsite.SitePlan;
import edu.ute.concurrency.links.testsite.SiteResponse;

/**
 * A six-resource site small enough to check the crawl result by hand:
 * <pre>
 * /          -> a.html, /b.html#x, HTTP://host/a.html (same as a.html), mailto:, /missing.html (404),
 *               https://elsewhere.invalid/ (out of scope), /moved (301 to /b.html)
 * /a.html    -> /, c.html
 * /b.html    -> ./a.html, img /logo.png
 * /c.html    -> (no links)                 depth 2
 * /logo.png     image/png, not parsed      depth 2
 * robots.txt    404: everything allowed
 * </pre>
 */
final class SmallSite implements SitePlan {

    @Override
    public SiteResponse respond(String path, String query, String baseUrl) {
        return switch (path) {
            case "/" -> SiteResponse.html("""
                    <html><body>
                    <a href="a.html">a</a> <a href="/b.html#x">b</a> <a href="HTTP://%s/a.html">a again</a>
                    <a href="mailto:me@example.invalid">mail</a> <a href="/missing.html">gone</a>
                    <a href="https://elsewhere.invalid/">elsewhere</a> <a href=/moved>moved</a>
                    </body></html>
                    """.formatted(baseUrl.substring("http://".length())));
            case "/a.html" -> SiteResponse.html("<a href=\"/\">home</a> <a href='c.html'>c</a>");
            case "/b.html" -> SiteResponse.html("<a href=./a.html>a</a><img src=\"/logo.png\">");
            case "/c.html" -> SiteResponse.html("<p>leaf</p>");
            case "/logo.png" -> SiteResponse.of(200, "image/png", new byte[100]);
            case "/moved" -> SiteResponse.redirect(301, "/b.html");
            default -> SiteResponse.notFound();
        };
    }
}
