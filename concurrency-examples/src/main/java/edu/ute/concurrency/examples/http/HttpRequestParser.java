package edu.ute.concurrency.examples.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An incremental HTTP/1.1 request parser (RFC 9112), fed whatever bytes have arrived, in pieces of
 * any size: a request split over a hundred one-byte writes and three requests in one write both
 * parse the same way. One parser serves one connection; the three servers of this package share
 * this class, the NIO event loop feeding it from its buffers, the blocking servers from their reads.
 *
 * <pre>{@code
 * HttpRequestParser parser = new HttpRequestParser(HttpServerConfig.defaults());
 * ByteBuffer bytes = ...;                  // what the socket gave us, flipped for reading
 * ParseResult result;
 * while ((result = parser.parse(bytes)) != null) {
 *     switch (result) {
 *         case HttpRequest request -> answer(request);   // then parse the next pipelined one
 *         case HttpParseError error -> { answerAndClose(error); return; }
 *     }
 * }
 * // null: everything was consumed, read more bytes and call parse again
 * }</pre>
 *
 * <p>Why a byte-at-a-time state machine rather than "read a line, then split it": every byte is
 * checked as it arrives, so four kilobytes of binary garbage are rejected with 400 at the first byte
 * that cannot be part of a request line, without waiting for a CRLF that may never come; and the
 * limits (request line, header section, content) are enforced before anything is buffered beyond
 * them. Request content is read and discarded, with {@code Content-Length} or the chunked transfer
 * coding, so that pipelined requests behind it are found where they start.
 *
 * <p>What is checked, with the status answered: request-line grammar {@code method SP target SP
 * HTTP/d.d} (400; a method longer than any implemented, 501; a request line over the limit, 414;
 * HTTP major version other than 1, 505); header field syntax, including no whitespace before the
 * colon and no obsolete line folding (400); header section and field count limits (431); exactly
 * one valid {@code Host} for HTTP/1.1, at most one for HTTP/1.0 (400); {@code Content-Length}
 * syntax and agreement (400), size (413); {@code Transfer-Encoding} must end in chunked, must not
 * come with {@code Content-Length} or in HTTP/1.0 (400), codings other than chunked (501);
 * {@code Expect} other than 100-continue (417). A bare LF is accepted as a line end, a bare CR is not
 * (RFC 9112 section 2.2); empty lines before a request line are skipped.
 *
 * <p>Not thread-safe: one parser belongs to one connection, used by one thread at a time.
 */
public final class HttpRequestParser {

    /** Where the parser is in the current request, for choosing the timeout that applies. */
    public enum Phase {
        /** No byte of a request yet: the idle timeout applies. */
        IDLE,
        /** Inside a request head: the header timeout, counted from the first byte, applies. */
        HEAD,
        /** Reading and discarding request content: the body timeout applies. */
        CONTENT
    }

    private enum State {
        START, START_CR,
        METHOD, TARGET, VERSION, REQUEST_LINE_CR,
        FIELD_START, FIELD_NAME, FIELD_VALUE, FIELD_CR, HEAD_END_CR,
        CONTENT_FIXED,
        CHUNK_SIZE, CHUNK_EXT, CHUNK_SIZE_CR, CHUNK_DATA, CHUNK_DATA_CR, CHUNK_DATA_LF,
        TRAILER_START, TRAILER_LINE, TRAILER_LINE_CR, TRAILER_END_CR,
        FINISHED
    }

    /** No method this server knows is longer; RFC 9112 section 3 asks for 501 beyond that. */
    private static final int MAX_METHOD_LENGTH = 16;
    private static final int MAX_LEADING_EMPTY_LINE_BYTES = 64;
    private static final byte[] HTTP_SLASH = "HTTP/".getBytes(StandardCharsets.US_ASCII);
    private static final boolean[] TCHAR = new boolean[256];
    private static final boolean[] TARGET_CHAR = new boolean[256];

