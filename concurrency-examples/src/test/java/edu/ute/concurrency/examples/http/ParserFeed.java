package edu.ute.concurrency.examples.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Feeds text to an {@link HttpRequestParser} the way a connection would, for the parser's rule
 * tests. Text is sent as ISO-8859-1, so {@code "\u00fc"} is the single byte 0xFC.
 */
final class ParserFeed {

    private ParserFeed() {
    }

    /** Every result of parsing {@code text} in one piece, stopping after an error. */
    static List<ParseResult> results(HttpServerConfig config, String text) {
        HttpRequestParser parser = new HttpRequestParser(config);
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
        List<ParseResult> results = new ArrayList<>();
        ParseResult result;
        while ((result = parser.parse(bytes)) != null) {
            results.add(result);
            if (result instanceof HttpParseError) {
                break;
            }
        }
        return results;
    }

    /** The one request {@code text} holds; fails the test if it holds anything else. */
    static HttpRequest request(HttpServerConfig config, String text) {
        List<ParseResult> results = results(config, text);
        assertThat(results).as(text).hasSize(1).first().isInstanceOf(HttpRequest.class);
        return (HttpRequest) results.getFirst();
    }

    /** The error {@code text} ends in; fails the test if it parses without one. */
    static HttpParseError error(HttpServerConfig config, String text) {
        List<ParseResult> results = results(config, text);
        assertThat(results).as(text).isNotEmpty().last().isInstanceOf(HttpParseError.class);
        return (HttpParseError) results.getLast();
    }

    /**
     * How many bytes of {@code text} the parser had consumed when it answered with an error, which
     * shows the byte at which a limit was found to be crossed.
     */
    static int bytesReadBeforeError(HttpServerConfig config, String text) {
        HttpRequestParser parser = new HttpRequestParser(config);
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
        ParseResult result;
        do {
            result = parser.parse(bytes);
            assertThat(result).as("parsed without an error: %s", text).isNotNull();
        } while (result instanceof HttpRequest);
        return bytes.position();
    }
}
