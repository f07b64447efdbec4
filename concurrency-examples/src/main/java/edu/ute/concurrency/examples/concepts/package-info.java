/**
 * The chapter's four ideas as four small programs, each read top to bottom and run with no options:
 * <ol>
 *   <li>{@link edu.ute.concurrency.examples.concepts.Concept01ThreadSubclass}: a {@code Thread} subclass
 *       overlapping four waits;</li>
 *   <li>{@link edu.ute.concurrency.examples.concepts.Concept02ChildProcess}: a child JVM fed a page on
 *       stdin, its compressed file read from stdout;</li>
 *   <li>{@link edu.ute.concurrency.examples.concepts.Concept03FuturesWithPool}: {@code Future}s from a
 *       pool, then {@code CompletableFuture};</li>
 *   <li>{@link edu.ute.concurrency.examples.concepts.Concept04EventLoop}: a one-thread event loop, the
 *       idea under {@code asyncio}.</li>
 * </ol>
 * Each one stands alone on rle-core and starts its child JVM through
 * {@link edu.ute.concurrency.examples.support.ChildJvm}; no other package of the module is needed to
 * read them. The exercises build on these ideas in their own packages ({@code batch}, {@code rle},
 * {@code http}, {@code tour}), which never import this one.
 */
package edu.ute.concurrency.examples.concepts;
