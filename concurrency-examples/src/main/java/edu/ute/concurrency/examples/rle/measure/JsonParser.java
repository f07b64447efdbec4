package edu.ute.concurrency.examples.rle.measure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON (RFC 8259) to read what another program of this project prints: objects become
 * {@code Map<String, Object>} (in their order), arrays {@code List<Object>}, numbers {@code Double},
 * and {@code true}, {@code false}, {@code null} and strings their Java values. The JDK has no JSON
 * reader, and the project's main code takes no dependency for one.
 *
 * <pre>{@code
 * Map<String, Object> report = JsonParser.object(pythonStdout);
 * }</pre>
 *
 * <p><b>Thread safety.</b> A parser is used by one thread; the static methods make their own.
 */
final class JsonParser {
    private final String text;
    private int pos;

    private JsonParser(String text) {
        this.text = text;
    }

    /** The JSON object that is the whole of {@code text} (whitespace around it allowed). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String text) {
        JsonParser parser = new JsonParser(text);
        parser.skipWhitespace();
        if (!parser.peek('{')) {
            throw parser.error("expected a JSON object");
        }
        Object value = parser.value();
        parser.skipWhitespace();
        if (parser.pos != text.length()) {
            throw parser.error("text after the JSON value");
        }
        return (Map<String, Object>) value;
    }

    private Object value() {
        skipWhitespace();
        if (pos == text.length()) {
            throw error("the text ends where a value should be");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> members();
            case '[' -> elements();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> number();
        };
    }

    private Map<String, Object> members() {
        Map<String, Object> members = new LinkedHashMap<>();
        pos++; // {
        skipWhitespace();
        if (peek('}')) {
            pos++;
            return members;
        }
        while (true) {
            skipWhitespace();
            if (!peek('"')) {
                throw error("expected a member name in quotes");
            }
            String name = string();
            skipWhitespace();
            expect(':');
            members.put(name, value());
            skipWhitespace();
            if (peek(',')) {
                pos++;
            } else {
                expect('}');
                return members;
            }
        }
    }

    private List<Object> elements() {
        List<Object> elements = new ArrayList<>();
        pos++; // [
        skipWhitespace();
        if (peek(']')) {
            pos++;
            return elements;
        }
        while (true) {
            elements.add(value());
            skipWhitespace();
            if (peek(',')) {
                pos++;
            } else {
                expect(']');
                return elements;
            }
        }
    }

    private String string() {
        StringBuilder s = new StringBuilder();
        pos++; // "
        while (true) {
            if (pos >= text.length()) {
                throw error("the text ends inside a string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return s.toString();
            }
            if (c < 0x20) {
                throw error("a control character inside a string");
            }
            if (c != '\\') {
                s.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw error("the text ends inside an escape");
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> s.append(e);
                case 'b' -> s.append('\b');
                case 'f' -> s.append('\f');
                case 'n' -> s.append('\n');
                case 'r' -> s.append('\r');
                case 't' -> s.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw error("a \\u escape needs four hex digits");
                    }
                    try {
                        s.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException x) {
                        throw error("a \\u escape needs four hex digits");
                    }
                    pos += 4;
                }
                default -> throw error("unknown escape \\" + e);
            }
        }
    }

    private Double number() {
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        String n = text.substring(start, pos);
        // RFC 8259 section 6: an optional minus, an integer part without leading zeros, a fraction, an exponent.
        if (!n.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
            pos = start;
            throw error(n.isEmpty() ? "unexpected character '" + text.charAt(start) + "'" : "not a JSON number: " + n);
        }
        return Double.valueOf(n);
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw error("expected " + word);
        }
        pos += word.length();
        return value;
    }

    private void skipWhitespace() {
        while (pos < text.length() && " \t\n\r".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException(message + " at character " + pos);
    }
}
