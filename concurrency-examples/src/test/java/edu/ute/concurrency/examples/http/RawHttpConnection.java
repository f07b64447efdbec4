package edu.ute.concurrency.examples.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A test client that writes exactly the bytes a test gives it (malformed ones too) and reads
 * responses framed by Content-Length, with a timeout on every read so no test can hang.
 */
final class RawHttpConnection implements AutoCloseable {

    /** One response as read off the wire; header names lower case. */
    record Response(String statusLine, int status, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawHttpConnection(int port) throws IOException {
        this(port, 5000);
    }

    RawHttpConnection(int port, int readTimeoutMillis) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(readTimeoutMillis);
        socket.setTcpNoDelay(true);
        // buffered: a test may read a thousand pipelined answers; one system call per byte is slow
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = socket.getOutputStream();
    }

    RawHttpConnection send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    RawHttpConnection send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Half-closes: the server sees the end of the input, and can still send its answers. */
    RawHttpConnection halfClose() throws IOException {
        socket.shutdownOutput();
        return this;
    }

    /** Reads one response; {@code headRequest} true if it answers a HEAD (no content follows). */
    Response read(boolean headRequest) throws IOException {
        String statusLine = readLine();
        if (statusLine == null) {
            throw new IOException("connection closed before a status line");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        String line;
        while ((line = readLine()) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
            if (headers.containsKey(name)) {
                throw new IOException("response repeats header " + name);
            }
            headers.put(name, line.substring(colon + 1).strip());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = headRequest ? new byte[0] : in.readNBytes(length);
        if (!headRequest && body.length != length) {
            throw new IOException("content shorter than Content-Length");
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        return new Response(statusLine, status, headers, body);
    }

    Response read() throws IOException {
        return read(false);
    }

    /** True if the server closes the connection (EOF or reset) before the read timeout. */
    boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true; // reset
        }
    }

    /** Bytes available right now without waiting (0 if none); detects stray bytes after a response. */
    int strayBytes(int waitMillis) throws IOException {
        int saved = socket.getSoTimeout();
        socket.setSoTimeout(waitMillis);
        try {
            return in.read() < 0 ? 0 : 1;
        } catch (SocketTimeoutException e) {
            return 0;
        } finally {
            socket.setSoTimeout(saved);
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(c);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