    static {
        for (int c = '0'; c <= '9'; c++) {
            TCHAR[c] = true;
            TARGET_CHAR[c] = true;
        }
        for (int c = 'a'; c <= 'z'; c++) {
            TCHAR[c] = true;
            TCHAR[c - 'a' + 'A'] = true;
            TARGET_CHAR[c] = true;
            TARGET_CHAR[c - 'a' + 'A'] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TCHAR[c] = true;
        }
        // RFC 3986: unreserved, sub-delims, ':' '@' '/' '?', '%' of pct-encoded, '[' ']' of IP literals
        for (char c : "-._~!$&'()*+,;=:@/?%[]".toCharArray()) {
            TARGET_CHAR[c] = true;
        }
    }

    private final int maxRequestLineBytes;
    private final int maxHeaderBytes;
    private final int maxHeaderFields;
    private final long maxBodyBytes;

    private State state = State.START;
    private ParseResult terminal;

    private byte[] line = new byte[256];
    private int lineLength;
    private int requestLineBytes;
    private int leadingBytes;
    private int headerBytes;
    private int nameEnd;

    private String method;
    private String target;
    private int major;
    private int minor;
    private final List<HttpField> fields = new ArrayList<>();

    private HttpRequest pending;
    private long contentRemaining;
    private long contentTotal;
    private long chunkSize;
    private int chunkDigits;
    private int extensionBytes;
    private int trailerBytes;

    /** A parser with the limits of {@code config}. */
    public HttpRequestParser(HttpServerConfig config) {
        this.maxRequestLineBytes = config.maxRequestLineBytes();
        this.maxHeaderBytes = config.maxHeaderBytes();
        this.maxHeaderFields = config.maxHeaderFields();
        this.maxBodyBytes = config.maxBodyBytes();
    }

    /**
     * Consumes bytes from {@code in} until a request is complete (head and content) or an error is
     * found, and returns it; returns {@code null} when {@code in} is used up first. Bytes after a
     * complete request stay in {@code in} for the next call. After an error every later call
     * returns the same error; after a request whose content was left unread (see
     * {@link HttpRequest#contentUnread()}) every later call returns null and consumes nothing.
     */
    public ParseResult parse(ByteBuffer in) {
        if (state == State.FINISHED) {
            return terminal;
        }
        while (in.hasRemaining()) {
            if (state == State.CONTENT_FIXED || state == State.CHUNK_DATA) {
                int skip = (int) Math.min(in.remaining(), contentRemaining);
                in.position(in.position() + skip);
                contentRemaining -= skip;
                if (contentRemaining == 0) {
                    if (state == State.CONTENT_FIXED) {
                        return complete();
                    }
                    state = State.CHUNK_DATA_CR;
                }
                continue;
            }
            ParseResult result = step(in.get() & 0xFF);
            if (result != null) {
                return result;
            }
        }
        return null;
    }

    /** Which timeout applies now; see {@link Phase}. */
    public Phase phase() {
        return switch (state) {
            case START -> leadingBytes == 0 ? Phase.IDLE : Phase.HEAD;
            case START_CR, METHOD, TARGET, VERSION, REQUEST_LINE_CR,
                 FIELD_START, FIELD_NAME, FIELD_VALUE, FIELD_CR, HEAD_END_CR -> Phase.HEAD;
            case FINISHED -> Phase.IDLE;
            default -> Phase.CONTENT;
        };
    }

