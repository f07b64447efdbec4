package edu.ute.concurrency.examples.tour.workers;

import edu.ute.concurrency.examples.support.ChildJvm;
import edu.ute.concurrency.rle.Rle;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;

/**
 * The main of a worker JVM of {@link WorkerProcessPool}: reads TASK frames from stdin, RLE-encodes each
 * image with rle-core, writes a RESULT frame to stdout, and exits when stdin ends. Students never run
 * it by hand; the pool starts it with {@link ChildJvm}. The protocol is in {@link WorkerProtocol}.
 *
 * <p>A task flagged with a {@link CrashDrill} makes the worker halt without replying (exit status
 * {@value #CRASH_EXIT_STATUS}), to show the pool detecting a dead worker.
 */
public final class WorkerProcessMain {
    /** Exit status of a worker that dies on purpose in a {@link CrashDrill}. */
    public static final int CRASH_EXIT_STATUS = 3;

    private WorkerProcessMain() {
    }

    public static void main(String[] args) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        // stdout is the protocol channel: anything else printed there (a library's println) would
        // corrupt a frame, so System.out now goes to stderr, which the pool passes through.
        System.setOut(System.err);
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
        WorkerProtocol.writeFrame(out, WorkerProtocol.hello(ProcessHandle.current().pid()));
        byte[] frame;
        while ((frame = WorkerProtocol.readFrame(in)) != null) {
            WorkerProtocol.Task task = WorkerProtocol.parseTask(frame);
            if (task.crashDrill().crashesOn(task.attempt())) {
                // halt, not exit: no shutdown hooks, no flushing — as abrupt as a real crash.
                Runtime.getRuntime().halt(CRASH_EXIT_STATUS);
            }
            byte[] reply;
            try {
                reply = WorkerProtocol.ok(task.taskId(), Rle.encoder().encode(task.image()));
            } catch (RuntimeException e) {
                reply = WorkerProtocol.error(task.taskId(), e.toString());
            }
            WorkerProtocol.writeFrame(out, reply);
        }
        // End of stdin: the pool is closing. Returning ends the JVM with status 0.
    }
}
