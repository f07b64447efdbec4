package edu.ute.concurrency.examples.rle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/**
 * Runs independent tasks, possibly at the same time, and gives their results back in the order of the
 * tasks: the one question each concurrency model answers its own way. {@link RunnerCodec} turns any
 * runner into an RLE codec (the row blocks of an image, or the images of a batch, are the tasks), so
 * reading the {@code runAll} of each implementation side by side is reading the chapter:
 * {@link SequentialRunner}, {@link ThreadRunner}, {@link ExecutorRunner}, {@link ForkJoinRunner},
 * {@link ParallelStreamRunner}, {@link VirtualThreadRunner}, {@link WorkSharingRunner}.
 *
 * <pre>{@code
 * try (TaskRunner runner = new ExecutorRunner(4)) {
 *     List<byte[]> blocks = runner.runAll(List.of(() -> encodeTop(page), () -> encodeBottom(page)));
 * }   // close(): a runner that keeps threads ends them here
 * }</pre>
 *
 * <p><b>The contract</b> (checked for every registered strategy by {@code RleStrategyContractTest}):
 * <ul>
 *   <li>the results come back in task order;</li>
 *   <li>at most {@link #threads()} tasks run at once (the bound on the memory a batch of images
 *       takes);</li>
 *   <li>if a task throws, its exception is thrown as the cause of an {@link ExecutionException}
 *       (whether the other tasks still run first is the runner's choice: say it in its Javadoc);</li>
 *   <li>if the calling thread is interrupted while waiting, tasks not yet started are abandoned,
 *       running ones are asked to stop (interrupted), and {@link InterruptedException} is thrown;</li>
 *   <li>after {@link #close()} no thread of the runner is left running.</li>
 * </ul>
 * {@link RunnerCodec} calls {@code runAll} with at least one task and not when its caller is already
 * interrupted: it checks both first, so a runner need not.
 *
 * <p><b>Memory consistency.</b> Actions of the calling thread before {@code runAll} <i>happen-before</i>
 * every task it runs, and every task's actions happen-before {@code runAll} returns. Each runner gets
 * this from its primitive ({@code Thread.start}/{@code join}, {@code Future.get},
 * {@code ForkJoinTask.get}, a latch): that is why tasks may read a shared image, and the caller the
 * blocks the tasks wrote, without locks.
 *
 * <p><b>Thread safety.</b> A runner may be called from several threads at once.
 */
public interface TaskRunner extends AutoCloseable {
    /** The most tasks this runner runs at once: the number of row ranges an image is cut into. */
    int threads();

    /** Runs every task and returns their results in the order of the tasks (see the contract above). */
    <T> List<T> runAll(List<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException;

    /** Ends the runner's threads, if it keeps any, after the tasks already running (tasks stay valid). */
    @Override
    default void close() {
    }

    /** {@code threads}, if it is at least 1: what every runner's constructor checks. */
    static int requirePositive(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        return threads;
    }

    /** A task's failure as an unchecked exception with the original as its cause, for callers that cannot throw it. */
    static RuntimeException unchecked(ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        if (cause instanceof IOException io) {
            return new UncheckedIOException(io.getMessage(), io);
        }
        return new IllegalStateException(String.valueOf(cause), cause);
    }
}