    private ParseResult step(int c) {
        return switch (state) {
            case START -> start(c);
            case START_CR -> c == '\n' ? emptyLineBeforeRequest() : fail(400, "bare CR before the request line");
            case METHOD -> method(c);
            case TARGET -> target(c);
            case VERSION -> version(c);
            case REQUEST_LINE_CR -> c == '\n' ? requestLineDone() : fail(400, "bare CR after the HTTP version");
            case FIELD_START -> fieldStart(c);
            case FIELD_NAME -> fieldName(c);
            case FIELD_VALUE -> fieldValue(c);
            case FIELD_CR -> countHeaderByte() ? tooLargeHead()
                    : c == '\n' ? fieldDone() : fail(400, "bare CR in header field " + (fields.size() + 1));
            case HEAD_END_CR -> c == '\n' ? headDone() : fail(400, "bare CR at the end of the header section");
            case CHUNK_SIZE -> chunkSize(c);
            case CHUNK_EXT -> chunkExtension(c);
            case CHUNK_SIZE_CR -> c == '\n' ? chunkSizeDone() : fail(400, "bare CR in a chunk size line");
            case CHUNK_DATA_CR -> c == '\r' ? goTo(State.CHUNK_DATA_LF)
                    : c == '\n' ? goTo(State.CHUNK_SIZE) : fail(400, "chunk data not followed by CRLF");
            case CHUNK_DATA_LF -> c == '\n' ? goTo(State.CHUNK_SIZE) : fail(400, "chunk data not followed by CRLF");
            case TRAILER_START -> trailerStart(c);
            case TRAILER_LINE -> trailerLine(c);
            case TRAILER_LINE_CR -> countTrailerByte() ? tooLargeTrailer()
                    : c == '\n' ? goTo(State.TRAILER_START) : fail(400, "bare CR in a trailer field");
            case TRAILER_END_CR -> c == '\n' ? complete() : fail(400, "bare CR at the end of the trailer section");
            case CONTENT_FIXED, CHUNK_DATA, FINISHED -> throw new IllegalStateException("unreachable: " + state);
        };
    }

    // ---- request line ------------------------------------------------------------------------

    private ParseResult start(int c) {
        if (c == '\r') {
            return countLeading() ? fail(400, "too many empty lines before the request line") : goTo(State.START_CR);
        }
        if (c == '\n') {
            return emptyLineBeforeRequest();
        }
        state = State.METHOD;
        lineLength = 0;
        requestLineBytes = 0;
        return method(c);
    }

    private ParseResult emptyLineBeforeRequest() {
        // RFC 9112 section 2.2: a server SHOULD ignore at least one empty line before the request line
        if (countLeading()) {
            return fail(400, "too many empty lines before the request line");
        }
        state = State.START;
        return null;
    }

    private boolean countLeading() {
        return ++leadingBytes > MAX_LEADING_EMPTY_LINE_BYTES;
    }

    private ParseResult method(int c) {
        requestLineBytes++;
        if (TCHAR[c]) {
            if (lineLength >= MAX_METHOD_LENGTH) {
                return fail(501, "method longer than " + MAX_METHOD_LENGTH
                        + " bytes; no method this server implements is that long");
            }
            append(c);
            return null;
        }
        if (c == ' ' && lineLength > 0) {
            method = text(0, lineLength);
            lineLength = 0;
            state = State.TARGET;
            return null;
        }
        return fail(400, c == ' ' ? "request line starts with whitespace"
                : "byte " + hex(c) + " cannot be part of a method (request line byte " + requestLineBytes + ")");
    }

    private ParseResult target(int c) {
        if (++requestLineBytes > maxRequestLineBytes) {
            return fail(414, "request line longer than " + maxRequestLineBytes + " bytes");
        }
        if (TARGET_CHAR[c]) {
            append(c);
            return null;
        }
        if (c == ' ') {
            if (lineLength == 0) {
                return fail(400, "empty request-target (two spaces after the method)");
            }
            target = text(0, lineLength);
            if (!validPercentEncoding(target)) {
                return fail(400, "'%' not followed by two hex digits in the request-target");
            }
            lineLength = 0;
            state = State.VERSION;
            return null;
        }
        if (c == '\r' || c == '\n') {
            return fail(400, "request line has no HTTP version (HTTP/0.9 requests are not supported)");
        }
        return fail(400, "byte " + hex(c) + " is not allowed in a request-target (request line byte "
                + requestLineBytes + ")");
    }

