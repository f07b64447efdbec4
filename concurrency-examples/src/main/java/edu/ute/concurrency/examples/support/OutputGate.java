package edu.ute.concurrency.examples.support;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Lets the output files being written finish when the program is stopped (Ctrl-C, {@code kill}), and
 * lets no new one start, so that a stopped batch leaves each output complete or absent and no temporary
 * file behind.
 *
 * <pre>{@code
 * OutputGate.write(() -> ImageFiles.writeAtomically(output, bytes));
 * }</pre>
 *
 * <p>Why it is needed: an output is written to a hidden temporary file ({@code .page.rle.123.tmp}) and
 * then moved into place, and the writer's {@code finally} removes the temporary file if anything fails.
 * But when the JVM is asked to stop, it runs its shutdown hooks while the program's threads carry on,
 * and then halts them wherever they are: a thread halted between creating its temporary file and moving
 * it never reaches its {@code finally}. The gate's shutdown hook closes the gate, so that a write not
 * yet started fails with an {@link IOException} instead, and waits (a few seconds at most) for the writes
 * in progress, which then finish or clean up after themselves before the JVM halts.
 *
 * <p><b>Thread safety.</b> {@link #write} may be called from any number of threads at once; writes run
 * concurrently with one another.
 */
public final class OutputGate {
    /** A write that may be cut short only before it starts. */
    @FunctionalInterface
    public interface Write {
        void run() throws IOException;
    }

    /** Longest the shutdown hook waits for writes in progress: far more than one image takes. */
    static final long DRAIN_MILLIS = 5_000;

    /** The gate of this JVM, closed by its shutdown hook. */
    private static final OutputGate JVM = new OutputGate(DRAIN_MILLIS);

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(JVM::close, "output-gate"));
    }

    /** Writes share the read lock; closing takes the write lock once they are done. */
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final long drainMillis;
    private volatile boolean closed;

    OutputGate(long drainMillis) {
        this.drainMillis = drainMillis;
    }

    /** Runs {@code write} unless this JVM is stopping; then it throws without writing anything. */
    public static void write(Write write) throws IOException {
        JVM.pass(write);
    }

    void pass(Write write) throws IOException {
        if (closed) { // checked before the lock too: once closed, the lock may never be given back
            throw stopping();
        }
        lock.readLock().lock();
        try {
            if (closed) { // closed while this write waited for the lock
                throw stopping();
            }
            write.run();
        } finally {
            lock.readLock().unlock();
        }
    }

    private static IOException stopping() {
        return new IOException("not written: the program is stopping");
    }

    /**
     * Closes the gate and waits for the writes in progress (at most the drain time). The lock is never
     * given back: a write that passed the first check of {@link #pass} just before the gate closed
     * waits for it until the JVM halts, and writes nothing.
     *
     * @return whether every write in progress finished in time
     */
    boolean close() {
        closed = true;
        try {
            return lock.writeLock().tryLock(drainMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the JVM is stopping anyway; keep the flag for whoever looks
            return false;
        }
    }
}
