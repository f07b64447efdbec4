package edu.ute.concurrency.examples.tour.virtualthreads;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordingFile;

/**
 * Shows the virtual-thread trap students hit — <em>pinning</em> — and how to see it with JFR.
 *
 * <p>A virtual thread that blocks normally unmounts from its carrier (a platform thread of a small
 * ForkJoinPool), so the carrier runs other virtual threads meanwhile. When it cannot unmount it is
 * <em>pinned</em>: it blocks the carrier too, and with as many pinned threads as carriers every other
 * virtual thread waits. Where pinning happens depends on the JDK:
 * <ul>
 *   <li>JDK 21–23: blocking inside {@code synchronized} (or in {@code Object.wait()}) pins. The classic
 *       trap: an old library holds a monitor across I/O. The fix was to use {@code ReentrantLock}.
 *       {@code -Djdk.tracePinnedThreads=full} prints a stack trace when it happens.</li>
 *   <li>JDK 24+ (JEP 491): monitors no longer pin; {@code synchronized} is fine again, and
 *       {@code -Djdk.tracePinnedThreads} was removed. Still pinned: blocking inside a class
 *       initializer ({@code static {}}), waiting for another thread's class initialization, and
 *       blocking under a native frame (JNI or a foreign-function upcall).</li>
 * </ul>
 * On every JDK from 21, the JFR event {@code jdk.VirtualThreadPinned} (enabled by default with a 20 ms
 * threshold) records each pinned block with its stack trace; this class starts a recording around each
 * case and counts the events, the same as {@code java -XX:StartFlightRecording:filename=rec.jfr ...}
 * followed by {@code jfr print --events jdk.VirtualThreadPinned rec.jfr}.
 *
 * <p>The cases run {@code 4 × carriers} virtual threads that each block for {@link #HOLD}: unpinned
 * they take about one {@code HOLD}; pinned, about {@code 4 × HOLD}, because only {@code carriers}
 * can block at once.
 *
 * <p><b>Thread safety.</b> Run it from one thread at a time.
 */
public final class PinningProbe {
    /** The JFR event for a virtual thread blocked while pinned. */
    public static final String PINNED_EVENT = "jdk.VirtualThreadPinned";

    /** How long each task blocks; fixed because a class initializer cannot take a parameter. */
    public static final Duration HOLD = Duration.ofMillis(100);

    private PinningProbe() {
    }

    /** One case's outcome; {@code pinnedEvents} is -1 if JFR is not available in this runtime. */
    public record Case(String name, int tasks, long wallNanos, long pinnedEvents) {
    }

    /** Number of carrier threads of the virtual-thread scheduler. */
    public static int carriers() {
        return Integer.getInteger("jdk.virtualThreadScheduler.parallelism", Runtime.getRuntime().availableProcessors());
    }

    /**
     * Runs the three cases, each task blocking for {@link #HOLD}: inside {@code synchronized}, holding
     * a {@code ReentrantLock}, and inside a class initializer.
     */
    public static List<Case> runAll() throws InterruptedException {
        Duration hold = HOLD;
        int tasks = 4 * carriers();
        List<Case> cases = new ArrayList<>();
        cases.add(measure("sleep inside synchronized", tasks, () -> {
            Object monitor = new Object(); // one per task: no contention, only the blocking matters
            synchronized (monitor) {
                Thread.sleep(hold);
            }
        }));
        cases.add(measure("sleep holding a ReentrantLock", tasks, () -> {
            ReentrantLock lock = new ReentrantLock();
            lock.lock();
            try {
                Thread.sleep(hold);
            } finally {
                lock.unlock();
            }
        }));
        // Each task initializes its own copy of the class (a class is initialized once per loader),
        // so that every task blocks in an initializer, as the first two cases block in their locks.
        List<Class<?>> copies = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            copies.add(freshCopyOf(SlowlyInitialized.class));
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        cases.add(measure("sleep inside a class initializer", tasks, () -> initialize(copies.get(next.getAndIncrement()))));
        return cases;
    }

    /** The body of one task. */
    @FunctionalInterface
    interface Body {
        void run() throws InterruptedException;
    }

    private static Case measure(String name, int tasks, Body body) throws InterruptedException {
        Recording recording = startRecording();
        long start = System.nanoTime();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                futures.add(executor.submit(() -> {
                    body.run();
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(name + ": a task failed", e.getCause());
                }
            }
        }
        long wall = System.nanoTime() - start;
        return new Case(name, tasks, wall, countPinned(recording));
    }

    private static Recording startRecording() {
        try {
            Recording recording = new Recording();
            recording.enable(PINNED_EVENT).withThreshold(Duration.ofMillis(20)).withStackTrace();
            recording.start();
            return recording;
        } catch (RuntimeException | LinkageError e) {
            // A runtime without JFR (jlink'ed without jdk.jfr): the case still runs, uncounted.
            return null;
        }
    }

    private static long countPinned(Recording recording) {
        if (recording == null) {
            return -1;
        }
        try (recording) {
            recording.stop();
            Path file = Files.createTempFile("pinning", ".jfr");
            try {
                recording.dump(file);
                return RecordingFile.readAllEvents(file).stream()
                        .filter(e -> e.getEventType().getName().equals(PINNED_EVENT))
                        .count();
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("reading the JFR recording", e);
        }
    }

    /** Runs the static initializer of {@code c} on the calling thread. */
    private static void initialize(Class<?> c) {
        try {
            Class.forName(c.getName(), true, c.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Defines {@code c} again in a new class loader: a distinct class with the same bytes, not yet
     * initialized. The copy must only use public API, since it is in another runtime package.
     */
    private static Class<?> freshCopyOf(Class<?> c) {
        String name = c.getName();
        byte[] bytes;
        try (var in = c.getClassLoader().getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new IllegalStateException("class file of " + name + " not found");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ClassLoader loader = new ClassLoader("pinning-probe", PinningProbe.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String n, boolean resolve) throws ClassNotFoundException {
                if (!n.equals(name)) {
                    return super.loadClass(n, resolve);
                }
                synchronized (getClassLoadingLock(n)) {
                    Class<?> loaded = findLoadedClass(n);
                    return loaded != null ? loaded : defineClass(n, bytes, 0, bytes.length);
                }
            }
        };
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A class whose static initializer blocks for {@link #HOLD}: the virtual thread running it is
     * pinned on every JDK so far.
     */
    static final class SlowlyInitialized {
        static {
            try {
                Thread.sleep(100); // = HOLD; a constant, so the copies need nothing from PinningProbe
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private SlowlyInitialized() {
        }
    }
}
