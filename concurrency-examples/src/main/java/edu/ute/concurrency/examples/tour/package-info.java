/**
 * A tour of the JDK's answers to the Python libraries the course asks students to explore: one small
 * program per idea, read in order, all on the same workload (RLE-encoding a batch of generated text
 * pages with rle-core), each printing a short result table.
 *
 * <ol>
 *   <li>{@link edu.ute.concurrency.examples.tour.Tour01_WorkerProcessPool} — execnet / Parallel Python:
 *       worker JVMs fed over stdin/stdout, a dead worker detected and its task retried.</li>
 *   <li>{@link edu.ute.concurrency.examples.tour.Tour02_JitVersusPerBitLoop} — Cython: the JIT compiles
 *       the hot loop; a per-bit loop against the word-at-a-time encoder.</li>
 *   <li>{@link edu.ute.concurrency.examples.tour.Tour03_OptimisticConcurrency} — PyPy-STM: optimistic
 *       concurrency with a CAS retry loop and {@code StampedLock} optimistic reads, against a lock.</li>
 *   <li>{@link edu.ute.concurrency.examples.tour.Tour04_VirtualThreads} — gevent: 10,000 blocking tasks
 *       on virtual threads against platform threads, and the pinning trap.</li>
 *   <li>{@link edu.ute.concurrency.examples.tour.Tour05_StructuredConcurrency} — structured
 *       concurrency: a fan-out whose first failure cancels its siblings.</li>
 * </ol>
 * See {@code docs/jdk-tour.md} for the commands and the measured tables.
 */
package edu.ute.concurrency.examples.tour;
