package edu.ute.concurrency.examples.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one request costs in user code, before any system call: parsing a typical browser-like
 * request head, and building the answer to it. Compare with the load comparison's requests per
 * server CPU-second, most of which is the kernel's read, write and epoll: the parser and writer are a
 * small part of it, so the design (threads or a selector) decides the speed, not the parsing.
 *
 * <p>HOW TO RUN (from the repository root, about 30 s):
 * <pre>
 * mvn -q -pl concurrency-examples -am compile exec:exec -Dbench=concurrency-examples \
 *     -Djmh.args="-f 1 -wi 2 -i 3 -w 1s -r 1s HttpRequestParserBenchmark"
 * </pre>
 * Expect parsing to take a few nanoseconds a byte of the head (the parser looks at every byte once)
 * and building the answer far less (the page is prebuilt, the date formatted once a second);
 * docs/measurements.md has a run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class HttpRequestParserBenchmark {

    private static final byte[] REQUEST = ("""
            GET /stats?page=1 HTTP/1.1\r
            Host: localhost:8080\r
            User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0\r
            Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r
            Accept-Language: en-US,en;q=0.5\r
            Accept-Encoding: gzip, deflate\r
            Connection: keep-alive\r
            \r
            """).getBytes(StandardCharsets.US_ASCII);

    private final HttpRequestParser parser = new HttpRequestParser(HttpServerConfig.defaults());
    private final ByteBuffer buffer = ByteBuffer.wrap(REQUEST);
    private final DemoSite site = new DemoSite("bench", new ServerStats());
    private final HttpResponseWriter writer = new HttpResponseWriter();
    private final HttpRequest homeRequest = (HttpRequest) new HttpRequestParser(HttpServerConfig.defaults())
            .parse(ByteBuffer.wrap("GET / HTTP/1.1\r\nHost: h\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));

    @Benchmark
    public ParseResult parseBrowserRequest() {
        buffer.clear();
        return parser.parse(buffer);
    }

    @Benchmark
    public byte[] answerHomePage() {
        return writer.encode(site.respond(homeRequest));
    }
}
