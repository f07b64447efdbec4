/**
 * The {@code rle} command ({@link edu.ute.concurrency.examples.rle.cli.RleTool}): {@code encode},
 * {@code decode} and {@code info} on files and folders with any registered strategy, and the entry to
 * {@code compare} and {@code calibrate}. {@link edu.ute.concurrency.examples.rle.cli.RleBatch} turns a
 * list of files into tasks for a codec (each output written to a temporary file and moved into place);
 * {@link edu.ute.concurrency.examples.rle.cli.BatchProgress} shows how far a batch has got.
 *
 * <p>It reads {@code rle} and hands {@code compare} and {@code calibrate} to {@code rle.measure}; neither
 * of those packages imports this one. Options are read with
 * {@link edu.ute.concurrency.examples.support.CommandLine}, like every example program's.
 */
package edu.ute.concurrency.examples.rle.cli;
