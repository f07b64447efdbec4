package edu.ute.concurrency.links.report;

import edu.ute.concurrency.links.crawl.CrawlResult;
import edu.ute.concurrency.links.crawl.CrawlResult.BrokenLink;
import edu.ute.concurrency.links.crawl.CrawlResult.Page;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The three output formats of the link collector ({@code --format}):
 * <ul>
 *   <li>{@code text}: a summary, the broken links with the pages that link to them, the pages;</li>
 *   <li>{@code json}: everything, one object ({@code summary}, {@code brokenLinks}, {@code pages}
 *       with their links, {@code redirects}, and {@code linkStatus}: every link's status, as in the
 *       CSV);</li>
 *   <li>{@code csv}: one row per link of every page: {@code page,link,status} (RFC 4180 quoting),
 *       the form spreadsheets and {@code grep} like.</li>
 * </ul>
 * Output order is the result's canonical order, so two runs give identical files. Stateless.
 */
public enum ReportFormat {
    TEXT, JSON, CSV;

    /** Parses the command-line spelling. */
    public static ReportFormat fromOption(String text) {
        for (ReportFormat f : values()) {
            if (f.name().toLowerCase(Locale.ROOT).equals(text)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format \"" + text + "\" (expected text, json or csv)");
    }

    /** Writes {@code result} to {@code out} (not closed). */
    public void write(CrawlResult result, PrintWriter out) {
        switch (this) {
            case TEXT -> writeText(result, out);
            case JSON -> writeJson(result, out);
            case CSV -> writeCsv(result, out);
        }
        out.flush();
    }

    private static void writeText(CrawlResult r, PrintWriter out) {
        CrawlResult.Summary s = r.summary();
        long unread = r.pages().stream().filter(p -> !p.problem().isEmpty()).count();
        out.printf("Crawl of %s: %d pages, %d URLs fetched, %d broken links%s%s%n", r.startUrl(), s.pages(),
                s.fetched(), s.broken(), unread == 0 ? "" : ", " + unread + " pages whose links could not be read",
                s.complete() ? "" : " (stopped early: " + s.stopReason() + ")");
        out.println();
        out.printf("Broken links (%d):%n", r.brokenLinks().size());
        for (BrokenLink b : r.brokenLinks()) {
            out.printf("  %s  [%s]%s%n", b.url(), b.reason(), b.finalUrl().equals(b.url()) ? "" : " via " + b.finalUrl());
            for (String from : b.linkedFrom()) {
                out.printf("      linked from %s%n", from);
            }
        }
        out.println();
        out.printf("Pages (%d):%n", r.pages().size());
        for (Page p : r.pages()) {
            out.printf("  %s  %d %s, depth %d, %d links%s%s%n", p.url(), p.status(), p.contentType().isEmpty() ? "?" : p.contentType(),
                    p.depth(), p.links().size(), p.truncated() ? ", cut at " + p.bytes() + " bytes" : "",
                    p.problem().isEmpty() ? "" : ", " + p.problem());
        }
        if (!r.redirects().isEmpty()) {
            out.println();
            out.printf("Redirects (%d):%n", r.redirects().size());
            r.redirects().forEach((from, to) -> out.printf("  %s -> %s%n", from, to));
        }
    }

    private static void writeCsv(CrawlResult r, PrintWriter out) {
        out.print("page,link,status\r\n");
        for (Page p : r.pages()) {
            for (String link : p.links()) {
                out.print(csv(p.url()) + "," + csv(link) + "," + csv(r.linkStatus().get(link)) + "\r\n");
            }
            for (String link : p.malformedLinks()) {
                out.print(csv(p.url()) + "," + csv(link) + "," + csv("malformed URL") + "\r\n");
            }
        }
    }

    private static String csv(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }

    /** Written with appends, not printf: a report of a thousand pages is thousands of lines. */
    private static void writeJson(CrawlResult r, PrintWriter out) {
        String nl = System.lineSeparator();
        CrawlResult.Summary s = r.summary();
        StringBuilder sb = new StringBuilder(64 * 1024);
        sb.append('{').append(nl);
        sb.append("  \"startUrl\": ").append(json(r.startUrl())).append(',').append(nl);
        sb.append("  \"summary\": {\"pages\": ").append(s.pages()).append(", \"fetched\": ").append(s.fetched())
                .append(", \"broken\": ").append(s.broken()).append(", \"complete\": ").append(s.complete())
                .append(", \"stopReason\": ").append(json(s.stopReason())).append("},").append(nl);
        sb.append("  \"brokenLinks\": [").append(nl);
        List<BrokenLink> broken = r.brokenLinks();
        for (int i = 0; i < broken.size(); i++) {
            BrokenLink b = broken.get(i);
            sb.append("    {\"url\": ").append(json(b.url())).append(", \"reason\": ").append(json(b.reason()))
                    .append(", \"status\": ").append(b.status()).append(", \"finalUrl\": ").append(json(b.finalUrl()))
                    .append(", \"linkedFrom\": ").append(jsonArray(b.linkedFrom())).append('}')
                    .append(i + 1 < broken.size() ? "," : "").append(nl);
        }
        sb.append("  ],").append(nl);
        sb.append("  \"pages\": [").append(nl);
        List<Page> pages = r.pages();
        for (int i = 0; i < pages.size(); i++) {
            Page p = pages.get(i);
            sb.append("    {\"url\": ").append(json(p.url())).append(", \"depth\": ").append(p.depth())
                    .append(", \"status\": ").append(p.status()).append(", \"contentType\": ").append(json(p.contentType()))
                    .append(", \"bytes\": ").append(p.bytes()).append(", \"truncated\": ").append(p.truncated())
                    .append(", \"links\": ").append(jsonArray(p.links()))
                    .append(", \"malformedLinks\": ").append(jsonArray(p.malformedLinks()))
                    .append(", \"problem\": ").append(json(p.problem())).append('}')
                    .append(i + 1 < pages.size() ? "," : "").append(nl);
            if (sb.length() > 48 * 1024) {
                out.append(sb);
                sb.setLength(0);
            }
        }
        sb.append("  ],").append(nl);
        sb.append("  \"redirects\": ").append(jsonObject(r.redirects(), "")).append(',').append(nl);
        sb.append("  \"linkStatus\": ").append(jsonObject(r.linkStatus(), "    ")).append(nl);
        sb.append('}').append(nl);
        out.append(sb);
    }

    /** An object of string members, on one line, or one member per line indented by {@code indent}. */
    private static String jsonObject(Map<String, String> members, String indent) {
        if (members.isEmpty()) {
            return "{}";
        }
        String separator = indent.isEmpty() ? ", " : "," + System.lineSeparator() + indent;
        StringBuilder sb = new StringBuilder("{").append(indent.isEmpty() ? "" : System.lineSeparator() + indent);
        int n = 0;
        for (Map.Entry<String, String> e : members.entrySet()) {
            sb.append(n++ == 0 ? "" : separator).append(json(e.getKey())).append(": ").append(json(e.getValue()));
        }
        return sb.append(indent.isEmpty() ? "" : System.lineSeparator() + "  ").append('}').toString();
    }

    private static String jsonArray(List<String> values) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(json(values.get(i)));
        }
        return sb.append(']').toString();
    }

    /** A JSON string literal (RFC 8259 escaping). */
    static String json(String s) {
        boolean plain = true;
        for (int i = 0; i < s.length() && plain; i++) {
            char c = s.charAt(i);
            plain = c >= 0x20 && c != '"' && c != '\\';
        }
        if (plain) {
            return "\"" + s + "\"";   // URLs, nearly always: nothing to escape
        }
        StringBuilder sb = new StringBuilder(s.length() + 8).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
