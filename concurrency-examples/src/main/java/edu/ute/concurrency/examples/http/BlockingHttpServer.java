package edu.ute.concurrency.examples.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the two thread-per-connection servers share: an acceptor thread, plain blocking sockets, and
 * one connection served start to end by one thread running {@link #serveConnection}. Subclasses
 * only choose where that thread comes from: {@link VirtualThreadHttpServer} starts a virtual thread
 * per connection, {@link ThreadPoolHttpServer} borrows a platform thread from a fixed pool.
 *
 * <p>Blocking code cannot wait for "a read or a deadline" the way a selector loop can. Between
 * requests, where a connection spends most of its life, the read waits with no socket timeout, and
 * a watchdog thread that looks at every open connection a few times per timeout closes one that has
 * had no traffic for the idle timeout (closing a socket unblocks the thread reading it). The read
 * could carry the deadline itself ({@code setSoTimeout}), but on a virtual thread a timed read arms
 * a timer on the scheduler's delay thread and cancels it when the bytes come: a wake-up of another
 * thread per request, on the path every keep-alive request takes. Once a request has begun, its
 * reads do carry the deadline ({@code setSoTimeout} to what is left of the header or body timeout:
 * the head is timed from its first byte, however slowly it trickles in), because a request that
 * runs out of time is answered 408, which only the connection's own thread can write. Writes have
 * no timeout in {@code java.net.Socket}, so the same watchdog closes the socket of a write that has
 * made no progress for the write timeout, which unblocks the writer.
 *
 * <p>Thread-safe: {@code start} and {@code stop} may be called from any thread; each connection's
 * state is confined to the one thread serving it.
 */
public abstract sealed class BlockingHttpServer implements HttpServer
        permits VirtualThreadHttpServer, ThreadPoolHttpServer {

    private static final int INPUT_BUFFER_BYTES = 4096;
    private static final int OUTPUT_BATCH_BYTES = 16 * 1024;
    private static final int MAX_LINGER_BYTES = 64 * 1024;

    /** The options this server was created with. */
    protected final HttpServerConfig config;
    private final String name;
    private final ServerStats stats = new ServerStats();
    private final DemoSite site;
    private final HttpResponseWriter writer = new HttpResponseWriter();
    private final Set<OpenConnection> open = ConcurrentHashMap.newKeySet();

    private final Object lifecycle = new Object();
    private volatile ServerSocket listener;
    /** One thread each, as executors so that stop() can close() them. */
    private ExecutorService acceptor;
    private ScheduledExecutorService watchdog;
    private volatile Thread acceptorThread;
    private volatile Thread watchdogThread;
    private volatile boolean stopping;

    /** A server named {@code name} on its pages and threads ({@code "virtual"}, {@code "pool"}). */
    BlockingHttpServer(String name, HttpServerConfig config) {
        this.name = name;
        this.config = config;
        this.site = new DemoSite(name, stats);
    }

    /**
     * Runs {@code connection} on a thread of this design; returns false if no thread is available,
     * and the connection is then answered 503 and closed.
     */
    abstract boolean dispatch(Runnable connection);

    /** Where {@link #dispatch} runs connections; stop() closes it once every socket is closed. */
    abstract ExecutorService connectionExecutor();

    /** Connection threads still alive (for tests: empty after stop). */
    abstract List<Thread> liveConnectionThreads();

    @Override
    public void start() throws IOException {
        synchronized (lifecycle) {
            if (acceptor != null) {
                throw new IllegalStateException("already started");
            }
            listener = new ServerSocket();
            try {
                listener.bind(new InetSocketAddress(config.bindAddress(), config.port()), 1024);
            } catch (IOException e) {
                listener.close();
                throw e;
            }
            watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
                watchdogThread = Thread.ofPlatform().name("http-" + name + "-watchdog").unstarted(task);
                return watchdogThread;
            });
            // a few looks per timeout: an idle connection is closed at most a quarter of it late
            long period = Math.clamp(Math.min(config.writeTimeout().toMillis(), config.idleTimeout().toMillis()) / 4,
                    10, 250);
            watchdog.scheduleAtFixedRate(this::closeExpired, period, period, TimeUnit.MILLISECONDS);
            acceptor = Executors.newSingleThreadExecutor(task -> {
                acceptorThread = Thread.ofPlatform().name("http-" + name + "-acceptor").unstarted(task);
                return acceptorThread;
            });
            acceptor.execute(this::acceptLoop);
        }
    }

    @Override
    public int port() {
        return listener.getLocalPort();
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
        synchronized (lifecycle) {
            if (acceptor == null || stopping) {
                return;
            }
            stopping = true;
        }
        try {
            listener.close(); // unblocks accept()
        } catch (IOException e) {
            // already closed
        }
        // Each close() waits for its executor's tasks, through an interrupt too (which it keeps for the
        // caller): the contract is that no thread of the server is left working.
        acceptor.close();
        for (OpenConnection connection : open) {
            connection.closeSocket(); // unblocks its thread's read or write
        }
        connectionExecutor().close(); // connections still queued run at once, on their closed sockets
        for (OpenConnection connection : open) {
            if (open.remove(connection)) { // only if a connection's thread never got to count it
                connection.closeSocket();
                stats.connectionClosed();
            }
        }
        watchdog.close(); // shutdown cancels its periodic check; close waits for a check under way
    }

    /** Threads this server started that are still alive (for tests: none soon after stop). */
    List<Thread> liveThreads() {
        List<Thread> live = new ArrayList<>(liveConnectionThreads());
        for (Thread thread : new Thread[] {acceptorThread, watchdogThread}) {
            if (thread != null && thread.isAlive()) {
                live.add(thread);
            }
        }
        return live;
    }

    private void acceptLoop() {
        while (!stopping) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (SocketException e) {
                return; // the listener was closed by stop()
            } catch (IOException e) {
                continue; // e.g. too many open files; the next accept may succeed
            }
            OpenConnection connection = new OpenConnection(socket);
            if (open.size() >= config.maxConnections()) {
                reject(socket);
                continue;
            }
            open.add(connection);
            stats.connectionOpened();
            if (stopping || !dispatch(() -> serveConnection(connection))) {
                if (open.remove(connection)) {
                    stats.connectionClosed();
                }
                reject(socket);
            }
        }
    }

    /** 503 and close, from the acceptor: a fresh socket's send buffer is empty, so this cannot block. */
    private void reject(Socket socket) {
        try (socket) {
            socket.getOutputStream().write(writer.encode(
                    DemoSite.errorPage(503, "no thread free to serve this connection", List.of(), false, true)));
            stats.responseSent(503);
        } catch (IOException e) {
            // the client is gone; nothing to answer
        }
    }

    /** The watchdog's look: closes stalled writes and connections idle past their deadline. */
    private void closeExpired() {
        long now = System.nanoTime();
        long limit = config.writeTimeout().toNanos();
        for (OpenConnection connection : open) {
            long started = connection.writeStarted;
            long idleUntil = connection.idleDeadline.get();
            if (started != 0 && now - started > limit) {
                connection.closeSocket();
            } else if (idleUntil != 0 && now - idleUntil >= 0 && !connection.hasUnreadInput()
                    && connection.idleDeadline.compareAndSet(idleUntil, 0)) {
                // Unread input is a request whose first byte has come: the header timeout governs it
                // once its thread reads it. The compareAndSet decides, with the thread's own, which
                // of the two saw the end of the wait first, so a request read meanwhile is answered.
                connection.closeSocket();
            }
        }
    }

    /** Serves one connection start to end on the calling thread. */
    private void serveConnection(OpenConnection connection) {
        Socket socket = connection.socket;
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            HttpRequestParser parser = new HttpRequestParser(config);
            byte[] inputBytes = new byte[INPUT_BUFFER_BYTES];
            ByteBuffer input = ByteBuffer.wrap(inputBytes, 0, 0);
            ByteBuffer output = ByteBuffer.allocate(OUTPUT_BATCH_BYTES);
            HttpRequestParser.Phase phase = HttpRequestParser.Phase.IDLE;
            long deadline = 0; // set below, before the first read
            int soTimeout = 0; // the socket's read timeout as last set, to set it only when it changes
            while (!stopping) {
                boolean answered = false;
                ParseResult result;
                while ((result = parser.parse(input)) != null) {
                    HttpResponse response = site.respond(result);
                    output = append(output, writer.encode(response));
                    stats.responseSent(response.status());
                    answered = true;
                    if (response.close()) {
                        write(connection, out, output);
                        linger(socket, in, inputBytes);
                        return;
                    }
                    if (output.position() >= OUTPUT_BATCH_BYTES) {
                        write(connection, out, output); // a long pipeline: do not hold all answers
                    }
                }
                // everything read so far is consumed; send the answers in one write, as pipelining wants
                write(connection, out, output);
                HttpRequestParser.Phase now = parser.phase();
                if (now == HttpRequestParser.Phase.IDLE) {
                    // the idle clock restarts after every read and every write (RFC 9112 9.5), so a
                    // connection that keeps sending requests is never closed by it
                    deadline = System.nanoTime() + config.idleTimeout().toNanos();
                } else if (now != phase || answered) {
                    // a new head or content began in the bytes just read: its clock starts now
                    deadline = System.nanoTime() + (now == HttpRequestParser.Phase.HEAD
                            ? config.headerTimeout().toNanos() : config.bodyTimeout().toNanos());
                }
                phase = now;
                int n;
                try {
                    if (phase == HttpRequestParser.Phase.IDLE) {
                        // between requests: an untimed read, the watchdog keeps the idle deadline
                        if (soTimeout != 0) {
                            socket.setSoTimeout(soTimeout = 0);
                        }
                        connection.idleDeadline.set(deadline);
                        n = in.read(inputBytes);
                        if (!connection.idleDeadline.compareAndSet(deadline, 0)) {
                            return; // the watchdog has closed the connection as idle
                        }
                    } else {
                        long leftMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                        if (leftMillis <= 0) {
                            throw new SocketTimeoutException();
                        }
                        socket.setSoTimeout(soTimeout = (int) Math.min(leftMillis, Integer.MAX_VALUE));
                        n = in.read(inputBytes);
                    }
                } catch (SocketTimeoutException e) {
                    // only a request under way reads with a timeout: it ran out of time
                    HttpResponse timeout = DemoSite.errorPage(408, "request not received in time",
                            List.of(), false, true);
                    write(connection, out, append(output, writer.encode(timeout)));
                    stats.responseSent(408);
                    linger(socket, in, inputBytes);
                    return;
                }
                if (n < 0) {
                    // the client closed or half-closed: every complete request read is answered already
                    // (the loop above consumes all input before reading more); a partial one cannot be
                    return;
                }
                input.clear().limit(n);
            }
        } catch (IOException e) {
            // reset by peer, closed by stop() or by the watchdog: the connection is over
        } finally {
            if (open.remove(connection)) {
                stats.connectionClosed();
            }
        }
    }

    private static ByteBuffer append(ByteBuffer output, byte[] bytes) {
        if (output.remaining() < bytes.length) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(output.capacity() * 2, output.position() + bytes.length));
            output.flip();
            bigger.put(output);
            output = bigger;
        }
        return output.put(bytes);
    }

    /** Writes and empties {@code output}, under the watchdog's eye. */
    private static void write(OpenConnection connection, OutputStream out, ByteBuffer output) throws IOException {
        if (output.position() == 0) {
            return;
        }
        connection.writeStarted = System.nanoTime();
        try {
            out.write(output.array(), 0, output.position());
        } finally {
            connection.writeStarted = 0;
        }
        output.clear();
    }

    /**
     * Half-closes and reads what the client still sends for a while before closing, so that unread
     * input does not make the kernel reset the connection and destroy the response (RFC 9112 9.6).
     */
    private void linger(Socket socket, InputStream in, byte[] scratch) throws IOException {
        socket.shutdownOutput();
        long deadline = System.nanoTime() + config.lingerTimeout().toNanos();
        long discarded = 0;
        while (discarded < MAX_LINGER_BYTES) {
            long leftMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (leftMillis <= 0) {
                return;
            }
            socket.setSoTimeout((int) Math.min(leftMillis, Integer.MAX_VALUE));
            int n;
            try {
                n = in.read(scratch);
            } catch (SocketTimeoutException e) {
                return;
            }
            if (n < 0) {
                return;
            }
            discarded += n;
        }
    }

    /** One open connection, as the acceptor, its thread, the watchdog and stop() see it. */
    private static final class OpenConnection {
        final Socket socket;
        /** System.nanoTime() when the current write began, 0 when not writing; read by the watchdog. */
        volatile long writeStarted;
        /**
         * System.nanoTime() at which the wait for the next request times out, 0 when the thread is
         * not waiting for one; whoever moves it from the deadline to 0 first, the thread after its
         * read or the watchdog before its close, decides how the wait ended.
         */
        final AtomicLong idleDeadline = new AtomicLong();

        OpenConnection(Socket socket) {
            this.socket = socket;
        }

        /** Whether bytes have arrived that no read has taken yet (false once the socket is closed). */
        boolean hasUnreadInput() {
            try {
                return socket.getInputStream().available() > 0;
            } catch (IOException e) {
                return false;
            }
        }

        void closeSocket() {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }
}
