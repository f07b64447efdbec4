package edu.ute.concurrency.examples.rle;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Every way the {@code rle} tool can run the codec, by the name used on its command line
 * ({@code --strategy forkjoin}): the one registry that {@code rle encode}, {@code rle compare}, the
 * benchmark and the contract test read. A strategy added here is offered by the tool, timed by
 * {@code rle compare} and checked by {@code mvn verify} with no other change.
 *
 * <pre>{@code
 * try (ConcurrentCodec codec = RleStrategy.named("forkjoin").create(4)) {
 *     byte[] file = codec.encode(page);
 * }
 * }</pre>
 *
 * <p>The list order is the order of {@code rle compare}'s table: the baseline, then raw threads,
 * futures, fork/join, the parallel stream and virtual threads (one {@link TaskRunner} each, under
 * {@link RunnerCodec}), one child JVM per image, and the chooser.
 */
public enum RleStrategy {
    /** Every task on the calling thread: the baseline. */
    SEQUENTIAL("sequential", threads -> new RunnerCodec(new SequentialRunner())),
    /** Raw threads started per call, the caller one of them. */
    THREADS("threads", threads -> new RunnerCodec(new ThreadRunner(threads))),
    /** A fixed pool, {@code invokeAll}, futures. */
    EXECUTOR("executor", threads -> new RunnerCodec(new ExecutorRunner(threads))),
    /** A fork/join pool splitting the tasks in halves. */
    FORKJOIN("forkjoin", threads -> new RunnerCodec(new ForkJoinRunner(threads))),
    /** {@code IntStream.range(...).parallel()} in a pool of its own. */
    PARALLEL_STREAM("parallel-stream", threads -> new RunnerCodec(new ParallelStreamRunner(threads))),
    /** A virtual thread per task. */
    VIRTUAL("virtual", threads -> new RunnerCodec(new VirtualThreadRunner(threads))),
    /** A child JVM per image. */
    PROCESS("process", false, ProcessPerImageCodec::new),
    /** Sequential for small work, {@link WorkSharingRunner} for large. */
    AUTO("auto", AutoCodec::new);

    private final String label;
    private final boolean inProcess;
    private final IntFunction<ConcurrentCodec> factory;

    RleStrategy(String label, IntFunction<ConcurrentCodec> factory) {
        this(label, true, factory);
    }

    RleStrategy(String label, boolean inProcess, IntFunction<ConcurrentCodec> factory) {
        this.label = label;
        this.inProcess = inProcess;
        this.factory = factory;
    }

    /** The name on the command line and in {@code rle compare}'s table. */
    public String label() {
        return label;
    }

    /** A new codec of this strategy using at most {@code threads} threads (or child processes) at once. */
    public ConcurrentCodec create(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        return factory.apply(threads);
    }

    /**
     * Whether the work stays in this JVM, so that one image may be split into row blocks; a strategy
     * that starts a process per unit of work is per image only.
     */
    public boolean inProcess() {
        return inProcess;
    }

    /** Every label, in registry order. */
    public static List<String> labels() {
        return Arrays.stream(values()).map(RleStrategy::label).toList();
    }

    /** The strategy called {@code label}; the exception names the ones there are. */
    public static RleStrategy named(String label) {
        for (RleStrategy strategy : values()) {
            if (strategy.label.equals(label)) {
                return strategy;
            }
        }
        throw new IllegalArgumentException("unknown strategy '" + label + "' (one of " + String.join(", ", labels()) + ")");
    }

    @Override
    public String toString() {
        return label;
    }
}
