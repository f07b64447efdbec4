/**
 * What the example programs share and nothing else: {@link edu.ute.concurrency.examples.support.ChildJvm},
 * the one way to start another JVM like this one, and
 * {@link edu.ute.concurrency.examples.support.CommandLine} with
 * {@link edu.ute.concurrency.examples.support.UsageException}, the one way to read options, answer
 * {@code --help} and report a mistake.
 *
 * <p>Every other package of the module may use this one; it uses none of them (JDK only), so it can be
 * read, and changed, without knowing any exercise. It holds no concurrency of its own: stopping a pool
 * is {@code ExecutorService.close()} or {@code ForkJoinPool.close()} (Java 21) wherever a pool is made.
 */
package edu.ute.concurrency.examples.support;
