package edu.ute.concurrency.links.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads one HTTP/1.1 response to a GET from bytes as they arrive, in any pieces: the message
 * framing of RFC 9112. Feed it with {@link #feed}; tell it when the peer closed with
 * {@link #endOfInput}. It never blocks and never reads ahead of the response it is parsing.
 *
 * <ul>
 *   <li>Status line and header fields (section 2-5): lines end in CRLF or a bare LF (section 2.2
 *       allows both), an obsolete line folding becomes one space (section 5.2), the whole head is
 *       limited to {@value #MAX_HEAD_BYTES} bytes. Interim 1xx responses are skipped (RFC 9110
 *       section 15.2); 101 was not asked for and is an error.</li>
 *   <li>Body length (section 6.3), in the order the RFC gives: none for 204 and 304; chunked when
 *       it is the final transfer coding (section 7.1: sizes, extensions, trailer fields); read until
 *       close for any other transfer coding; else Content-Length, whose repeated values must agree;
 *       else until close.</li>
 *   <li>Persistence (section 9.3): HTTP/1.1 keeps the connection unless {@code Connection: close};
 *       HTTP/1.0 only with {@code keep-alive}. A body read to close, a body cut at the limit, a
 *       Transfer-Encoding beside a Content-Length, or bytes after the response end it.</li>
 * </ul>
 * The body is kept up to a limit chosen from the status and headers ({@link BodyLimit}); if the
 * server sends more, parsing stops there and the response is marked truncated.
 *
 * <p>Not thread-safe: one parser per exchange, used by one thread at a time.
 */
final class ResponseParser {

    /** Limit for the status line and header fields together (and for trailer fields). */
    static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final int MAX_CHUNK_LINE = 4096;

    private enum State { HEAD, LENGTH_BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, BODY_UNTIL_CLOSE, DONE }

    private final BodyLimit limit;
    private State state = State.HEAD;
    private final LineReader line = new LineReader();
    private final List<String> headLines = new ArrayList<>();
    private int headBytes;

    private int status;
    private List<HttpResponse.Header> headers = List.of();
    private boolean persistent;
    private int cap;
    private byte[] body = new byte[0];
    private int bodyLength;
    private long remaining;
    private boolean truncated;
    private boolean receivedAny;

    ResponseParser(BodyLimit limit) {
        this.limit = limit;
    }

    /**
     * Consumes bytes from {@code in} (advancing its position) until the response is complete or
     * the buffer is empty.
     *
     * @return true when the response is complete; bytes left in {@code in} are not part of it
     * @throws HttpFailure if the bytes are not an HTTP/1.1 response
     */
    boolean feed(ByteBuffer in) throws HttpFailure {
        if (in.hasRemaining()) {
            receivedAny = true;
        }
        while (in.hasRemaining() && state != State.DONE) {
            switch (state) {
                case HEAD -> readHead(in);
                case LENGTH_BODY -> {
                    int n = (int) Math.min(remaining, in.remaining());
                    remaining -= n;
                    keep(in, n);
                    if (state != State.DONE && remaining == 0) {
                        state = State.DONE;
                    }
                }
                case CHUNK_SIZE -> {
                    String size = line.read(in, MAX_CHUNK_LINE, "chunk size line");
                    if (size != null) {
                        remaining = chunkSize(size);
                        state = remaining == 0 ? State.TRAILERS : State.CHUNK_DATA;
                    }
                }
                case CHUNK_DATA -> {
                    int n = (int) Math.min(remaining, in.remaining());
                    remaining -= n;
                    keep(in, n);
                    if (state != State.DONE && remaining == 0) {
                        state = State.CHUNK_END;
                    }
                }
                case CHUNK_END -> {
                    String end = line.read(in, MAX_CHUNK_LINE, "chunk end");
                    if (end != null) {
                        if (!end.isEmpty()) {
                            throw new HttpFailure("malformed response: chunk data longer than its size");
                        }
                        state = State.CHUNK_SIZE;
                    }
                }
                case TRAILERS -> {
                    String field = line.read(in, MAX_HEAD_BYTES, "trailer section");
                    if (field != null) {
                        headBytes += field.length() + 2;
                        if (headBytes > 2 * MAX_HEAD_BYTES) {
                            throw new HttpFailure("malformed response: trailer section too large");
                        }
                        if (field.isEmpty()) {
                            state = State.DONE;
                        }
                    }
                }
                case BODY_UNTIL_CLOSE -> keep(in, in.remaining());
                case DONE -> { }
            }
        }
        if (state == State.DONE && in.hasRemaining()) {
            persistent = false;   // bytes after the response: the connection is out of step
        }
        return state == State.DONE;
    }

    /**
     * The server closed the connection (or shut down its side).
     *
     * @return true if that ends the response properly (a body delimited by the close)
     */
    boolean endOfInput() {
        if (state == State.BODY_UNTIL_CLOSE) {
            state = State.DONE;
        }
        persistent = false;
        return state == State.DONE;
    }

    /** True once any byte of a response arrived (a reused connection that closes before that may be retried). */
    boolean receivedAnything() {
        return receivedAny;
    }

    /** True while the head is being read: what a timeout at this point was waiting for. */
    boolean inHead() {
        return state == State.HEAD;
    }

    /** True when the connection may carry another request after this complete response. */
    boolean persistent() {
        return state == State.DONE && persistent;
    }

    HttpResponse response() {
        if (state != State.DONE) {
            throw new IllegalStateException("response not complete");
        }
        return new HttpResponse(status, headers, Arrays.copyOf(body, bodyLength), truncated);
    }

    // ---- head ---------------------------------------------------------------------------------

    private void readHead(ByteBuffer in) throws HttpFailure {
        String text = line.read(in, MAX_HEAD_BYTES - headBytes, "response head");
        if (text == null) {
            return;
        }
        headBytes += text.length() + 2;
        if (headBytes > MAX_HEAD_BYTES) {
            throw new HttpFailure("malformed response: head larger than " + MAX_HEAD_BYTES + " bytes");
        }
        if (!text.isEmpty()) {
            headLines.add(text);
            return;
        }
        if (headLines.isEmpty()) {
            return;   // an empty line before the status line is tolerated
        }
        endOfHead();
    }

    private void endOfHead() throws HttpFailure {
        String statusLine = headLines.get(0);
        boolean http10 = statusLine.startsWith("HTTP/1.0 ");
        if (!(http10 || statusLine.startsWith("HTTP/1.1 ")) || statusLine.length() < 12
                || !isDigits(statusLine, 9, 12) || (statusLine.length() > 12 && statusLine.charAt(12) != ' ')) {
            throw new HttpFailure("malformed response: status line \"" + printable(statusLine) + "\"");
        }
        int code = Integer.parseInt(statusLine.substring(9, 12));
        List<HttpResponse.Header> fields = fields(headLines.subList(1, headLines.size()));
        headLines.clear();
        if (code < 100) {
            throw new HttpFailure("malformed response: status " + code);
        }
        if (code == 101) {
            throw new HttpFailure("malformed response: 101 Switching Protocols was not asked for");
        }
        if (code < 200) {
            headBytes = 0;   // an interim response (100, 103): the final one follows
            return;
        }
        status = code;
        headers = fields;
        persistent = !hasToken(fields, "Connection", "close") && (!http10 || hasToken(fields, "Connection", "keep-alive"));
        cap = Math.max(0, limit.bytesFor(code, fields));
        frameBody(fields, code);
    }

    private void frameBody(List<HttpResponse.Header> fields, int code) throws HttpFailure {
        if (code == 204 || code == 304) {
            state = State.DONE;
            return;
        }
        List<String> codings = tokens(fields, "Transfer-Encoding");
        List<String> lengths = tokens(fields, "Content-Length");
        if (!codings.isEmpty()) {
            if (!lengths.isEmpty()) {
                persistent = false;   // section 6.3 rule 3: a message like this may be an attack
            }
            if (codings.get(codings.size() - 1).equals("chunked")) {
                state = State.CHUNK_SIZE;
            } else {
                state = State.BODY_UNTIL_CLOSE;
                persistent = false;
            }
            return;
        }
        if (!lengths.isEmpty()) {
            String first = lengths.get(0);
            for (String l : lengths) {
                if (!l.equals(first) || l.isEmpty() || l.length() > 18 || !isDigits(l, 0, l.length())) {
                    throw new HttpFailure("malformed response: Content-Length " + printable(String.join(", ", lengths)));
                }
            }
            remaining = Long.parseLong(first);
            body = new byte[(int) Math.min(remaining, cap)];
            state = remaining == 0 ? State.DONE : State.LENGTH_BODY;
            if (remaining > cap) {
                // The limit is known to cut this body: stop after it rather than read on.
                remaining = cap;
                truncated = true;
                persistent = false;
                if (cap == 0) {
                    state = State.DONE;
                }
            }
            return;
        }
        state = State.BODY_UNTIL_CLOSE;
        persistent = false;
    }

    private static List<HttpResponse.Header> fields(List<String> lines) throws HttpFailure {
        List<HttpResponse.Header> fields = new ArrayList<>();
        for (String l : lines) {
            if ((l.charAt(0) == ' ' || l.charAt(0) == '\t') && !fields.isEmpty()) {
                HttpResponse.Header last = fields.remove(fields.size() - 1);   // obs-fold: section 5.2
                fields.add(new HttpResponse.Header(last.name(), (last.value() + " " + l.strip()).strip()));
                continue;
            }
            int colon = l.indexOf(':');
            if (colon <= 0) {
                throw new HttpFailure("malformed response: header line \"" + printable(l) + "\"");
            }
            String name = l.substring(0, colon).strip();
            fields.add(new HttpResponse.Header(name, l.substring(colon + 1).strip()));
        }
        return fields;
    }

    // ---- body ---------------------------------------------------------------------------------

    /** Keeps up to {@code n} body bytes from {@code in}; a byte beyond the cap ends the response. */
    private void keep(ByteBuffer in, int n) {
        int room = cap - bodyLength;
        if (n > room) {
            copy(in, room);
            truncated = true;
            persistent = false;
            state = State.DONE;
            return;
        }
        copy(in, n);
    }

    private void copy(ByteBuffer in, int n) {
        if (bodyLength + n > body.length) {
            int grown = (int) Math.min(cap, Math.max((long) body.length * 2, bodyLength + n + 8192L));
            body = Arrays.copyOf(body, grown);
        }
        in.get(body, bodyLength, n);
        bodyLength += n;
    }

    private static long chunkSize(String line) throws HttpFailure {
        int end = line.indexOf(';');
        String hex = (end < 0 ? line : line.substring(0, end)).strip();
        if (hex.isEmpty() || hex.length() > 12) {
            throw new HttpFailure("malformed response: chunk size \"" + printable(line) + "\"");
        }
        long size = 0;
        for (int i = 0; i < hex.length(); i++) {
            int digit = Character.digit(hex.charAt(i), 16);
            if (digit < 0) {
                throw new HttpFailure("malformed response: chunk size \"" + printable(line) + "\"");
            }
            size = size * 16 + digit;
        }
        return size;
    }

    // ---- small helpers ------------------------------------------------------------------------

    /** The comma-separated elements of every field {@code name}, lowercased, empty ones dropped. */
    private static List<String> tokens(List<HttpResponse.Header> fields, String name) {
        List<String> tokens = new ArrayList<>();
        for (HttpResponse.Header h : fields) {
            if (h.name().equalsIgnoreCase(name)) {
                for (String t : h.value().split(",")) {
                    String token = t.strip().toLowerCase(Locale.ROOT);
                    if (!token.isEmpty()) {
                        tokens.add(token);
                    }
                }
            }
        }
        return tokens;
    }

    private static boolean hasToken(List<HttpResponse.Header> fields, String name, String token) {
        return tokens(fields, name).contains(token);
    }

    private static boolean isDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && i < 80; i++) {
            char c = s.charAt(i);
            sb.append(c >= ' ' && c < 0x7F ? c : '?');
        }
        return sb.toString();
    }

    /** Collects one line across buffers; the line is returned without its CRLF or LF. */
    private static final class LineReader {
        private byte[] bytes = new byte[256];
        private int length;

        /** The next line, or null if its end has not arrived yet. */
        String read(ByteBuffer in, int maxLength, String what) throws HttpFailure {
            while (in.hasRemaining()) {
                byte b = in.get();
                if (b == '\n') {
                    int end = length > 0 && bytes[length - 1] == '\r' ? length - 1 : length;
                    String text = new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
                    length = 0;
                    return text;
                }
                if (length >= maxLength) {
                    throw new HttpFailure("malformed response: " + what + " longer than " + maxLength + " bytes");
                }
                if (length == bytes.length) {
                    bytes = Arrays.copyOf(bytes, bytes.length * 2);
                }
                bytes[length++] = b;
            }
            return null;
        }
    }
}
