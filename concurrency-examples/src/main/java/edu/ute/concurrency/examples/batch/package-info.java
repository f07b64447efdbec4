/**
 * Exercise 2: one program, "compress every file of a directory", written three ways to be read side by
 * side:
 * <ol>
 *   <li>{@link edu.ute.concurrency.examples.batch.BatchCompressThreads}: raw threads, a bounded queue of
 *       file names and a poison pill per worker;</li>
 *   <li>{@link edu.ute.concurrency.examples.batch.BatchCompressFutures}: the same with a pool and one
 *       {@code CompletableFuture} per file;</li>
 *   <li>{@link edu.ute.concurrency.examples.batch.BatchCompressProcessPool}: a pool of worker JVMs
 *       ({@link edu.ute.concurrency.examples.batch.BatchCompressWorker}) fed file names over their
 *       stdin.</li>
 * </ol>
 * With no arguments they all compress the same generated pages; {@code BatchFolders} checks the folders
 * before anything starts, and {@link edu.ute.concurrency.examples.support.OutputGate} lets a file being
 * written finish when the program is stopped.
 *
 * <p>The three programs begin and end with the same lines on purpose (find the folders and the files,
 * start the clock; print the errors and the summary), so that what differs between threads,
 * futures and processes is the middle of each file and nothing else. Each encodes with rle-core
 * directly: the exercise is about the three ways of running the work, not about the {@code rle}
 * package's strategies. This package imports rle-core and {@code support} only.
 */
package edu.ute.concurrency.examples.batch;
