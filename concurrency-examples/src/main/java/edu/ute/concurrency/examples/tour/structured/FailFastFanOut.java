package edu.ute.concurrency.examples.tour.structured;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Runs a list of subtasks on an executor and returns their results in order — or, as soon as one
 * fails, cancels (interrupts) all the others and throws its exception. It is what
 * {@code StructuredTaskScope} with the "all must succeed" policy does, written with JDK 21's final APIs:
 * an {@link ExecutorCompletionService} to learn of the <em>first</em> failure (not the first in list
 * order), {@link Future#cancel(boolean) cancel(true)} for the siblings.
 *
 * <pre>{@code
 * try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
 *     List<byte[]> encoded = FailFastFanOut.invokeAll(executor, pages.stream()
 *             .map(page -> (Callable<byte[]>) () -> Rle.encoder().encode(page)).toList());
 * }   // close() waits until every subtask — finished, failed or cancelled — has ended
 * }</pre>
 * Cancellation is cooperative: {@code cancel(true)} interrupts the subtask's thread, which ends a
 * blocking call ({@code sleep}, {@code take}, a socket read on a virtual thread) with an
 * {@code InterruptedException}; a CPU-bound subtask must check {@link Thread#interrupted()} itself.
 * The try-with-resources around the executor is what makes it <em>structured</em>: no subtask outlives
 * the block, so a failure cannot leave work running behind the caller's back.
 *
 * <p><b>Thread safety.</b> Stateless; call it from any thread. Memory consistency: actions in a
 * subtask happen-before its result is returned by {@code invokeAll}.
 */
public final class FailFastFanOut {
    private FailFastFanOut() {
    }

    /**
     * Submits every task to {@code executor} and waits for all of them; on the first failure cancels
     * the rest and throws.
     *
     * @return the results in the order of {@code tasks}
     * @throws ExecutionException wrapping the first subtask failure, in completion order
     * @throws InterruptedException if the caller is interrupted; every subtask is cancelled first
     */
    public static <T> List<T> invokeAll(ExecutorService executor, List<? extends Callable<? extends T>> tasks)
            throws InterruptedException, ExecutionException {
        ExecutorCompletionService<T> completion = new ExecutorCompletionService<>(executor);
        Map<Future<T>, Integer> index = new IdentityHashMap<>();
        List<Future<T>> futures = new ArrayList<>(tasks.size());
        try {
            for (Callable<? extends T> task : tasks) {
                Future<T> f = completion.submit(task::call);
                futures.add(f);
                index.put(f, futures.size() - 1);
            }
            List<T> results = new ArrayList<>(java.util.Collections.nCopies(tasks.size(), (T) null));
            for (int done = 0; done < tasks.size(); done++) {
                Future<T> f = completion.take();
                // get() on a completed future does not block; it throws the subtask's exception.
                results.set(index.get(f), f.get());
            }
            return results;
        } finally {
            // Reached with work still running only on failure or interruption: cancel what is left.
            // On success every future is done and cancel is a no-op.
            for (Future<T> f : futures) {
                f.cancel(true);
            }
        }
    }
}
