package edu.ute.concurrency.examples.tour.workers;

import edu.ute.concurrency.rle.PackedBitImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The length-prefixed protocol between a {@link WorkerProcessPool} and its worker JVMs
 * ({@link WorkerProcessMain}), over the worker's stdin and stdout. Every message is one frame:
 * a big-endian {@code int} length, then that many bytes of body. The length comes first so that the
 * reader knows how much to read — a pipe has no message boundaries — and can refuse an absurd length
 * before allocating it.
 * <pre>
 * worker → pool, once at start:  HELLO   int magic 0x544F5552 ("TOUR"), long pid
 * pool → worker, per task:        TASK    int taskId, int attempt, byte crashDrill, int width, int height,
 *                                         long words[height * wordsPerRow]  (PackedBitImage layout)
 * worker → pool, per task:        RESULT  int taskId, byte 0, byte payload[]   (the RLE bytes)
 *                                  or      int taskId, byte 1, UTF message      (the task threw)
 * pool → worker: end of stdin = stop. A worker that dies shows up as end of its stdout.
 * </pre>
 *
 * <p><b>Thread safety.</b> Stateless; each stream belongs to one thread.
 */
final class WorkerProtocol {
    static final int MAGIC = 0x544F5552;
    /** Larger than any page the tour sends (a 600 dpi A4 page is 4.4 MB packed), small enough to allocate. */
    static final int MAX_FRAME_BYTES = 64 << 20;
    static final byte STATUS_OK = 0;
    static final byte STATUS_ERROR = 1;

    private WorkerProtocol() {
    }

    /** A decoded TASK frame. */
    record Task(int taskId, int attempt, CrashDrill crashDrill, PackedBitImage image) {
    }

    /** A decoded RESULT frame: {@code payload} when ok, else {@code error}. */
    record Result(int taskId, byte[] payload, String error) {
    }

    static void writeFrame(DataOutputStream out, byte[] body) throws IOException {
        out.writeInt(body.length);
        out.write(body);
        out.flush();
    }

    /** Reads one frame's body, or returns {@code null} at a clean end of stream (before a length). */
    static byte[] readFrame(DataInputStream in) throws IOException {
        int length;
        try {
            length = in.readInt();
        } catch (EOFException e) {
            return null;
        }
        if (length < 0 || length > MAX_FRAME_BYTES) {
            throw new IOException("frame length " + length + " outside 0.." + MAX_FRAME_BYTES
                    + ": the other side is not speaking this protocol (stray output on stdout?)");
        }
        byte[] body = new byte[length];
        in.readFully(body); // EOFException here: the other side died mid-frame
        return body;
    }

    static byte[] hello(long pid) {
        return body(out -> {
            out.writeInt(MAGIC);
            out.writeLong(pid);
        });
    }

    /** Checks a HELLO frame and returns the worker's pid. */
    static long parseHello(byte[] body) throws IOException {
        DataInputStream in = reader(body);
        int magic = body.length == 12 ? in.readInt() : 0;
        if (magic != MAGIC) {
            throw new IOException("worker's first frame is not HELLO (" + body.length + " bytes)");
        }
        return in.readLong();
    }

    static byte[] task(int taskId, int attempt, CrashDrill drill, PackedBitImage image) {
        return body(out -> {
            out.writeInt(taskId);
            out.writeInt(attempt);
            out.writeByte(drill.ordinal());
            out.writeInt(image.width());
            out.writeInt(image.height());
            long[] row = new long[image.wordsPerRow()];
            for (int y = 0; y < image.height(); y++) {
                image.copyRow(y, row);
                for (long word : row) {
                    out.writeLong(word);
                }
            }
        });
    }

    static Task parseTask(byte[] body) throws IOException {
        DataInputStream in = reader(body);
        int taskId = in.readInt();
        int attempt = in.readInt();
        int drill = in.readUnsignedByte();
        if (drill >= CrashDrill.values().length) {
            throw new IOException("task " + taskId + ": unknown crash drill " + drill);
        }
        int width = in.readInt();
        int height = in.readInt();
        // Check the size against the frame before allocating the image.
        long expected = 17 + 8L * PackedBitImage.wordsFor(Math.max(0, width)) * Math.max(0, height);
        if (width < 0 || height < 0 || expected != body.length) {
            throw new IOException("task " + taskId + ": image " + width + "x" + height + " does not match a "
                    + body.length + "-byte frame");
        }
        PackedBitImage image = new PackedBitImage(width, height);
        long[] row = new long[image.wordsPerRow()];
        for (int y = 0; y < height; y++) {
            for (int k = 0; k < row.length; k++) {
                row[k] = in.readLong();
            }
            image.setRow(y, row);
        }
        return new Task(taskId, attempt, CrashDrill.values()[drill], image);
    }

    static byte[] ok(int taskId, byte[] payload) {
        return body(out -> {
            out.writeInt(taskId);
            out.writeByte(STATUS_OK);
            out.write(payload);
        });
    }

    static byte[] error(int taskId, String message) {
        return body(out -> {
            out.writeInt(taskId);
            out.writeByte(STATUS_ERROR);
            // writeUTF holds at most 65535 bytes; a message is never that long, but cut it to be sure.
            out.writeUTF(message.length() > 2000 ? message.substring(0, 2000) : message);
        });
    }

    static Result parseResult(byte[] body) throws IOException {
        DataInputStream in = reader(body);
        int taskId = in.readInt();
        byte status = in.readByte();
        if (status == STATUS_OK) {
            byte[] payload = new byte[body.length - 5];
            in.readFully(payload);
            return new Result(taskId, payload, null);
        }
        if (status == STATUS_ERROR) {
            return new Result(taskId, null, in.readUTF());
        }
        throw new IOException("task " + taskId + ": unknown result status " + status);
    }

    private interface BodyWriter {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] body(BodyWriter writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    private static DataInputStream reader(byte[] body) {
        return new DataInputStream(new ByteArrayInputStream(body));
    }
}
