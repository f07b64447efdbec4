package edu.ute.concurrency.links.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server that answers each request with bytes a test writes by hand: the way to feed
 * the client responses no well-behaved server sends (bare LF, obsolete folding, a 1xx first,
 * conflicting lengths, a body that stops). One thread per connection; {@link #close()} ends them.
 */
final class ScriptedServer implements AutoCloseable {

    /** What to send for one request, and what to do after. */
    record Reply(byte[] bytes, After after) {
        static Reply of(String text, After after) {
            return new Reply(text.getBytes(StandardCharsets.ISO_8859_1), after);
        }
    }

    enum After { KEEP_OPEN, CLOSE, STALL }

    @FunctionalInterface
    interface Script {
        /** The reply to the {@code request}-th request (0-based) on the {@code connection}-th connection. */
        Reply reply(int connection, int request, String requestHead);
    }

    private final ServerSocket server;
    private final Script script;
    private final AtomicInteger connections = new AtomicInteger();
    /** Stalled connections that the client closed (an aborted exchange). */
    final java.util.concurrent.CountDownLatch stalledClosedByClient = new java.util.concurrent.CountDownLatch(1);
    final List<String> requestHeads = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    ScriptedServer(Script script) throws IOException {
        this.script = script;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::accept, "scripted-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url(String target) {
        return "http://127.0.0.1:" + server.getLocalPort() + target;
    }

    int connections() {
        return connections.get();
    }

    private void accept() {
        try {
            while (true) {
                Socket s = server.accept();
                sockets.add(s);
                int n = connections.getAndIncrement();
                Thread t = new Thread(() -> serve(s, n), "scripted-conn-" + n);
                t.setDaemon(true);
                t.start();
            }
        } catch (IOException e) {
            // closed
        }
    }

    private void serve(Socket s, int connection) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            for (int request = 0; ; request++) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                requestHeads.add(head);
                Reply r = script.reply(connection, request, head);
                out.write(r.bytes());
                out.flush();
                if (r.after() == After.CLOSE) {
                    return;
                }
                if (r.after() == After.STALL) {
                    while (in.read() >= 0) {
                        // hold the connection until the client gives up
                    }
                    stalledClosedByClient.countDown();
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            String text = head.toString(StandardCharsets.ISO_8859_1);
            if (text.endsWith("\r\n\r\n")) {
                return text;
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