    private ParseResult version(int c) {
        int at = lineLength++;
        // the line end after HTTP/d.d is not part of the request-line (RFC 9112 section 3)
        if (++requestLineBytes > maxRequestLineBytes && at < 8) {
            return fail(414, "request line longer than " + maxRequestLineBytes + " bytes");
        }
        boolean ok = switch (at) {
            case 0, 1, 2, 3, 4 -> c == HTTP_SLASH[at];
            case 5, 7 -> isDigit(c);
            case 6 -> c == '.';
            default -> false;
        };
        if (at == 5 && ok) {
            major = c - '0';
        } else if (at == 7 && ok) {
            minor = c - '0';
        }
        if (ok) {
            return null;
        }
        if (at == 8 && c == '\r') {
            return goTo(State.REQUEST_LINE_CR);
        }
        if (at == 8 && c == '\n') {
            return requestLineDone();
        }
        return fail(400, "malformed HTTP version at request line byte " + requestLineBytes
                + " (expected HTTP/1.1 followed by CRLF)");
    }

    private ParseResult requestLineDone() {
        if (major != 1) {
            return fail(505, "HTTP/" + major + "." + minor + " is not supported; this server speaks HTTP/1.1");
        }
        fields.clear();
        headerBytes = 0;
        lineLength = 0;
        state = State.FIELD_START;
        return null;
    }

    // ---- header section ----------------------------------------------------------------------

    /** Counts one byte of the header section; true when that crosses the limit. */
    private boolean countHeaderByte() {
        return ++headerBytes > maxHeaderBytes;
    }

    private ParseResult tooLargeHead() {
        return fail(431, "header section larger than " + maxHeaderBytes + " bytes");
    }

    private ParseResult fieldStart(int c) {
        if (c == '\r') {
            return goTo(State.HEAD_END_CR);
        }
        if (c == '\n') {
            return headDone();
        }
        if (countHeaderByte()) {
            return tooLargeHead();
        }
        if (c == ' ' || c == '\t') {
            return fail(400, fields.isEmpty()
                    ? "whitespace between the request line and the first header field"
                    : "obsolete line folding (header line " + (fields.size() + 1) + " starts with whitespace)");
        }
        if (!TCHAR[c]) {
            return fail(400, "byte " + hex(c) + " cannot start a field name (header field " + (fields.size() + 1) + ")");
        }
        if (fields.size() >= maxHeaderFields) {
            return fail(431, "more than " + maxHeaderFields + " header fields");
        }
        lineLength = 0;
        append(c);
        state = State.FIELD_NAME;
        return null;
    }

    private ParseResult fieldName(int c) {
        if (countHeaderByte()) {
            return tooLargeHead();
        }
        if (TCHAR[c]) {
            append(c);
            return null;
        }
        if (c == ':') {
            nameEnd = lineLength;
            state = State.FIELD_VALUE;
            return null;
        }
        if (c == ' ' || c == '\t') {
            // RFC 9112 section 5.1: MUST reject with 400 (a request smuggling vector otherwise)
            return fail(400, "whitespace before ':' in header field " + (fields.size() + 1));
        }
        return fail(400, "byte " + hex(c) + " in the name of header field " + (fields.size() + 1));
    }

    private ParseResult fieldValue(int c) {
        if (countHeaderByte()) {
            return tooLargeHead();
        }
        if (c == '\r') {
            return goTo(State.FIELD_CR);
        }
        if (c == '\n') {
            return fieldDone();
        }
        if (c == '\t' || (c >= 0x20 && c != 0x7F)) {
            append(c);
            return null;
        }
        return fail(400, "control byte " + hex(c) + " in the value of header field " + (fields.size() + 1));
    }

    private ParseResult fieldDone() {
        String name = text(0, nameEnd).toLowerCase(Locale.ROOT);
        int from = nameEnd;
        int to = lineLength;
        while (from < to && (line[from] == ' ' || line[from] == '\t')) {
            from++;
        }
        while (to > from && (line[to - 1] == ' ' || line[to - 1] == '\t')) {
            to--;
        }
        fields.add(new HttpField(name, text(from, to)));
        lineLength = 0;
        state = State.FIELD_START;
        return null;
    }

