package edu.ute.concurrency.examples.rle;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/**
 * The baseline: every task on the calling thread, one after the other. Every other runner is compared
 * with this one, for speed and for its output, which must be identical byte for byte.
 *
 * <pre>{@code
 * byte[] file = new RunnerCodec(new SequentialRunner()).encode(page);   // the bytes of RleFile.encode(page)
 * }</pre>
 *
 * <p>A failing task stops the run: the tasks after it are not started. An interrupt is noticed between
 * two tasks. <b>Thread safety:</b> stateless.
 */
public final class SequentialRunner implements TaskRunner {
    @Override
    public int threads() {
        return 1;
    }

    @Override
    public <T> List<T> runAll(List<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        List<T> results = new ArrayList<>(tasks.size());
        for (Callable<T> task : tasks) {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted after " + results.size() + " of " + tasks.size() + " tasks");
            }
            try {
                results.add(task.call());
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                throw new ExecutionException(e);
            }
        }
        return results;
    }
}
