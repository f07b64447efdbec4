/**
 * The RLE codec made concurrent every way Java offers (exercise 6), built by composition:
 * <ul>
 *   <li>{@link edu.ute.concurrency.examples.rle.TaskRunner}: "run these independent tasks and give me
 *       their results in order", one small class per concurrency model:
 *       {@link edu.ute.concurrency.examples.rle.SequentialRunner},
 *       {@link edu.ute.concurrency.examples.rle.ThreadRunner},
 *       {@link edu.ute.concurrency.examples.rle.ExecutorRunner},
 *       {@link edu.ute.concurrency.examples.rle.ForkJoinRunner},
 *       {@link edu.ute.concurrency.examples.rle.ParallelStreamRunner},
 *       {@link edu.ute.concurrency.examples.rle.VirtualThreadRunner},
 *       {@link edu.ute.concurrency.examples.rle.WorkSharingRunner};</li>
 *   <li>{@link edu.ute.concurrency.examples.rle.RunnerCodec}: the codec itself, once: an image cut into
 *       row ranges, a batch into images, the results assembled in order, on top of any runner;</li>
 *   <li>{@link edu.ute.concurrency.examples.rle.ProcessPerImageCodec}: a child JVM per image, a codec
 *       of its own because its work leaves this JVM;</li>
 *   <li>{@link edu.ute.concurrency.examples.rle.AutoCodec}: a chooser between the sequential codec and
 *       the work-sharing one, by the size of the work;</li>
 *   <li>{@link edu.ute.concurrency.examples.rle.RleStrategy}: every strategy registered once, by the
 *       name the {@code rle} tool, its comparison, the benchmark and the contract test use.</li>
 * </ul>
 *
 * <p>How to read it: {@link edu.ute.concurrency.examples.rle.TaskRunner}'s contract, then the
 * {@code runAll} of each runner side by side, then {@link edu.ute.concurrency.examples.rle.RunnerCodec}.
 * The runners are parallels on purpose and some repeat one another's first lines: {@code ThreadRunner}
 * and {@code WorkSharingRunner} are the same "caller works beside N - 1 helpers on a
 * {@link edu.ute.concurrency.examples.rle.SharedTaskList}" with raw threads and with a pool;
 * {@code ForkJoinRunner} and {@code ParallelStreamRunner} are the same fork/join pool by hand and in one
 * line; {@code ExecutorRunner} and {@code VirtualThreadRunner} are the same {@code invokeAll} on a pool
 * and on a thread per task; {@code WorkSharingRunner} keeps a pool like {@code ExecutorRunner}'s and
 * is built the same way, with the caller working and a queue that polls. What they share without being the lesson lives once:
 * {@link edu.ute.concurrency.examples.rle.TaskResults} (result slots and the first failure).
 * {@code ThreadRunner} is the one class that joins threads by hand, because raw threads are its
 * subject; every pool is stopped with its own {@code close()}.
 *
 * <p>This package imports rle-core and {@code support} only; the {@code rle} command
 * ({@code rle.cli}) and the measuring tools ({@code rle.measure}) are built on it, and it knows neither.
 */
package edu.ute.concurrency.examples.rle;