    /** The head is complete: check the fields that decide framing and semantics. */
    private ParseResult headDone() {
        boolean http11 = minor >= 1;
        int hosts = 0;
        String host = null;
        List<String> contentLengths = new ArrayList<>(1);
        List<String> transferCodings = new ArrayList<>(1);
        boolean closeToken = false;
        boolean keepAliveToken = false;
        String expect = null;
        for (HttpField field : fields) {
            switch (field.name()) {
                case "host" -> {
                    hosts++;
                    host = field.value();
                }
                case "content-length" -> {
                    // RFC 9110 section 8.6: 1*DIGIT; a field with no element is kept as "" to be refused
                    List<String> elements = listElements(field.value());
                    contentLengths.addAll(elements.isEmpty() ? List.of("") : elements);
                }
                case "transfer-encoding" -> transferCodings.addAll(listElements(field.value()));
                case "connection" -> {
                    for (String token : listElements(field.value())) {
                        closeToken |= token.equalsIgnoreCase("close");
                        keepAliveToken |= token.equalsIgnoreCase("keep-alive");
                    }
                }
                case "expect" -> expect = expect == null ? field.value() : expect + "," + field.value();
                default -> { }
            }
        }
        // RFC 9112 section 3.2: 400 for a missing Host in HTTP/1.1, for more than one, for an invalid one
        if (http11 && hosts == 0) {
            return fail(400, "HTTP/1.1 request without a Host header field");
        }
        if (hosts > 1) {
            return fail(400, "more than one Host header field");
        }
        if (host != null && !validHost(host)) {
            return fail(400, "invalid Host header field value");
        }
        String path = pathOf(method, target);
        if (path == null) {
            return fail(400, "request-target is not origin-form, absolute-form, or '*' for OPTIONS");
        }
        boolean chunked = false;
        long length = 0;
        if (!transferCodings.isEmpty()) {
            // RFC 9112 section 6.1 and 6.3: these framings cannot be trusted; reject and close
            if (!http11) {
                return fail(400, "Transfer-Encoding in an HTTP/1.0 request");
            }
            if (!contentLengths.isEmpty()) {
                return fail(400, "both Transfer-Encoding and Content-Length");
            }
            String last = transferCodings.getLast();
            if (!last.equalsIgnoreCase("chunked")) {
                return fail(400, "chunked is not the final transfer coding");
            }
            for (int i = 0; i < transferCodings.size() - 1; i++) {
                String coding = transferCodings.get(i);
                if (coding.equalsIgnoreCase("chunked")) {
                    return fail(400, "chunked applied more than once");
                }
                return fail(501, "transfer coding '" + coding + "' is not implemented");
            }
            chunked = true;
        } else if (!contentLengths.isEmpty()) {
            length = -1;
            for (String value : contentLengths) {
                long parsed = parseContentLength(value);
                if (parsed < 0) {
                    return fail(400, "invalid Content-Length '" + value + "'");
                }
                if (length >= 0 && parsed != length) {
                    return fail(400, "conflicting Content-Length values");
                }
                length = parsed;
            }
            if (length > maxBodyBytes) {
                return fail(413, "content of " + length + " bytes is larger than the limit of "
                        + maxBodyBytes + " bytes");
            }
        }
        boolean expectContinue = false;
        if (expect != null && http11) {
            // RFC 9110 section 10.1.1: a 1.0 client cannot have meant it, so it is ignored there
            if (!expect.trim().equalsIgnoreCase("100-continue")) {
                return fail(417, "only the expectation 100-continue is supported");
            }
            expectContinue = true;
        }
        boolean keepAlive = http11 ? !closeToken : keepAliveToken && !closeToken;
        boolean hasContent = chunked || length > 0;
        if (hasContent && expectContinue) {
            // Our answer never depends on the content, so RFC 9110 lets us send the final status
            // now instead of 100 Continue; the content may or may not follow, so the connection closes.
            HttpRequest request = new HttpRequest(method, target, path, 1, fields, false, true);
            terminal = null; // nothing after this can be parsed: the content's end is unknown
            state = State.FINISHED;
            return request;
        }
        HttpRequest request = new HttpRequest(method, target, path, http11 ? 1 : 0, fields, keepAlive, false);
        if (!hasContent) {
            reset();
            return request;
        }
        pending = request;
        contentTotal = 0;
        if (chunked) {
            chunkSize = 0;
            chunkDigits = 0;
            state = State.CHUNK_SIZE;
        } else {
            contentRemaining = length;
            state = State.CONTENT_FIXED;
        }
        return null;
    }

