package edu.ute.concurrency.examples.http.load;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small HTTP load generator in the spirit of {@code wrk}: N keep-alive connections, each sending
 * {@code GET} and waiting for the complete response before sending the next, all driven by one
 * thread and one selector so that the generator itself stays cheap. Bounded by a request count and
 * by time; loopback addresses only (it is a benchmark for this machine, not a tool to load
 * somebody else's server).
 *
 * <pre>{@code
 * LoadGenerator.Result result = LoadGenerator.run(URI.create("http://127.0.0.1:8080/"),
 *         100, Duration.ofSeconds(5), 1_000_000);
 * System.out.println(result.requestsPerSecond() + " req/s, p99 " + result.p99Millis() + " ms");
 * }</pre>
 *
 * <p>What counts as an error: a status other than 200, a connection that fails, is reset or closes
 * mid-response, and a response still missing after {@link #RESPONSE_TIMEOUT} (counted at the end of
 * the run, like wrk's timeouts). A failed connection is reopened. Latency is measured from writing
 * the request to reading the last byte of the response, per request, in microseconds.
 *
 * <p>Not thread-safe and not meant to be: {@link #run} is one call on one thread.
 */
public final class LoadGenerator {

    /** A response slower than this is an error (wrk's default timeout is 2 s too). */
    public static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(2);

    /**
     * What one run measured.
     *
     * @param requests   complete 200 responses
     * @param errors     failed or timed-out requests, failed connections
     * @param seconds    the length of the run
     * @param p50Micros  median latency
     * @param p99Micros  99th percentile latency
     * @param maxMicros  slowest response
     */
    public record Result(long requests, long errors, double seconds, long p50Micros, long p99Micros, long maxMicros) {

        public double requestsPerSecond() {
            return requests / seconds;
        }

        public double p50Millis() {
            return p50Micros / 1000.0;
        }

        public double p99Millis() {
            return p99Micros / 1000.0;
        }
    }

    private final InetSocketAddress address;
    private final byte[] request;
    private final int connectionCount;
    private final long maxRequests;
    private final long[] latencies;
    private int recorded;
    private long completed;
    private long started;
    private long errors;
    private long endAt;

    private LoadGenerator(URI url, int connections, long maxRequests) throws UnknownHostException {
        if (!"http".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException("expected an http:// URL, got " + url);
        }
        InetAddress host = InetAddress.getByName(url.getHost());
        if (!host.isLoopbackAddress()) {
            throw new IllegalArgumentException("loopback only: " + url.getHost() + " is not a loopback address");
        }
        if (connections < 1 || maxRequests < 1) {
            throw new IllegalArgumentException("connections and maxRequests must be positive");
        }
        int port = url.getPort() < 0 ? 80 : url.getPort();
        this.address = new InetSocketAddress(host, port);
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        this.request = ("GET " + path + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + port + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        this.connectionCount = connections;
        this.maxRequests = maxRequests;
        this.latencies = new long[(int) Math.min(maxRequests, 20_000_000)];
    }

    /**
     * Loads {@code url} with {@code connections} keep-alive connections until {@code duration} has
     * passed or {@code maxRequests} requests have been sent, and reports what it measured.
     */
    public static Result run(URI url, int connections, Duration duration, long maxRequests) throws IOException {
        return new LoadGenerator(url, connections, maxRequests).run(duration);
    }

    private Result run(Duration duration) throws IOException {
        long begin = System.nanoTime();
        endAt = begin + duration.toNanos();
        List<Client> clients = new ArrayList<>();
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < connectionCount; i++) {
                Client client = new Client();
                clients.add(client);
                open(selector, client);
            }
            long now = System.nanoTime();
            while (now - endAt < 0 && (started < maxRequests || anyBusy(clients))) {
                selector.select(key -> onReady(selector, (Client) key.attachment()),
                        Math.max(1, Math.min(100, (endAt - now) / 1_000_000)));
                now = System.nanoTime();
            }
            long end = System.nanoTime();
            for (Client client : clients) {
                if (client.busy() && end - client.sentAt > RESPONSE_TIMEOUT.toNanos()) {
                    errors++; // still waiting for an answer after the timeout
                }
                closeQuietly(client.channel);
            }
            double seconds = (end - begin) / 1e9;
            long[] sorted = Arrays.copyOf(latencies, recorded);
            Arrays.sort(sorted);
            return new Result(completed, errors, seconds, percentile(sorted, 0.50), percentile(sorted, 0.99),
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
        }
    }

    private static boolean anyBusy(List<Client> clients) {
        for (Client client : clients) {
            if (client.busy()) {
                return true;
            }
        }
        return false;
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.clamp(index, 0, sorted.length - 1)];
    }

    private void open(Selector selector, Client client) throws IOException {
        client.reset();
        SocketChannel channel = SocketChannel.open();
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        client.channel = channel;
        if (channel.connect(address)) {
            channel.register(selector, SelectionKey.OP_READ, client);
            send(client);
        } else {
            channel.register(selector, SelectionKey.OP_CONNECT, client);
        }
    }

    private void onReady(Selector selector, Client client) {
        SelectionKey key = client.channel.keyFor(selector);
        try {
            if (key.isConnectable()) {
                client.channel.finishConnect();
                key.interestOps(SelectionKey.OP_READ);
                send(client);
                return;
            }
            if (key.isReadable()) {
                read(selector, client);
            }
        } catch (IOException e) {
            fail(selector, client);
        }
    }

    private void send(Client client) throws IOException {
        if (started >= maxRequests || System.nanoTime() - endAt >= 0) {
            client.sentAt = 0;
            return;
        }
        started++;
        client.sentAt = System.nanoTime();
        ByteBuffer out = ByteBuffer.wrap(request);
        // a small request into an empty send buffer: written whole, or the connection is broken
        client.channel.write(out);
        if (out.hasRemaining()) {
            throw new IOException("request not written whole");
        }
    }

    private void read(Selector selector, Client client) throws IOException {
        ByteBuffer in = client.in;
        int n = client.channel.read(in);
        if (n < 0) {
            fail(selector, client);
            return;
        }
        while (true) {
            if (client.bodyRemaining < 0) {
                int headEnd = headEnd(in);
                if (headEnd < 0) {
                    if (!in.hasRemaining()) {
                        throw new IOException("response head larger than the buffer");
                    }
                    return;
                }
                parseHead(client, in, headEnd);
                compactFrom(in, headEnd);
            }
            int take = (int) Math.min(client.bodyRemaining, in.position());
            compactFrom(in, take);
            client.bodyRemaining -= take;
            if (client.bodyRemaining > 0) {
                return;
            }
            // one complete response
            long latency = (System.nanoTime() - client.sentAt) / 1000;
            if (client.status == 200) {
                completed++;
                if (recorded < latencies.length) {
                    latencies[recorded++] = latency;
                }
            } else {
                errors++;
            }
            client.bodyRemaining = -1;
            if (client.closeAfter) {
                closeQuietly(client.channel);
                if (System.nanoTime() - endAt < 0 && started < maxRequests) {
                    open(selector, client);
                }
                return;
            }
            send(client);
            if (in.position() == 0) {
                return;
            }
        }
    }

    private void fail(Selector selector, Client client) {
        errors++;
        closeQuietly(client.channel);
        client.sentAt = 0;
        if (System.nanoTime() - endAt < 0 && started < maxRequests) {
            try {
                open(selector, client);
            } catch (IOException e) {
                errors++;
            }
        }
    }

    /** Index just past CRLFCRLF in the bytes read so far, or -1. */
    private static int headEnd(ByteBuffer in) {
        byte[] a = in.array();
        for (int i = 3; i < in.position(); i++) {
            if (a[i] == '\n' && a[i - 1] == '\r' && a[i - 2] == '\n' && a[i - 3] == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    private static void parseHead(Client client, ByteBuffer in, int headEnd) throws IOException {
        String head = new String(in.array(), 0, headEnd, StandardCharsets.ISO_8859_1);
        if (!head.startsWith("HTTP/1.") || head.length() < 12) {
            throw new IOException("not an HTTP/1.x response");
        }
        client.status = Integer.parseInt(head.substring(9, 12));
        long length = 0;
        boolean close = false;
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Connection")) {
                close = value.equalsIgnoreCase("close");
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                throw new IOException("chunked responses are not supported by this generator");
            }
        }
        client.bodyRemaining = length;
        client.closeAfter = close;
    }

    /** Drops the first {@code count} bytes of what was read. */
    private static void compactFrom(ByteBuffer in, int count) {
        in.flip();
        in.position(count);
        in.compact();
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // closing at the end of a run or after a failure
        }
    }

    /** One connection of the generator. */
    private static final class Client {
        SocketChannel channel;
        final ByteBuffer in = ByteBuffer.allocate(16 * 1024);
        long sentAt;
        long bodyRemaining = -1;
        int status;
        boolean closeAfter;

        boolean busy() {
            return sentAt != 0;
        }

        void reset() {
            in.clear();
            sentAt = 0;
            bodyRemaining = -1;
            closeAfter = false;
        }
    }
}
