package edu.ute.concurrency.examples.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Java counterpart of an asyncio server: one thread runs one {@link Selector} over non-blocking
 * channels, and each connection is a small state object (its parser, its input and output buffers,
 * its deadline) instead of a thread. The event loop never blocks: it reads what is there, answers
 * every complete request, writes what the socket accepts, and comes back later for the rest.
 *
 * <pre>{@code
 * try (NioHttpServer server = new NioHttpServer(HttpServerConfig.defaults().withPort(0))) {
 *     server.start();
 *     System.out.println(server.url());   // http://127.0.0.1:PORT/
 * }
 * }</pre>
 *
 * <p>What the Python reader will recognise: {@code selector.select()} is the event loop's wait,
 * the per-connection {@code Connection} object is what a coroutine's local variables would be, and
 * "register interest in OP_WRITE" is what {@code await writer.drain()} does for you.
 *
 * <p>Defences, all on the same single thread: the head of a request is timed from its first byte
 * (slowloris), connections without traffic for the idle timeout are closed, a client that stops
 * reading its answers is not read from until it catches up (back-pressure: requests are parsed only
 * while less than {@value #OUTPUT_HIGH_WATER} bytes of answers are queued for the connection, and
 * parsing resumes as the answers drain) and is closed after the write timeout, and connections above
 * {@code maxConnections} are answered 503 and closed. Timeouts are checked by a sweep over all
 * connections a few times per shortest timeout: cheap even for thousands of connections, and simpler
 * than a timer wheel.
 *
 * <p>Thread-safe: {@code start} and {@code stop} may be called from any thread. Everything else runs
 * on the event-loop thread, so per-connection state needs no locks.
 */
public final class NioHttpServer implements HttpServer {

    /** Answers queued for one connection above which it is not read from until they are written. */
    static final int OUTPUT_HIGH_WATER = 64 * 1024;
    private static final int INPUT_BUFFER_BYTES = 4096;
    private static final int MAX_LINGER_BYTES = 64 * 1024;
    private static final int MAX_ACCEPTS_PER_WAKEUP = 256;

    private final HttpServerConfig config;
    private final ServerStats stats = new ServerStats();
    private final DemoSite site;
    private final HttpResponseWriter writer = new HttpResponseWriter();
    private final long tickMillis;

    private final Object lifecycle = new Object();
    private volatile Selector selector;
    private volatile ServerSocketChannel listener;
    /** One thread, the event loop's: an executor so that stop() is its close(). */
    private ExecutorService eventLoop;
    private volatile Thread eventLoopThread;
    private volatile boolean stopping;

    /** Only touched by the event-loop thread. */
    private final Set<Connection> connections = new HashSet<>();

    /** A server that will listen as {@code config} says once started. */
    public NioHttpServer(HttpServerConfig config) {
        this.config = config;
        this.site = new DemoSite("nio", stats);
        long shortest = Math.min(Math.min(config.headerTimeout().toMillis(), config.idleTimeout().toMillis()),
                Math.min(config.lingerTimeout().toMillis(), Math.min(config.bodyTimeout().toMillis(),
                        config.writeTimeout().toMillis())));
        this.tickMillis = Math.clamp(shortest / 4, 10, 250);
    }

    @Override
    public void start() throws IOException {
        synchronized (lifecycle) {
            if (eventLoop != null) {
                throw new IllegalStateException("already started");
            }
            selector = Selector.open();
            try {
                listener = ServerSocketChannel.open();
                listener.bind(new InetSocketAddress(config.bindAddress(), config.port()), 1024);
                listener.configureBlocking(false);
                listener.register(selector, SelectionKey.OP_ACCEPT);
            } catch (IOException | RuntimeException e) {
                closeQuietly(listener);
                closeQuietly(selector);
                throw e;
            }
            eventLoop = Executors.newSingleThreadExecutor(task -> {
                eventLoopThread = Thread.ofPlatform().name("http-nio-event-loop").unstarted(task);
                return eventLoopThread;
            });
            eventLoop.execute(this::runEventLoop);
        }
    }

    @Override
    public int port() {
        return listener.socket().getLocalPort();
    }

    @Override
    public HttpServerConfig config() {
        return config;
    }

    @Override
    public ServerStats stats() {
        return stats;
    }

    @Override
    public void stop() {
        ExecutorService loop;
        synchronized (lifecycle) {
            loop = eventLoop;
            if (loop == null) {
                return;
            }
            stopping = true;
            selector.wakeup();
        }
        // The loop closes every connection and the port on its way out; close() waits for it, through an
        // interrupt too (which it keeps for the caller): returning early would leave the port bound.
        loop.close();
    }

    /** Threads this server started that are still alive (for tests: none soon after stop). */
    List<Thread> liveThreads() {
        Thread loop = eventLoopThread;
        return loop != null && loop.isAlive() ? List.of(loop) : List.of();
    }

    // ---- the event loop ------------------------------------------------------------------------

    private void runEventLoop() {
        long nextSweep = System.nanoTime();
        try {
            while (!stopping) {
                selector.select(this::onReady, tickMillis);
                long now = System.nanoTime();
                if (now - nextSweep >= 0) {
                    sweep(now);
                    nextSweep = now + tickMillis * 1_000_000L;
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("nio event loop failed: " + e);
        } finally {
            for (Connection c : new ArrayList<>(connections)) {
                close(c);
            }
            closeQuietly(listener);
            closeQuietly(selector);
        }
    }

    private void onReady(SelectionKey key) {
        if (key.attachment() == null) {
            if (key.isValid() && key.isAcceptable()) {
                acceptAll();
            }
            return;
        }
        Connection c = (Connection) key.attachment();
        try {
            if (key.isValid() && key.isWritable()) {
                serve(c); // writes, then answers requests parked by back-pressure if there is room now
            }
            if (key.isValid() && key.isReadable()) {
                read(c);
            }
        } catch (IOException e) {
            close(c); // reset by peer, broken pipe: nothing to answer to
        } catch (RuntimeException e) {
            System.err.println("nio connection failed: " + e); // a bug; keep serving the others
            close(c);
        }
    }

    private void acceptAll() {
        for (int i = 0; i < MAX_ACCEPTS_PER_WAKEUP; i++) {
            SocketChannel channel;
            try {
                channel = listener.accept();
            } catch (IOException e) {
                return; // e.g. too many open files: try again at the next wakeup
            }
            if (channel == null) {
                return;
            }
            try {
                channel.configureBlocking(false);
                if (connections.size() >= config.maxConnections()) {
                    // best effort on a fresh socket: its send buffer is empty, so this cannot block
                    channel.write(ByteBuffer.wrap(writer.encode(DemoSite.errorPage(503,
                            "too many connections", List.of(), false, true))));
                    stats.responseSent(503);
                    channel.close();
                    continue;
                }
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                Connection c = new Connection(channel, new HttpRequestParser(config));
                c.key = channel.register(selector, SelectionKey.OP_READ, c);
                c.deadline = System.nanoTime() + config.idleTimeout().toNanos();
                connections.add(c);
                stats.connectionOpened();
            } catch (IOException e) {
                closeQuietly(channel);
            }
        }
    }

    private void read(Connection c) throws IOException {
        if (c.lingering) {
            c.in.clear();
            int n = c.channel.read(c.in);
            c.lingerBytes += Math.max(n, 0);
            if (n < 0 || c.lingerBytes > MAX_LINGER_BYTES) {
                close(c);
            }
            return;
        }
        if (c.channel.read(c.in) < 0) {
            // A client may half-close right after its last pipelined request: it can still receive
            // (RFC 9293 3.6), so the complete requests it sent are answered (RFC 9112 9.3.2) before
            // the close; only a partial one is lost.
            c.inputClosed = true;
        }
        serve(c);
    }

    /**
     * Answers the complete requests in the input buffer and writes what the socket takes. Parsing
     * pauses while the answers queued are above the high-water mark, and resumes as soon as a write
     * brings them below it, here or at the next write-ready event: a pipeline is answered whole, in
     * order, with at most one high-water mark of answers in memory.
     */
    private void serve(Connection c) throws IOException {
        boolean answered = false;
        boolean parked;
        do {
            c.in.flip();
            while (!c.closeAfterWrite && c.out.position() < OUTPUT_HIGH_WATER) {
                ParseResult result = c.parser.parse(c.in);
                if (result == null) {
                    break; // the parser consumed every byte: nothing is left behind
                }
                answer(c, site.respond(result));
                answered = true;
            }
            c.in.compact();
            // stopped by the high-water mark with requests still unparsed: go on if the write made room
            parked = !c.closeAfterWrite && c.out.position() >= OUTPUT_HIGH_WATER && c.in.position() > 0;
            write(c);
        } while (parked && c.out.position() < OUTPUT_HIGH_WATER);
        armDeadline(c, answered);
        afterWrite(c);
    }

    /**
     * Chooses the timeout that applies after bytes were parsed or answers written. The idle clock
     * restarts at every read and at the end of every write, so only a connection with no traffic
     * at all for the idle timeout is closed by it (RFC 9112 9.5); a request under way keeps the
     * clock of its phase, which started with the phase's first byte.
     */
    private void armDeadline(Connection c, boolean answered) {
        HttpRequestParser.Phase phase = c.parser.phase();
        if (phase == HttpRequestParser.Phase.IDLE) {
            c.deadline = System.nanoTime() + config.idleTimeout().toNanos();
        } else if (phase != c.phase || answered) {
            // a new head or content began in the bytes just parsed
            c.deadline = System.nanoTime() + (phase == HttpRequestParser.Phase.HEAD
                    ? config.headerTimeout().toNanos() : config.bodyTimeout().toNanos());
        }
        c.phase = phase;
    }

    private void answer(Connection c, HttpResponse response) {
        c.enqueue(writer.encode(response));
        stats.responseSent(response.status());
        if (response.close()) {
            c.closeAfterWrite = true;
        }
    }

    /** Writes what the socket takes now, without waiting. */
    private void write(Connection c) throws IOException {
        if (c.out.position() > 0) {
            c.out.flip();
            int written = c.channel.write(c.out);
            c.out.compact();
            if (c.out.position() > 0 && (written > 0 || c.writeDeadline == 0)) {
                // the write timeout counts time without progress, not the time to send everything
                c.writeDeadline = System.nanoTime() + config.writeTimeout().toNanos();
            }
        }
        if (c.out.position() == 0) {
            c.writeDeadline = 0;
        }
    }

    private void flush(Connection c) throws IOException {
        write(c);
        afterWrite(c);
    }

    /** After a write: close, linger, or say which events this connection waits for next. */
    private void afterWrite(Connection c) throws IOException {
        boolean pending = c.out.position() > 0;
        if (!pending && c.closeAfterWrite) {
            startLinger(c);
            return;
        }
        if (!pending && c.inputClosed) {
            close(c); // every complete request is answered and the client will send no more
            return;
        }
        int ops = pending ? SelectionKey.OP_WRITE : 0;
        if (c.out.position() < OUTPUT_HIGH_WATER && !c.closeAfterWrite && !c.inputClosed) {
            ops |= SelectionKey.OP_READ;
        }
        c.key.interestOps(ops);
    }

    /**
     * Half-closes and keeps reading for a while: closing a socket with unread input makes the kernel
     * send a reset, which can destroy the response before the client has read it (RFC 9112 9.6).
     */
    private void startLinger(Connection c) throws IOException {
        c.lingering = true;
        c.deadline = System.nanoTime() + config.lingerTimeout().toNanos();
        c.channel.shutdownOutput();
        c.key.interestOps(SelectionKey.OP_READ);
    }

    private void sweep(long now) {
        for (Connection c : new ArrayList<>(connections)) {
            try {
                if (c.writeDeadline != 0) {
                    if (now - c.writeDeadline >= 0) {
                        close(c); // the client stopped reading its answers
                    }
                } else if (now - c.deadline >= 0) {
                    if (c.lingering || c.closeAfterWrite || c.phase == HttpRequestParser.Phase.IDLE) {
                        close(c);
                    } else {
                        answer(c, DemoSite.errorPage(408, "request not received in time", List.of(), false, true));
                        flush(c);
                    }
                }
            } catch (IOException e) {
                close(c);
            }
        }
    }

    private void close(Connection c) {
        if (connections.remove(c)) {
            c.key.cancel();
            closeQuietly(c.channel);
            stats.connectionClosed();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // closing after an error or at shutdown: nothing useful to do with a second failure
        }
    }

    /** The state of one connection; what a coroutine would keep in its local variables. */
    private static final class Connection {
        final SocketChannel channel;
        final HttpRequestParser parser;
        final ByteBuffer in = ByteBuffer.allocate(INPUT_BUFFER_BYTES);
        /** Answers not yet written, in write mode (position = bytes queued). */
        ByteBuffer out = ByteBuffer.allocate(2048);
        SelectionKey key;
        HttpRequestParser.Phase phase = HttpRequestParser.Phase.IDLE;
        long deadline;
        long writeDeadline;
        boolean closeAfterWrite;
        /** The client half-closed: answer what is complete, then close. */
        boolean inputClosed;
        boolean lingering;
        long lingerBytes;

        Connection(SocketChannel channel, HttpRequestParser parser) {
            this.channel = channel;
            this.parser = parser;
        }

        void enqueue(byte[] bytes) {
            if (out.remaining() < bytes.length) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(out.capacity() * 2, out.position() + bytes.length));
                out.flip();
                bigger.put(out);
                out = bigger;
            }
            out.put(bytes);
        }
    }
}