    // ---- chunked content (RFC 9112 section 7.1), read and discarded ---------------------------

    private ParseResult chunkSize(int c) {
        int digit = Character.digit(c, 16);
        if (digit >= 0) {
            if (++chunkDigits > 15) {
                return fail(413, "chunk size with more than 15 hex digits");
            }
            chunkSize = chunkSize * 16 + digit;
            return null;
        }
        if (chunkDigits == 0) {
            return fail(400, "chunk size missing or invalid (byte " + hex(c) + ")");
        }
        if (c == ';' || c == ' ' || c == '\t') {
            extensionBytes = 0;
            return goTo(State.CHUNK_EXT);
        }
        if (c == '\r') {
            return goTo(State.CHUNK_SIZE_CR);
        }
        if (c == '\n') {
            return chunkSizeDone();
        }
        return fail(400, "byte " + hex(c) + " in a chunk size");
    }

    private ParseResult chunkExtension(int c) {
        if (c == '\r') {
            return goTo(State.CHUNK_SIZE_CR);
        }
        if (c == '\n') {
            return chunkSizeDone();
        }
        if (++extensionBytes > maxRequestLineBytes) {
            return fail(400, "chunk extension longer than " + maxRequestLineBytes + " bytes");
        }
        if ((c < 0x20 && c != '\t') || c == 0x7F) {
            return fail(400, "control byte " + hex(c) + " in a chunk extension");
        }
        return null;
    }

    private ParseResult chunkSizeDone() {
        long size = chunkSize;
        chunkSize = 0;
        chunkDigits = 0;
        if (size == 0) {
            trailerBytes = 0;
            return goTo(State.TRAILER_START);
        }
        contentTotal += size;
        if (contentTotal > maxBodyBytes) {
            return fail(413, "chunked content larger than the limit of " + maxBodyBytes + " bytes");
        }
        contentRemaining = size;
        return goTo(State.CHUNK_DATA);
    }

    private ParseResult trailerStart(int c) {
        if (c == '\r') {
            return goTo(State.TRAILER_END_CR);
        }
        if (c == '\n') {
            return complete();
        }
        return trailerLine(c);
    }

    /** Counts one byte of the trailer section, held to the header section's limit; true when over. */
    private boolean countTrailerByte() {
        return ++trailerBytes > maxHeaderBytes;
    }

    private ParseResult tooLargeTrailer() {
        return fail(431, "trailer section larger than " + maxHeaderBytes + " bytes");
    }

    private ParseResult trailerLine(int c) {
        if (countTrailerByte()) {
            return tooLargeTrailer();
        }
        if (c == '\n') {
            return goTo(State.TRAILER_START);
        }
        if (c == '\r') {
            return goTo(State.TRAILER_LINE_CR);
        }
        if ((c < 0x20 && c != '\t') || c == 0x7F) {
            return fail(400, "control byte " + hex(c) + " in a trailer field");
        }
        state = State.TRAILER_LINE;
        return null;
    }

    // ---- small pieces ------------------------------------------------------------------------

    private ParseResult complete() {
        HttpRequest request = pending;
        reset();
        return request;
    }

