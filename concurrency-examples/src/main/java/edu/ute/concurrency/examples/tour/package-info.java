/**
 * Exercise 1: a tour of the JDK's answers to the Python libraries the course asks students to explore,
 * one program per idea, read in order, all on the same workload (RLE-encoding a batch of generated
 * text pages with rle-core, {@link edu.ute.concurrency.examples.tour.PageBatch}), each printing a short
 * {@link edu.ute.concurrency.examples.tour.ResultTable}:
 *
 * <ol>
 *   <li>{@link edu.ute.concurrency.examples.tour.Tour01_WorkerProcessPool} — execnet / Parallel Python:
 *       worker JVMs fed over stdin/stdout, a dead worker detected and its task retried
 *       ({@code tour.workers});</li>
 *   <li>{@link edu.ute.concurrency.examples.tour.Tour02_JitVersusPerBitLoop} — Cython: the JIT compiles
 *       the hot loop; a per-bit loop against the word-at-a-time encoder ({@code tour.jit});</li>
 *   <li>{@link edu.ute.concurrency.examples.tour.Tour03_OptimisticConcurrency} — PyPy-STM: optimistic
 *       concurrency with a CAS retry loop and {@code StampedLock} optimistic reads, against a lock
 *       ({@code tour.optimistic});</li>
 *   <li>{@link edu.ute.concurrency.examples.tour.Tour04_VirtualThreads} — gevent: 10,000 blocking tasks
 *       on virtual threads against platform threads, and the pinning trap ({@code tour.virtualthreads});</li>
 *   <li>{@link edu.ute.concurrency.examples.tour.Tour05_StructuredConcurrency} — structured
 *       concurrency: a fan-out whose first failure cancels its siblings ({@code tour.structured}).</li>
 * </ol>
 *
 * <p>How to read it: each {@code TourNN} file top to bottom; the classes it builds on sit beside it, in
 * the subpackage named after its idea, and import nothing from this package (or from one another).
 * Every tour's {@code main} reads its options the same way, a loop over
 * {@link edu.ute.concurrency.examples.support.CommandLine}, so their first lines look alike on purpose;
 * the lesson starts after them.
 * Tour01's worker pool is one of three process pools of the module, each with the protocol its lesson
 * needs: here a framed binary protocol with crash recovery; exercise 2's pool ({@code batch}) a line of
 * file names; the {@code rle} tool's {@code process} strategy one child per image. They stand apart on
 * purpose and share only {@link edu.ute.concurrency.examples.support.ChildJvm}.
 *
 * <p>This package imports rle-core, {@code support} and its own subpackages; no other package imports
 * it. Timings a tour prints are demonstrations; docs/measurements.md has measured runs and the JMH
 * benchmarks beside them ({@code src/bench/java}).
 */
package edu.ute.concurrency.examples.tour;
