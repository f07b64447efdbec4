package edu.ute.concurrency.examples.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the servers serve, and how every parse result becomes a response: {@code GET /} a small HTML
 * page, {@code GET /stats} the live counters of {@link ServerStats}, 404 for other paths, 405 for
 * other standard methods and 501 for unknown ones (both with {@code Allow}), and an error page for
 * every {@link HttpParseError}. Shared by the three servers, so they differ only in how they move
 * bytes.
 *
 * <pre>{@code
 * DemoSite site = new DemoSite("nio", stats);
 * HttpResponse response = site.respond(parseResult);
 * }</pre>
 *
 * <p>Methods are case-sensitive (RFC 9110 section 9.1): {@code get} is not a method this server
 * knows, so it is answered 501, not served.
 *
 * <p>Thread-safe: the home page is built once; the stats page reads thread-safe counters.
 */
public final class DemoSite {

    static final String HTML = "text/html; charset=utf-8";
    private static final List<HttpField> ALLOW = List.of(new HttpField("Allow", "GET, HEAD"));
    /** The methods RFC 9110 and RFC 5789 (PATCH) define: known, just not allowed here, so 405. */
    private static final Set<String> KNOWN_METHODS =
            Set.of("POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");

    private final String serverName;
    private final ServerStats stats;
    private final byte[] homePage;
    private final Instant started = Instant.now();

    /**
     * @param serverName the design serving the site, shown on the pages, e.g. {@code "nio"}
     * @param stats      the counters the {@code /stats} page shows
     */
    public DemoSite(String serverName, ServerStats stats) {
        this.serverName = serverName;
        this.stats = stats;
        this.homePage = homePage(serverName);
    }

    /** The page {@code GET /} returns; the load benchmarks serve exactly these bytes everywhere. */
    public static byte[] homePage(String serverName) {
        return ("""
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>ute-concurrency HTTP server</title></head>
                <body>
                <h1>Xin chào from the %s server</h1>
                <p>An HTTP/1.1 server written with the JDK only. See <a href="/stats">/stats</a> for live counters.</p>
                </body>
                </html>
                """).formatted(escape(serverName)).getBytes(StandardCharsets.UTF_8);
    }

    /** The response to a parsed request or to a parse error. */
    public HttpResponse respond(ParseResult result) {
        return switch (result) {
            case HttpParseError error -> errorPage(error.status(), error.message(),
                    error.status() == 501 ? ALLOW : List.of(), false, true);
            case HttpRequest request -> respond(request);
        };
    }

    private HttpResponse respond(HttpRequest request) {
        boolean head = request.method().equals("HEAD");
        boolean close = !request.keepAlive() || request.contentUnread();
        if (!head && !request.method().equals("GET")) {
            int status = KNOWN_METHODS.contains(request.method()) ? 405 : 501;
            return errorPage(status, "this server only answers GET and HEAD", ALLOW, false, close);
        }
        return switch (request.path()) {
            case "/" -> new HttpResponse(200, HTML, List.of(), homePage, head, close);
            case "/stats" -> new HttpResponse(200, HTML, List.of(new HttpField("Cache-Control", "no-store")),
                    statsPage(), head, close);
            default -> errorPage(404, "no page at this path", List.of(), head, close);
        };
    }

    /** A small HTML error page; errors found by the parser always close the connection. */
    public static HttpResponse errorPage(int status, String message, List<HttpField> fields,
                                         boolean headOnly, boolean close) {
        String reason = HttpResponseWriter.reasonPhrase(status);
        byte[] page = """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>%d %s</title></head>
                <body><h1>%d %s</h1><p>%s</p></body></html>
                """.formatted(status, reason, status, reason, escape(message)).getBytes(StandardCharsets.UTF_8);
        return new HttpResponse(status, HTML, fields, page, headOnly, close);
    }

    private byte[] statsPage() {
        StringBuilder rows = new StringBuilder();
        for (Map.Entry<Integer, Long> entry : stats.responsesByStatus().entrySet()) {
            rows.append("<tr><td>").append(entry.getKey()).append(' ')
                    .append(HttpResponseWriter.reasonPhrase(entry.getKey()))
                    .append("</td><td>").append(entry.getValue()).append("</td></tr>\n");
        }
        Duration uptime = Duration.between(started, Instant.now());
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>%s server stats</title></head>
                <body>
                <h1>%s server stats</h1>
                <table>
                <tr><td>uptime (s)</td><td>%d</td></tr>
                <tr><td>connections open</td><td>%d</td></tr>
                <tr><td>connections accepted</td><td>%d</td></tr>
                <tr><td>requests served</td><td>%d</td></tr>
                </table>
                <h2>Responses by status</h2>
                <table>
                %s</table>
                </body>
                </html>
                """.formatted(escape(serverName), escape(serverName), uptime.toSeconds(),
                stats.connectionsOpen(), stats.connectionsAccepted(), stats.responsesSent(), rows)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