    private void reset() {
        state = State.START;
        pending = null;
        leadingBytes = 0;
        lineLength = 0;
        fields.clear();
        if (line.length > 1024) {
            line = new byte[256]; // do not keep a large line buffer alive on an idle connection
        }
    }

    private ParseResult goTo(State next) {
        state = next;
        return null;
    }

    private ParseResult fail(int status, String message) {
        terminal = new HttpParseError(status, message);
        state = State.FINISHED;
        return terminal;
    }

    private void append(int c) {
        if (lineLength == line.length) {
            // bounded: callers check the request-line and header limits before appending
            line = Arrays.copyOf(line, line.length * 2);
        }
        line[lineLength++] = (byte) c;
    }

    private String text(int from, int to) {
        return new String(line, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static String hex(int c) {
        return String.format("0x%02x", c);
    }

    /** The elements of a comma-separated field value (RFC 9110 section 5.6.1), empty ones dropped. */
    private static List<String> listElements(String value) {
        List<String> elements = new ArrayList<>(2);
        for (String element : value.split(",", -1)) {
            String trimmed = element.strip();
            if (!trimmed.isEmpty()) {
                elements.add(trimmed);
            }
        }
        return elements;
    }

    /** 1*DIGIT, at most 18 digits so it cannot overflow; -1 when invalid. */
    private static long parseContentLength(String value) {
        if (value.isEmpty() || value.length() > 18) {
            return -1;
        }
        long result = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            result = result * 10 + (c - '0');
        }
        return result;
    }

    private static boolean validPercentEncoding(String target) {
        for (int i = target.indexOf('%'); i >= 0; i = target.indexOf('%', i + 1)) {
            if (i + 2 >= target.length()
                    || Character.digit(target.charAt(i + 1), 16) < 0
                    || Character.digit(target.charAt(i + 2), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The path of an origin-form or absolute-form target, "*" for OPTIONS *, null when invalid. */
    static String pathOf(String method, String target) {
        if (target.charAt(0) == '/') {
            int query = target.indexOf('?');
            return query < 0 ? target : target.substring(0, query);
        }
        if (target.equals("*")) {
            return method.equals("OPTIONS") ? "*" : null;
        }
        int schemeEnd = target.indexOf("://");
        if (schemeEnd > 0 && target.substring(0, schemeEnd).chars()
                .allMatch(c -> Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.')) {
            int pathStart = schemeEnd + 3;
            while (pathStart < target.length() && target.charAt(pathStart) != '/' && target.charAt(pathStart) != '?') {
                pathStart++;
            }
            if (pathStart == schemeEnd + 3) {
                return null; // no authority
            }
            String rest = target.substring(pathStart);
            int query = rest.indexOf('?');
            String path = query < 0 ? rest : rest.substring(0, query);
            return path.isEmpty() ? "/" : path;
        }
        // authority-form is only for CONNECT, which the server then refuses with 405
        return method.equals("CONNECT") ? target : null;
    }

    /** RFC 9110 section 7.2: uri-host [ ":" port ]; an empty value is allowed. */
    static boolean validHost(String host) {
        int portStart;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 2) {
                return false;
            }
            for (int i = 1; i < close; i++) {
                char c = host.charAt(i);
                if (!(Character.digit(c, 16) >= 0 || c == ':' || c == '.' || c == 'v' || c == 'V')) {
                    return false;
                }
            }
            portStart = close + 1;
            if (portStart < host.length() && host.charAt(portStart) != ':') {
                return false;
            }
        } else {
            int colon = host.indexOf(':');
            portStart = colon < 0 ? host.length() : colon;
            for (int i = 0; i < portStart; i++) {
                char c = host.charAt(i);
                boolean regName = (c < 128 && Character.isLetterOrDigit(c)) || "-._~!$&'()*+,;=%".indexOf(c) >= 0;
                if (!regName) {
                    return false;
                }
            }
        }
        for (int i = portStart + 1; i < host.length(); i++) {
            if (!isDigit(host.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
