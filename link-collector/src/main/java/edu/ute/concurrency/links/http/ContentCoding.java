package edu.ute.concurrency.links.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * The content codings a crawler asks for ({@link #ACCEPT_ENCODING}) and undoes: {@code gzip} and
 * {@code deflate}, RFC 9110 section 8.4.1, both in {@code java.util.zip}.
 *
 * <ul>
 *   <li>{@code Content-Encoding} lists the codings in the order they were applied, so they are
 *       undone from the last to the first (section 8.4); {@code identity} is no coding and
 *       {@code x-gzip} is {@code gzip} (section 8.4.1.3).</li>
 *   <li>{@code deflate} is the zlib format (section 8.4.1.2); some servers send raw deflate data
 *       without the zlib wrapper, which browsers accept too, and so does this class.</li>
 *   <li>Decoded output is capped like any body: a small compressed body that expands to
 *       gigabytes costs the cap, no more. A body whose transfer was cut at its own cap decodes as
 *       far as its bytes go.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class ContentCoding {

    /** The request header value: the codings this class can undo (RFC 9110 section 12.5.3). */
    public static final String ACCEPT_ENCODING = "gzip, deflate";

    private ContentCoding() {
    }

    /** A decoded body. */
    public record Decoded(byte[] bytes, boolean truncated) {
    }

    /** A coding this class does not know ({@code br}, {@code zstd}, {@code compress}...). */
    public static final class UnsupportedCodingException extends IOException {
        public UnsupportedCodingException(String coding) {
            super(coding);
        }
    }

    /**
     * Undoes the codings named in {@code contentEncoding} (the field's values, null for none).
     *
     * @param body      the body as received
     * @param truncated the transfer was cut before the end of the body
     * @param limit     the most decoded bytes to return
     * @throws UnsupportedCodingException for a coding not listed in {@link #ACCEPT_ENCODING}
     * @throws IOException                for data that is not what its coding says
     */
    public static Decoded decode(List<String> contentEncoding, byte[] body, boolean truncated, int limit)
            throws IOException {
        List<String> codings = new ArrayList<>();
        for (String value : contentEncoding) {
            for (String c : value.split(",")) {
                String coding = c.strip().toLowerCase(Locale.ROOT);
                if (!coding.isEmpty() && !coding.equals("identity")) {
                    codings.add(coding.equals("x-gzip") ? "gzip" : coding);
                }
            }
        }
        for (String coding : codings) {
            if (!coding.equals("gzip") && !coding.equals("deflate")) {
                throw new UnsupportedCodingException(coding);
            }
        }
        byte[] bytes = body;
        boolean cut = truncated;
        for (int i = codings.size() - 1; i >= 0; i--) {
            Decoded d = undo(codings.get(i), bytes, cut, limit);
            bytes = d.bytes();
            cut = d.truncated();
        }
        return new Decoded(bytes, cut);
    }

    private static Decoded undo(String coding, byte[] data, boolean inputCut, int limit) throws IOException {
        if (coding.equals("gzip")) {
            return inflate(new GZIPInputStream(new ByteArrayInputStream(data)), inputCut, limit);
        }
        try {
            return inflate(data, false, inputCut, limit);
        } catch (ZipException notZlib) {
            // Raw deflate without the zlib header: what some servers send as "deflate".
            return inflate(data, true, inputCut, limit);
        }
    }

    private static Decoded inflate(byte[] data, boolean raw, boolean inputCut, int limit) throws IOException {
        Inflater inflater = new Inflater(raw);
        try {
            return inflate(new InflaterInputStream(new ByteArrayInputStream(data), inflater), inputCut, limit);
        } finally {
            inflater.end();   // a stream given its own Inflater does not end it
        }
    }

    private static Decoded inflate(InputStream in, boolean inputCut, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, 64 * 1024));
        byte[] buffer = new byte[16 * 1024];
        try (in) {
            while (true) {
                int room = limit - out.size();
                int n = in.read(buffer, 0, Math.min(buffer.length, room + 1));
                if (n < 0) {
                    return new Decoded(out.toByteArray(), false);
                }
                if (n > room) {
                    out.write(buffer, 0, room);
                    return new Decoded(out.toByteArray(), true);
                }
                out.write(buffer, 0, n);
            }
        } catch (EOFException e) {
            if (inputCut) {
                return new Decoded(out.toByteArray(), true);   // the transfer was cut: keep what it held
            }
            throw new ZipException("compressed data ends early");
        }
    }
}
