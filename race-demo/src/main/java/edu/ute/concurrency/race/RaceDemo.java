package edu.ute.concurrency.race;

import java.io.PrintStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * The course exercise: a global variable updated from many threads, with every update shown so the
 * conflicts and the wrong total are visible; then the same count with each fix, side by side.
 *
 * <p>N threads (default 4) each add 1 to a shared {@code static int} M times (default 1,000). The first
 * run has no synchronization and is <b>wrong on purpose</b>: {@code counter++} is read, add, write,
 * and a thread that writes back what it read + 1 after another thread's write throws that write
 * away. The program lists the run's reads and writes in the order they happened and marks each lost
 * update (see {@link Timeline}); {@code --by-value} lists the updates ordered by the value written
 * instead, which shows how often values collided but not how. When nothing was lost it says why and
 * what to change. Then it runs each fix and prints one line per variant: result, expected, lost
 * updates, time.
 *
 * <p>By default every variant calls {@link Thread#yield()} between reading and writing the count. It
 * plays the scheduler switching threads at the worst moment: without it a few thousand increments on
 * 2 cores usually lose nothing (the threads hardly overlap), and in long runs the JIT may turn a
 * thread's whole loop into one write at the end. {@code --plain} runs the plain loops, for timing.
 *
 * <p>The fixes, one idea each:
 * <ul>
 *   <li>{@code synchronized}: the increment under one monitor; unlock happens-before the next lock.</li>
 *   <li>{@code ReentrantLock}: the same with an explicit lock, {@code unlock} in {@code finally}.</li>
 *   <li>{@code AtomicInteger}: one atomic read-modify-write instruction, no lock.</li>
 *   <li>{@code LongAdder}: per-thread cells summed at the end; fastest under contention.</li>
 *   <li>thread confinement + join: each thread counts in its own local variable, and the main thread
 *       adds the results after {@code join()}, which makes each thread's writes visible.</li>
 * </ul>
 *
 * <p>Why the updates are not printed <i>while</i> the threads run: {@code System.out} takes a lock for
 * every line, which would serialize the threads and hide the race (the bug disappears when you look
 * at it). Each thread records its reads and writes in its own arrays, and the program prints after
 * {@code join()}; {@link #recordUnsynchronized} explains how the time order is kept.
 *
 * <p>HOW TO RUN (from the repository root):
 * <pre>
 *   mvn -q -pl race-demo -am compile exec:exec -Dexec.mainClass=edu.ute.concurrency.race.RaceDemo -Dexec.appArgs="--threads 4"
 *   ... -Dexec.appArgs="--threads 2 --increments 10"                          # too short to race: says why
 *   ... -Dexec.appArgs="--threads 4 --increments 10000000 --quiet --plain"    # big counts, plain loops
 * </pre>
 * Expected output (numbers and interleavings vary from run to run):
 * <pre>
 * Unsynchronized: 4 threads x 1000 increments of a shared static int (wrong on purpose), Thread.yield() between read and write
 * In time order, the first 40 of 8000 events (a thread reads the counter, then writes back what it read + 1):
 *      1  T1   read  0
 *      2  T2   read  0
 *      3  T2   wrote 1
 *      4  T2   read  1
 *      5  T1   wrote 1        &lt;-- lost update: T2's write of 1 overwritten (1 lost so far)
 * ...
 * ... 7960 more events (--events 8000 lists them all)
 * expected 4000, observed 1647, lost updates 2353
 *
 * variant                    result     expected   lost updates    time ms
 * unsynchronized               1489         4000           2511       20.8
 * synchronized                 4000         4000              0       17.6
 * ...
 * </pre>
 * Options: {@code --threads N} (1..1024), {@code --increments M} (per thread), {@code --events K}
 * (events listed in time order), {@code --by-value} (list by value written instead), {@code --quiet}
 * (no listing), {@code --plain} (no yield), {@code --help}. Exit codes: 0 ok, 2 usage error.
 *
 * <p>Not thread-safe as a whole (the racy counter is a static field on purpose): run one count at a
 * time.
 */
public final class RaceDemo {

    /** Most updates a listed run records; beyond that the listing is unreadable anyway. */
    static final long MAX_LISTED_UPDATES = 1_000_000;
    static final int MAX_THREADS = 1024;
    /** Events listed in time order by default: a screenful, enough to follow a few lost updates. */
    static final int DEFAULT_EVENTS = 40;

    /** A word that is an option's name, as in "--increments" or "(--threads": kept with its value when wrapping. */
    private static final Pattern OPTION_NAME = Pattern.compile("\\(?--[a-z-]+");

    /** The shared global of the exercise. Plain and static: wrong on purpose. */
    static int counter;

    /** {@link #counter} as a variable handle, for the recorded run's writes (see {@link #recordUnsynchronized}). */
    private static final VarHandle COUNTER;

    static {
        try {
            COUNTER = MethodHandles.lookup().findStaticVarHandle(RaceDemo.class, "counter", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private RaceDemo() {
    }

    /** The ways of counting, racy first. */
    public enum Variant {
        UNSYNCHRONIZED("unsynchronized"),
        SYNCHRONIZED("synchronized"),
        REENTRANT_LOCK("ReentrantLock"),
        ATOMIC_INTEGER("AtomicInteger"),
        LONG_ADDER("LongAdder"),
        CONFINED_THEN_JOIN("confined+join");

        private final String label;

        Variant(String label) {
            this.label = label;
        }

        /** The name printed in the summary table (one word, so the table parses by whitespace). */
        public String label() {
            return label;
        }
    }

    /**
     * One count: what it should be, what it was, how long it took.
     *
     * @param variant  how the threads counted
     * @param expected threads times increments
     * @param observed the final count
     * @param nanos    wall time of the counting, threads started to all joined
     */
    public record Count(Variant variant, long expected, long observed, long nanos) {

        /** Increments that did not make it into the total. */
        public long lostUpdates() {
            return expected - observed;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * The whole program: parses options, runs the listed racy count unless quiet, then every variant.
     *
     * @return exit code: 0 ok, 2 usage error
     */
    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        int threads = 4;
        int increments = 1_000;
        int events = DEFAULT_EVENTS;
        boolean byValue = false;
        boolean quiet = false;
        boolean plain = false;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--help", "-h" -> {
                        out.println(usage());
                        return 0;
                    }
                    case "--quiet", "-q" -> quiet = true;
                    case "--plain" -> plain = true;
                    case "--by-value" -> byValue = true;
                    case "--threads" -> threads = intOption(args, ++i, "--threads", 1, MAX_THREADS);
                    case "--increments" -> increments = intOption(args, ++i, "--increments", 1, Integer.MAX_VALUE);
                    case "--events" -> events = intOption(args, ++i, "--events", 1, Integer.MAX_VALUE);
                    default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
                }
            }
            if ((long) threads * increments > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("--threads x --increments is " + (long) threads * increments
                        + ", more than an int counter holds (" + Integer.MAX_VALUE + ")");
            }
            if (!quiet && (long) threads * increments > MAX_LISTED_UPDATES) {
                throw new IllegalArgumentException("listing " + (long) threads * increments
                        + " updates is too long to read; add --quiet or lower the counts (at most "
                        + MAX_LISTED_UPDATES + " listed)");
            }
        } catch (IllegalArgumentException e) {
            err.println("RaceDemo: " + e.getMessage());
            err.println(usage());
            return 2;
        }

        boolean yield = !plain;
        boolean explained = false;
        if (!quiet) {
            out.printf("Unsynchronized: %d thread%s x %d increments of a shared static int (wrong on purpose)%s%n",
                    threads, threads == 1 ? "" : "s", increments, yield ? ", Thread.yield() between read and write" : "");
            Timeline timeline = recordUnsynchronized(threads, increments, yield);
            if (byValue) {
                timeline.printByValue(out);
            } else {
                timeline.print(out, events);
            }
            long observed = counter;
            long expected = (long) threads * increments;
            out.printf("expected %d, observed %d, lost updates %d%n", expected, observed, expected - observed);
            if (observed == expected) {
                printWrapped(timeline.noRaceExplanation(increments), out);
                explained = true;
            }
            out.println();
        }
        List<Count> counts = new ArrayList<>();
        for (Variant variant : Variant.values()) {
            counts.add(count(variant, threads, increments, yield));
        }
        printSummary(counts, out);
        if (counts.get(0).lostUpdates() == 0 && !explained) {
            out.println();
            printWrapped(Timeline.noRaceExplanation(threads, increments, yield, Timeline.Overlap.UNKNOWN), out);
        }
        return 0;
    }

    /**
     * Runs {@code threads} threads that each add 1, {@code increments} times, in the given way.
     *
     * @param yieldBetweenReadAndWrite true to call {@link Thread#yield()} between reading and writing
     *                                 the count (in every variant, so they do the same work): it plays
     *                                 the scheduler switching threads at the worst moment, which a
     *                                 short run on 2 cores otherwise rarely shows. False runs the plain
     *                                 loops, for timing.
     * @throws InterruptedException if interrupted while waiting for the threads (they are
     *                              interrupted and joined before this returns)
     */
    public static Count count(Variant variant, int threads, int increments, boolean yieldBetweenReadAndWrite)
            throws InterruptedException {
        // Each variant's shared state is fresh per count, so counts never influence each other.
        Object monitor = new Object();
        ReentrantLock lock = new ReentrantLock();
        AtomicInteger atomic = new AtomicInteger();
        LongAdder adder = new LongAdder();
        long[] confined = new long[threads];
        boolean yield = yieldBetweenReadAndWrite;
        counter = 0;

        List<IncrementTask> tasks = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            int index = t;
            tasks.add(switch (variant) {
                case UNSYNCHRONIZED -> () -> {
                    for (int i = 0; i < increments; i++) {
                        // counter++ spelled out: another thread may write between the read and the write.
                        int read = counter;
                        maybeYield(yield);
                        counter = read + 1;
                    }
                };
                case SYNCHRONIZED -> () -> {
                    for (int i = 0; i < increments; i++) {
                        synchronized (monitor) {
                            // The same code, but nobody else can get in while this thread is switched out.
                            int read = counter;
                            maybeYield(yield);
                            counter = read + 1;
                        }
                    }
                };
                case REENTRANT_LOCK -> () -> {
                    for (int i = 0; i < increments; i++) {
                        lock.lock();
                        try {
                            int read = counter;
                            maybeYield(yield);
                            counter = read + 1;
                        } finally {
                            lock.unlock();
                        }
                    }
                };
                case ATOMIC_INTEGER -> () -> {
                    for (int i = 0; i < increments; i++) {
                        // Read and write are one indivisible instruction: there is no "between".
                        atomic.incrementAndGet();
                        maybeYield(yield);
                    }
                };
                case LONG_ADDER -> () -> {
                    for (int i = 0; i < increments; i++) {
                        adder.increment();
                        maybeYield(yield);
                    }
                };
                case CONFINED_THEN_JOIN -> () -> {
                    long local = 0; // only this thread ever sees it: no race possible
                    for (int i = 0; i < increments; i++) {
                        long read = local;
                        maybeYield(yield);
                        local = read + 1;
                    }
                    confined[index] = local; // published to main by join()
                };
            });
        }
        long nanos = runTogether(tasks);
        long observed = switch (variant) {
            case UNSYNCHRONIZED, SYNCHRONIZED, REENTRANT_LOCK -> counter;
            case ATOMIC_INTEGER -> atomic.get();
            case LONG_ADDER -> adder.sum();
            case CONFINED_THEN_JOIN -> Arrays.stream(confined).sum();
        };
        return new Count(variant, (long) threads * increments, observed, nanos);
    }

    private static void maybeYield(boolean yield) {
        if (yield) {
            Thread.yield();
        }
    }

    /**
     * The racy count again, with every read and write of the counter recorded, for the listing.
     *
     * <p>How the time order is kept without hiding the race: right after each read and each write, a
     * thread takes a ticket from one shared {@link AtomicLong} and keeps it, with the value, in its own
     * arrays; after {@code join()} each event is put at its ticket's place. A ticket costs one atomic
     * instruction and no thread ever waits for another, so the threads still overlap as they would
     * without it (a lock or a shared list would make them take turns). The order is faithful to within
     * the few nanoseconds between an access and its ticket: two events closer together than that may
     * be listed the wrong way round. It cannot show how long each step took, nor when a thread was
     * switched out, and the tickets slow the threads a little, so this run loses a different number of
     * updates than an unrecorded one.
     *
     * <p>The write is an atomic {@code getAndSet} on the same plain field, so that it returns the value
     * it replaced and the marks are exact even where two events are listed out of order. It does not
     * close the race: the value written was read earlier, and other threads write in between.
     *
     * @return the events in time order; the final count is left in {@link #counter}
     */
    static Timeline recordUnsynchronized(int threads, int increments, boolean yieldBetweenReadAndWrite)
            throws InterruptedException {
        counter = 0;
        AtomicLong clock = new AtomicLong();
        // Per thread, for its i-th increment: [2i] the read, [2i+1] the write. Confined until join().
        long[][] tickets = new long[threads][2 * increments];
        int[][] values = new int[threads][2 * increments];
        List<IncrementTask> tasks = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            long[] myTickets = tickets[t];
            int[] myValues = values[t];
            tasks.add(() -> {
                for (int i = 0; i < increments; i++) {
                    int read = counter;
                    myTickets[2 * i] = clock.getAndIncrement();
                    maybeYield(yieldBetweenReadAndWrite);
                    int replaced = (int) COUNTER.getAndSet(read + 1);
                    myTickets[2 * i + 1] = clock.getAndIncrement();
                    myValues[2 * i] = read;
                    myValues[2 * i + 1] = replaced;
                }
            });
        }
        runTogether(tasks);
        return Timeline.fromTickets(tickets, values, yieldBetweenReadAndWrite);
    }

    /** A thread's share of the counting. */
    @FunctionalInterface
    private interface IncrementTask {
        void run();
    }

    /**
     * Starts one platform thread per task, releases them together through a spinning start gate (so
     * they really overlap instead of finishing one by one while the next is still being created), and
     * joins them all.
     *
     * @return nanoseconds from the gate opening to the last join
     */
    private static long runTogether(List<IncrementTask> tasks) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(tasks.size());
        StartGate gate = new StartGate();
        List<Thread> threads = new ArrayList<>(tasks.size());
        for (int t = 0; t < tasks.size(); t++) {
            IncrementTask task = tasks.get(t);
            threads.add(Thread.ofPlatform().name("T" + (t + 1)).start(() -> {
                ready.countDown();
                // Spin rather than block: a blocked thread needs tens of microseconds to wake up,
                // longer than a few thousand increments take, and the threads would never overlap.
                while (!gate.open) {
                    if (Thread.currentThread().isInterrupted()) {
                        return; // asked to stop before starting: do not count; the flag stays set
                    }
                    Thread.onSpinWait();
                }
                task.run();
            }));
        }
        try {
            ready.await();
            long start = System.nanoTime();
            gate.open = true;
            for (Thread thread : threads) {
                thread.join();
            }
            return System.nanoTime() - start;
        } catch (InterruptedException e) {
            // Leave no thread behind: stop the ones still waiting at the gate, wait for the rest.
            for (Thread thread : threads) {
                thread.interrupt();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            throw e;
        }
    }

    /** The start signal; volatile so that the spinning threads see it (pattern 7 of the jcstress suite). */
    private static final class StartGate {
        volatile boolean open;
    }

    /** One line per variant: {@code variant result expected lost time}, whitespace-separated. */
    static void printSummary(List<Count> counts, PrintStream out) {
        out.printf("%-20s %12s %12s %14s %10s%n", "variant", "result", "expected", "lost updates", "time ms");
        for (Count c : counts) {
            out.printf(Locale.ROOT, "%-20s %12d %12d %14d %10.1f%n", c.variant().label(), c.observed(), c.expected(),
                    c.lostUpdates(), c.nanos() / 1e6);
        }
    }

    /**
     * Prints a paragraph in lines of at most 100 characters, never breaking an option from its value
     * ({@code --increments 1000} stays on one line, ready to copy).
     */
    static void printWrapped(String paragraph, PrintStream out) {
        List<String> words = new ArrayList<>();
        for (String word : paragraph.split(" ")) {
            int last = words.size() - 1;
            if (last >= 0 && OPTION_NAME.matcher(words.get(last)).matches() && !word.startsWith("-")) {
                words.set(last, words.get(last) + " " + word);
            } else {
                words.add(word);
            }
        }
        StringBuilder line = new StringBuilder();
        for (String word : words) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > 100) {
                out.println(line);
                line.setLength(0);
            }
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(word);
        }
        out.println(line);
    }

    private static int intOption(String[] args, int index, String name, int min, int max) {
        if (index >= args.length) {
            throw new IllegalArgumentException(name + " needs a number");
        }
        try {
            int value = Integer.parseInt(args[index]);
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " " + value + " is outside " + min + ".." + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + args[index] + "' is not a whole number");
        }
    }

    private static String usage() {
        return """
                usage: RaceDemo [--threads N] [--increments M] [--events K] [--by-value] [--quiet] [--plain] [--help]
                  N threads each add 1 to a shared counter M times: first with no synchronization
                  (wrong on purpose: its reads and writes listed in time order, each lost update
                  marked), then with each fix, one summary line each.
                  --threads N      threads, 1..%d (default 4)
                  --increments M   increments per thread (default 1000)
                  --events K       list the first K reads and writes in time order (default %d)
                  --by-value       list every update ordered by the value written instead
                  --quiet          no listing (needed above %d updates)
                  --plain          no Thread.yield() between read and write: plain loops, for timing;
                                   the racy count then loses updates only in long runs
                  --help           this text
                exit codes: 0 ok, 2 usage error""".formatted(MAX_THREADS, DEFAULT_EVENTS, MAX_LISTED_UPDATES);
    }
}
