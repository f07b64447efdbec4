package edu.ute.concurrency.links.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * An HTTP/1.1 client on one {@link Selector} thread: non-blocking sockets, TLS through
 * {@link SSLEngine}, keep-alive connections reused per origin, and a deadline on every exchange.
 * It is what asyncio's event loop with its transports is to Python: one thread waits for every
 * socket at once, and nothing blocks it.
 *
 * <pre>{@code
 * try (SelectorHttpClient client = SelectorHttpClient.open(List.of(new Header("User-Agent", "me/1.0")), Tls.VERIFY)) {
 *     HttpResponse r = client.get("http://127.0.0.1:8080/", (status, headers) -> 1 << 20, Duration.ofSeconds(10)).get();
 * }
 * }</pre>
 *
 * <p>What it does, and the RFC it follows:
 * <ul>
 *   <li>{@code GET} with {@code Host} first (RFC 9112 section 3.2), the request target exactly as
 *       the URL has it, including an empty query ({@code /p?}); the framing of the response is
 *       {@link ResponseParser}'s.</li>
 *   <li>A connection whose response was complete and persistent goes back to its origin's idle
 *       list; an idle connection that becomes readable (the server closed it) is dropped. If a
 *       reused connection closes before any byte of the response, the GET is sent once more on a
 *       new connection: GET is idempotent (RFC 9110 section 9.2.2, RFC 9112 section 9.3.1).</li>
 *   <li>The deadline covers the whole exchange (name lookup, connect, TLS handshake, request,
 *       response head and body); a failure says at which step it gave up.</li>
 *   <li>Names: {@code localhost} is the loopback address and {@code *.invalid} never resolves
 *       (RFC 6761 sections 6.3 and 6.4), both without asking DNS; other names are looked up on
 *       a small resolver pool (the JDK's lookup blocks), once per name.</li>
 *   <li>TLS: the JDK's default trust and host-name checks ({@code HTTPS} endpoint identification,
 *       RFC 9110 section 4.3.4), SNI and ALPN {@code http/1.1}. The handshake's delegated tasks run
 *       on the loop thread: certificate checks are short, as in asyncio.</li>
 * </ul>
 *
 * <p>Threads: one loop thread; up to two resolver threads, started on the first name lookup. The
 * futures returned by {@link #get} complete on the loop thread, so callers must not block in
 * stages attached to them without an executor of their own. {@link #schedule} runs short tasks on
 * the loop thread (timers). {@link #close()} fails every exchange in progress, closes every socket
 * and waits for the threads. Thread-safe.
 */
public final class SelectorHttpClient implements AutoCloseable {

    /** How to treat server certificates. */
    public enum Tls {
        /** The JDK's default trust store and host-name check. */
        VERIFY,
        /** Accept any certificate for any name ({@code --insecure}): encryption without authentication. */
        TRUST_ANY
    }

    /** Idle keep-alive connections are closed after this long; servers close theirs after 5-75 s. */
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(20);
    private static final int READ_BUFFER = 64 * 1024;
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final byte[] fixedHeaders;
    private final Tls tls;
    private final Selector selector;
    private final Thread loop;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();          // loop thread only
    private final Map<String, ArrayDeque<Connection>> idle = new HashMap<>();   // loop thread only
    private final Set<Connection> open = new HashSet<>();                       // loop thread only
    private final Map<String, CompletableFuture<InetAddress[]>> addresses = new HashMap<>(); // loop thread only
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER);
    private ExecutorService resolver;                                            // loop thread only
    private SSLContext sslContext;                                               // loop thread only
    private volatile boolean closed;
    private long timerSequence;

    private SelectorHttpClient(List<HttpResponse.Header> requestHeaders, Tls tls) throws IOException {
        StringBuilder h = new StringBuilder();
        for (HttpResponse.Header header : requestHeaders) {
            h.append(header.name()).append(": ").append(header.value()).append("\r\n");
        }
        this.fixedHeaders = h.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        this.tls = tls;
        this.selector = Selector.open();
        this.loop = new Thread(this::run, "links-http-loop");
        loop.setDaemon(true);
        loop.start();
    }

    /**
     * Starts a client whose every request carries {@code requestHeaders} (after {@code Host}).
     *
     * @throws IOException if no selector can be opened
     */
    public static SelectorHttpClient open(List<HttpResponse.Header> requestHeaders, Tls tls) throws IOException {
        return new SelectorHttpClient(requestHeaders, tls);
    }

    /**
     * Sends {@code GET} for the absolute http(s) {@code url} (normalised: ASCII, no fragment).
     *
     * @return a future completed on the loop thread with the response, or exceptionally with an
     *         {@link HttpFailure} that describes what went wrong; cancelling it aborts the exchange
     */
    public CompletableFuture<HttpResponse> get(String url, BodyLimit limit, long timeoutNanos) {
        Target target;
        try {
            target = Target.of(url);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new HttpFailure(e.getMessage()));
        }
        Exchange ex = new Exchange(target, limit, System.nanoTime() + timeoutNanos);
        ex.result.whenComplete((r, e) -> {
            if (ex.result.isCancelled()) {
                execute(() -> abort(ex));
            }
        });
        if (closed) {
            return CompletableFuture.failedFuture(new HttpFailure("client closed"));
        }
        execute(new Starter(this, ex));
        return ex.result;
    }

    /** A timer task that can be cancelled from any thread. */
    public interface Cancellable {
        void cancel();
    }

    /** Runs {@code action} on the loop thread after {@code delayNanos}; it must be short and not block. */
    public Cancellable schedule(long delayNanos, Runnable action) {
        Timer t = new Timer(System.nanoTime() + delayNanos, action);
        execute(() -> addTimer(t));
        return t;
    }

    /** Runs {@code action} on the loop thread soon. */
    public void execute(Runnable action) {
        if (closed) {
            return;
        }
        tasks.add(action);
        if (closed) {
            failQueuedStarts();   // the loop may have drained the queue before this task arrived
        } else if (Thread.currentThread() != loop) {
            selector.wakeup();
        }
    }

    /** Fails every exchange in progress, closes every connection, and waits for the threads to end. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        tasks.add(() -> closed = true);
        selector.wakeup();
        boolean interrupted = Thread.interrupted();
        try {
            loop.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            interrupted = true;
        }
        closed = true;
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- the loop -------------------------------------------------------------------------------

    private void run() {
        try {
            while (!closed) {
                Runnable task;
                while ((task = tasks.poll()) != null && !closed) {
                    runSafely(task);
                }
                long waitNanos = runDueTimers();
                if (closed) {
                    break;
                }
                if (!tasks.isEmpty()) {
                    selector.selectNow();
                } else if (waitNanos == Long.MAX_VALUE) {
                    selector.select();
                } else {
                    selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(waitNanos + 999_999)));
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    ready(key);
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | ClosedSelectorException e) {
            // The selector itself failed: nothing can be read any more; fail what is in progress.
        } finally {
            closed = true;
            shutDown();
        }
    }

    private void runSafely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            // A bug in a task must not stop the loop that every other exchange depends on.
            Thread t = Thread.currentThread();
            t.getUncaughtExceptionHandler().uncaughtException(t, e);
        }
    }

    private void shutDown() {
        for (Connection c : new ArrayList<>(open)) {
            if (c.exchange != null) {
                fail(c.exchange, "client closed");
            }
            closeQuietly(c);
        }
        for (Timer t : timers) {
            if (t.action instanceof Exchange.Deadline d) {
                d.exchange().result.completeExceptionally(new HttpFailure("client closed"));
            }
        }
        timers.clear();
        idle.clear();
        failQueuedStarts();
        try {
            selector.close();
        } catch (IOException e) {
            // closing: nothing left to do with it
        }
        if (resolver != null) {
            resolver.shutdownNow();
        }
    }

    private void failQueuedStarts() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            if (task instanceof Starter s) {
                s.exchange().result.completeExceptionally(new HttpFailure("client closed"));
            }
        }
    }

    /** Runs the timers that are due; returns the nanoseconds until the next one (MAX_VALUE: none). */
    private long runDueTimers() {
        long now = System.nanoTime();
        Timer t;
        while ((t = timers.peek()) != null) {
            if (t.cancelled) {
                timers.poll();
            } else if (t.due - now <= 0) {
                timers.poll();
                runSafely(t.action);
                now = System.nanoTime();
            } else {
                return t.due - now;
            }
        }
        return Long.MAX_VALUE;
    }

    private void addTimer(Timer t) {
        t.sequence = timerSequence++;
        timers.add(t);
    }

    private void ready(SelectionKey key) {
        Connection c = (Connection) key.attachment();
        try {
            if (!key.isValid()) {
                return;
            }
            if (key.isConnectable()) {
                connected(c);
            } else {
                if (key.isWritable()) {
                    writable(c);
                }
                if (key.isValid() && key.isReadable()) {
                    readable(c);
                }
            }
        } catch (CancelledKeyException e) {
            closeQuietly(c);
        } catch (IOException e) {
            broken(c, e);
        }
    }

    // ---- an exchange, step by step -----------------------------------------------------------

    /** The task that starts an exchange (recognised at shutdown, so its future is failed too). */
    private record Starter(SelectorHttpClient client, Exchange exchange) implements Runnable {
        @Override
        public void run() {
            client.begin(exchange);
        }
    }

    private void begin(Exchange ex) {
        if (ex.result.isDone()) {
            return;
        }
        ex.deadline = new Timer(ex.deadlineNanos, ex.new Deadline());
        addTimer(ex.deadline);
        Connection reuse = takeIdle(ex.target.originKey());
        if (reuse != null) {
            send(reuse, ex);
        } else {
            lookUp(ex);
        }
    }

    private void lookUp(Exchange ex) {
        ex.phase = "resolving host";
        addressesOf(ex.target.host()).whenComplete((found, error) -> execute(() -> {
            if (ex.result.isDone()) {
                return;
            }
            if (error != null) {
                fail(ex, describe(error instanceof java.util.concurrent.CompletionException ? error.getCause() : error));
            } else {
                connect(ex, found, 0);
            }
        }));
    }

    private void connect(Exchange ex, InetAddress[] found, int index) {
        ex.phase = "connecting";
        Connection c = null;
        try {
            SocketChannel channel = SocketChannel.open();
            c = new Connection(ex.target, channel, found, index);
            open.add(c);
            c.exchange = ex;
            ex.connection = c;
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            c.key = channel.register(selector, 0, c);
            if (!channel.connect(new InetSocketAddress(found[index], ex.target.port()))) {
                c.key.interestOps(SelectionKey.OP_CONNECT);
                return;
            }
        } catch (IOException e) {
            if (c != null) {
                closeQuietly(c);
            }
            if (index + 1 < found.length) {
                connect(ex, found, index + 1);
            } else {
                fail(ex, describe(e));
            }
            return;
        }
        try {
            connected(c);   // connected at once (loopback may do that)
        } catch (IOException e) {
            broken(c, e);
        }
    }

    private void connected(Connection c) throws IOException {
        Exchange ex = c.exchange;
        try {
            c.channel.finishConnect();
        } catch (IOException e) {
            closeQuietly(c);
            if (ex != null && c.addressIndex + 1 < c.addresses.length) {
                connect(ex, c.addresses, c.addressIndex + 1);   // another address of the same name
            } else if (ex != null) {
                fail(ex, describe(e));
            }
            return;
        }
        if (c.target.https()) {
            startTls(c);
        } else {
            send(c, ex);
        }
    }

    private void send(Connection c, Exchange ex) {
        ex.connection = c;
        c.exchange = ex;
        c.idleTimer = cancel(c.idleTimer);
        ex.parser = new ResponseParser(ex.limit);
        ex.phase = "sending the request";
        ByteBuffer request = ByteBuffer.wrap(ex.target.requestHead(fixedHeaders));
        try {
            if (c.engine != null) {
                wrap(c, request);
            } else {
                c.netOut = request;
            }
            if (flush(c)) {
                waitForResponse(c);
            } else {
                c.key.interestOps(SelectionKey.OP_WRITE);
            }
        } catch (IOException e) {
            broken(c, e);
        }
    }

    private void waitForResponse(Connection c) {
        c.exchange.phase = "waiting for the response";
        c.key.interestOps(SelectionKey.OP_READ);
    }

    private void writable(Connection c) throws IOException {
        if (c.handshaking) {
            handshake(c);
        } else if (flush(c) && c.exchange != null) {
            waitForResponse(c);
        }
    }

    private void readable(Connection c) throws IOException {
        if (c.exchange == null) {
            closeQuietly(c);   // an idle connection is readable only when the server closed it (or misbehaves)
            return;
        }
        if (c.engine == null) {
            readBuffer.clear();
            int n = c.channel.read(readBuffer);
            if (n < 0) {
                endOfInput(c);
                return;
            }
            readBuffer.flip();
            deliver(c, readBuffer);
            return;
        }
        int n = c.channel.read(c.netIn);
        if (c.handshaking) {
            if (n < 0) {
                fail(c.exchange, "TLS failure: connection closed during the handshake");
                return;
            }
            handshake(c);
            return;
        }
        unwrapAndDeliver(c);
        if (n < 0 && c.exchange != null) {
            endOfInput(c);
        }
    }

    private void deliver(Connection c, ByteBuffer bytes) {
        Exchange ex = c.exchange;
        try {
            if (ex.parser.feed(bytes)) {
                finish(c, ex);
            } else if (!ex.parser.inHead()) {
                ex.phase = "reading the body";
            }
        } catch (HttpFailure e) {
            fail(ex, e.getMessage());
        }
    }

    private void finish(Connection c, Exchange ex) {
        HttpResponse response = ex.parser.response();
        ex.deadline.cancel();
        c.exchange = null;
        c.served++;
        if (ex.parser.persistent() && !closed) {
            makeIdle(c);
        } else {
            closeQuietly(c);
        }
        ex.result.complete(response);
    }

    private void endOfInput(Connection c) {
        Exchange ex = c.exchange;
        if (ex.parser != null && ex.parser.endOfInput()) {
            finish(c, ex);
        } else {
            retryOrFail(c, ex, "connection closed before the response was complete");
        }
    }

    private void broken(Connection c, IOException e) {
        Exchange ex = c.exchange;
        if (ex == null) {
            closeQuietly(c);
        } else if (c.handshaking) {
            fail(ex, describe(e));
        } else {
            retryOrFail(c, ex, describe(e));
        }
    }

    /**
     * A reused connection that the server had already closed fails before the first response byte:
     * send the (idempotent) GET once more on a fresh connection.
     */
    private void retryOrFail(Connection c, Exchange ex, String description) {
        closeQuietly(c);
        if (c.served > 0 && ex.parser != null && !ex.parser.receivedAnything() && !ex.retried && !ex.result.isDone()) {
            ex.retried = true;
            ex.connection = null;
            lookUp(ex);
        } else {
            fail(ex, description);
        }
    }

    private void fail(Exchange ex, String description) {
        if (ex.deadline != null) {
            ex.deadline.cancel();
        }
        Connection c = ex.connection;
        if (c != null && c.exchange == ex) {
            c.exchange = null;
            closeQuietly(c);
        }
        ex.result.completeExceptionally(new HttpFailure(description));
    }

    private void abort(Exchange ex) {
        fail(ex, "cancelled");
    }

    // ---- keep-alive --------------------------------------------------------------------------

    private void makeIdle(Connection c) {
        c.key.interestOps(SelectionKey.OP_READ);   // readable while idle means the server closed it
        idle.computeIfAbsent(c.target.originKey(), k -> new ArrayDeque<>()).addLast(c);
        Timer expiry = new Timer(System.nanoTime() + IDLE_NANOS, () -> {
            if (c.exchange == null) {
                closeQuietly(c);
            }
        });
        addTimer(expiry);
        c.idleTimer = expiry;
    }

    private Connection takeIdle(String originKey) {
        ArrayDeque<Connection> list = idle.get(originKey);
        while (list != null && !list.isEmpty()) {
            Connection c = list.pollLast();   // the most recently used is the least likely to be closed
            if (c.channel.isOpen()) {
                return c;
            }
        }
        return null;
    }

    private void closeQuietly(Connection c) {
        c.idleTimer = cancel(c.idleTimer);
        open.remove(c);
        ArrayDeque<Connection> list = idle.get(c.target.originKey());
        if (list != null) {
            list.remove(c);
        }
        try {
            c.channel.close();   // also cancels its selection key
        } catch (IOException e) {
            // closing anyway
        }
    }

    private static Timer cancel(Timer t) {
        if (t != null) {
            t.cancel();
        }
        return null;
    }

    // ---- TLS ----------------------------------------------------------------------------------

    private void startTls(Connection c) throws IOException {
        c.exchange.phase = "TLS handshake";
        SSLEngine engine;
        try {
            engine = sslContext().createSSLEngine(c.target.host(), c.target.port());
        } catch (NoSuchAlgorithmException | java.security.KeyManagementException e) {
            fail(c.exchange, "TLS failure: " + e.getMessage());
            return;
        }
        engine.setUseClientMode(true);
        SSLParameters p = engine.getSSLParameters();
        if (tls == Tls.VERIFY) {
            p.setEndpointIdentificationAlgorithm("HTTPS");
        }
        p.setApplicationProtocols(new String[] {"http/1.1"});
        if (!Target.isIpLiteral(c.target.host())) {
            try {
                p.setServerNames(List.of(new SNIHostName(c.target.host())));
            } catch (IllegalArgumentException e) {
                // not a name SNI can carry (e.g. a trailing dot): connect without it
            }
        }
        engine.setSSLParameters(p);
        c.engine = engine;
        c.netIn = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        c.netOut = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        c.netOut.flip();   // netOut is kept ready for writing to the channel
        c.appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
        c.handshaking = true;
        engine.beginHandshake();
        handshake(c);
    }

    private SSLContext sslContext() throws NoSuchAlgorithmException, java.security.KeyManagementException {
        if (sslContext == null) {
            if (tls == Tls.VERIFY) {
                sslContext = SSLContext.getDefault();
            } else {
                sslContext = SSLContext.getInstance("TLS");
                sslContext.init(null, new javax.net.ssl.TrustManager[] {new TrustAny()}, null);
            }
        }
        return sslContext;
    }

    /** Drives the handshake as far as the bytes at hand allow, then sends the request. */
    private void handshake(Connection c) throws IOException {
        SSLEngine engine = c.engine;
        while (true) {
            switch (engine.getHandshakeStatus()) {
                case NEED_WRAP -> {
                    if (!flush(c)) {
                        c.key.interestOps(SelectionKey.OP_WRITE);
                        return;
                    }
                    wrap(c, EMPTY);
                }
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                    if (!flush(c)) {
                        c.key.interestOps(SelectionKey.OP_WRITE);
                        return;
                    }
                    c.netIn.flip();
                    SSLEngineResult r = engine.unwrap(c.netIn, c.appIn);
                    c.netIn.compact();
                    if (r.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                        c.netIn = ensureRoom(c.netIn, engine.getSession().getPacketBufferSize());
                        c.key.interestOps(SelectionKey.OP_READ);
                        return;
                    }
                    if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                        c.appIn = ensureRoom(c.appIn, engine.getSession().getApplicationBufferSize());
                    } else if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                        throw new SSLException("connection closed during the handshake");
                    }
                }
                case NEED_TASK -> {
                    Runnable task;
                    while ((task = engine.getDelegatedTask()) != null) {
                        task.run();
                    }
                }
                case FINISHED, NOT_HANDSHAKING -> {
                    if (!flush(c)) {
                        c.key.interestOps(SelectionKey.OP_WRITE);
                        return;
                    }
                    c.handshaking = false;
                    Exchange ex = c.exchange;
                    if (ex != null) {
                        send(c, ex);
                    }
                    if (c.netIn.position() > 0 && c.exchange != null) {
                        unwrapAndDeliver(c);   // the server's first bytes came with its last handshake record
                    }
                    return;
                }
            }
        }
    }

    /** Encrypts {@code plain} into netOut (netOut stays ready for writing to the channel). */
    private void wrap(Connection c, ByteBuffer plain) throws IOException {
        do {
            c.netOut.compact();
            SSLEngineResult r;
            try {
                r = c.engine.wrap(plain, c.netOut);
            } finally {
                c.netOut.flip();
            }
            if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                c.netOut = grownForWriting(c.netOut, c.engine.getSession().getPacketBufferSize());
            } else if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                throw new SSLException("TLS connection closed");
            }
        } while (plain.hasRemaining());
    }

    private void unwrapAndDeliver(Connection c) throws IOException {
        while (c.exchange != null) {
            c.netIn.flip();
            SSLEngineResult r = c.engine.unwrap(c.netIn, c.appIn);
            c.netIn.compact();
            if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                c.appIn = ensureRoom(c.appIn, c.engine.getSession().getApplicationBufferSize());
                continue;
            }
            if (c.appIn.position() > 0) {
                c.appIn.flip();
                deliver(c, c.appIn);
                c.appIn.clear();
            }
            if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                if (c.exchange != null) {
                    endOfInput(c);   // close_notify: the TLS form of the server closing
                }
                return;
            }
            SSLEngineResult.HandshakeStatus hs = r.getHandshakeStatus();
            if (hs == SSLEngineResult.HandshakeStatus.NEED_TASK || hs == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
                // A post-handshake message (a key update): answer it, then go on reading.
                Runnable task;
                while ((task = c.engine.getDelegatedTask()) != null) {
                    task.run();
                }
                if (c.engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
                    wrap(c, EMPTY);
                    flush(c);
                }
            }
            if (r.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW || r.bytesConsumed() == 0) {
                return;
            }
        }
    }

    /** Writes what netOut holds; true when all of it went out. */
    private static boolean flush(Connection c) throws IOException {
        while (c.netOut.hasRemaining()) {
            if (c.channel.write(c.netOut) == 0) {
                return false;
            }
        }
        return true;
    }

    /** A buffer in write mode with at least {@code room} bytes free, holding what {@code b} holds. */
    private static ByteBuffer ensureRoom(ByteBuffer b, int room) {
        if (b.remaining() >= room) {
            return b;
        }
        ByteBuffer bigger = ByteBuffer.allocate(b.position() + room);
        b.flip();
        bigger.put(b);
        return bigger;
    }

    /** netOut (in read mode) with more capacity, keeping its unwritten bytes. */
    private static ByteBuffer grownForWriting(ByteBuffer b, int room) {
        ByteBuffer bigger = ByteBuffer.allocate(b.remaining() + room);
        bigger.put(b);
        bigger.flip();
        return bigger;
    }

    // ---- names --------------------------------------------------------------------------------

    private CompletableFuture<InetAddress[]> addressesOf(String host) {
        return addresses.computeIfAbsent(host, h -> {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.equals("localhost") || lower.endsWith(".localhost")) {
                return CompletableFuture.completedFuture(new InetAddress[] {InetAddress.getLoopbackAddress()});
            }
            if (lower.equals("invalid") || lower.endsWith(".invalid")) {
                return CompletableFuture.failedFuture(new UnknownHostException(h));
            }
            if (Target.isIpLiteral(h)) {
                try {
                    // A literal is parsed, not looked up: safe on the loop thread.
                    String literal = h.startsWith("[") ? h.substring(1, h.length() - 1) : h;
                    return CompletableFuture.completedFuture(new InetAddress[] {InetAddress.getByName(literal)});
                } catch (UnknownHostException e) {
                    return CompletableFuture.failedFuture(e);
                }
            }
            if (resolver == null) {
                AtomicInteger n = new AtomicInteger();
                resolver = Executors.newFixedThreadPool(2, r -> {
                    Thread t = new Thread(r, "links-dns-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
            }
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return InetAddress.getAllByName(h);
                } catch (UnknownHostException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            }, resolver);
        });
    }

    /** A short, stable description of why an exchange failed. */
    static String describe(Throwable e) {
        if (e instanceof HttpFailure f) {
            return f.getMessage();
        }
        if (e instanceof UnknownHostException) {
            return "unknown host";
        }
        if (e instanceof ConnectException) {
            String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            return m.contains("refused") ? "connection refused" : "connection failed";
        }
        if (e instanceof NoRouteToHostException) {
            return "no route to host";
        }
        if (e instanceof SSLException) {
            return "TLS failure: " + tlsReason(e);
        }
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (e instanceof SocketException && m.contains("unreachable")) {
            return "network unreachable";
        }
        if (m.contains("reset")) {
            return "connection reset";
        }
        if (m.contains("broken pipe")) {
            return "connection closed by the server";
        }
        return "I/O error (" + e.getClass().getSimpleName() + ")";
    }

    private static String tlsReason(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(' ').append(t.getMessage());
        }
        String m = all.toString();
        if (m.contains("PKIX") || m.contains("unable to find valid certification path")) {
            return "certificate not trusted";
        }
        if (m.contains("No subject alternative") || m.contains("No name matching")) {
            return "certificate does not match the host";
        }
        if (m.contains("NotAfter") || m.contains("expired")) {
            return "certificate expired";
        }
        if (m.contains("Unsupported or unrecognized SSL message")) {
            return "the server did not answer in TLS";
        }
        if (m.contains("closed during the handshake") || m.contains("closed inbound")) {
            return "connection closed during the handshake";
        }
        String first = String.valueOf(e.getMessage());
        return first.length() > 100 ? first.substring(0, 100) : first;
    }

    // ---- state --------------------------------------------------------------------------------

    /** Where a request goes, parsed once from its URL. */
    private record Target(boolean https, String host, int port, String hostHeader, String requestTarget) {

        static Target of(String url) {
            int schemeEnd = url.indexOf("://");
            if (schemeEnd < 0) {
                throw new IllegalArgumentException("not an absolute URL");
            }
            String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
            boolean https = scheme.equals("https");
            if (!https && !scheme.equals("http")) {
                throw new IllegalArgumentException("not an http or https URL");
            }
            int authorityStart = schemeEnd + 3;
            int pathStart = authorityStart;
            while (pathStart < url.length() && "/?#".indexOf(url.charAt(pathStart)) < 0) {
                pathStart++;
            }
            String authority = url.substring(authorityStart, pathStart);
            int at = authority.lastIndexOf('@');
            String hostPort = at < 0 ? authority : authority.substring(at + 1);   // no credentials are sent
            int end = url.indexOf('#', pathStart);
            String target = url.substring(pathStart, end < 0 ? url.length() : end);
            if (target.isEmpty() || target.charAt(0) == '?') {
                target = "/" + target;
            }
            for (int i = 0; i < target.length(); i++) {
                char ch = target.charAt(i);
                if (ch <= ' ' || ch >= 0x7F) {
                    throw new IllegalArgumentException("URL not normalised (character " + (int) ch + " in the path)");
                }
            }
            int colon = hostPort.lastIndexOf(':');
            int bracket = hostPort.lastIndexOf(']');
            String host = colon > bracket ? hostPort.substring(0, colon) : hostPort;
            int port = https ? 443 : 80;
            if (colon > bracket && colon + 1 < hostPort.length()) {
                try {
                    port = Integer.parseInt(hostPort.substring(colon + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("invalid port");
                }
            }
            if (host.isEmpty()) {
                throw new IllegalArgumentException("missing host");
            }
            boolean defaultPort = port == (https ? 443 : 80);
            return new Target(https, host, port, defaultPort ? host : host + ":" + port, target);
        }

        String originKey() {
            return (https ? "https://" : "http://") + host + ":" + port;
        }

        byte[] requestHead(byte[] fixedHeaders) {
            byte[] line = ("GET " + requestTarget + " HTTP/1.1\r\nHost: " + hostHeader + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1);
            byte[] all = new byte[line.length + fixedHeaders.length];
            System.arraycopy(line, 0, all, 0, line.length);
            System.arraycopy(fixedHeaders, 0, all, line.length, fixedHeaders.length);
            return all;
        }

        static boolean isIpLiteral(String host) {
            if (host.startsWith("[")) {
                return true;
            }
            int dots = 0;
            for (int i = 0; i < host.length(); i++) {
                char ch = host.charAt(i);
                if (ch == '.') {
                    dots++;
                } else if (ch < '0' || ch > '9') {
                    return false;
                }
            }
            return dots == 3;
        }
    }

    /** One request and its response, from the first step to the completed future. */
    private final class Exchange {
        final Target target;
        final BodyLimit limit;
        final long deadlineNanos;
        final CompletableFuture<HttpResponse> result = new CompletableFuture<>();
        Timer deadline;
        Connection connection;
        ResponseParser parser;
        boolean retried;
        String phase = "starting";

        Exchange(Target target, BodyLimit limit, long deadlineNanos) {
            this.target = target;
            this.limit = limit;
            this.deadlineNanos = deadlineNanos;
        }

        /** The deadline's action (recognised at shutdown). */
        final class Deadline implements Runnable {
            Exchange exchange() {
                return Exchange.this;
            }

            @Override
            public void run() {
                if (!result.isDone()) {
                    fail(Exchange.this, "timeout (" + phase + ")");
                }
            }
        }
    }

    /** One socket, plain or TLS; serves one exchange at a time. */
    private static final class Connection {
        final Target target;
        final SocketChannel channel;
        final InetAddress[] addresses;
        final int addressIndex;
        SelectionKey key;
        Exchange exchange;
        int served;
        Timer idleTimer;
        SSLEngine engine;
        boolean handshaking;
        ByteBuffer netIn;
        ByteBuffer netOut = EMPTY;
        ByteBuffer appIn;

        Connection(Target target, SocketChannel channel, InetAddress[] addresses, int addressIndex) {
            this.target = target;
            this.channel = channel;
            this.addresses = addresses;
            this.addressIndex = addressIndex;
        }
    }

    /** A task due at a time; cancelled ones are dropped when they reach the head of the queue. */
    private static final class Timer implements Comparable<Timer>, Cancellable {
        final long due;
        final Runnable action;
        long sequence;
        volatile boolean cancelled;

        Timer(long due, Runnable action) {
            this.due = due;
            this.action = action;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(Timer o) {
            int byTime = Long.compare(due - o.due, 0);
            return byTime != 0 ? byTime : Long.compare(sequence, o.sequence);
        }
    }

    /** {@link Tls#TRUST_ANY}: accepts every certificate chain. */
    private static final class TrustAny implements javax.net.ssl.X509TrustManager {
        @Override
        public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {
        }

        @Override
        public java.security.cert.X509Certificate[] getAcceptedIssuers() {
            return new java.security.cert.X509Certificate[0];
        }
    }
}
