/**
 * What {@code Tour04_VirtualThreads} measures with: a batch of blocking tasks that counts how many
 * were blocked at once ({@link edu.ute.concurrency.examples.tour.virtualthreads.BlockingTaskBatch}),
 * and the pinning cases seen through JFR
 * ({@link edu.ute.concurrency.examples.tour.virtualthreads.PinningProbe}). Imports nothing of the
 * module.
 */
package edu.ute.concurrency.examples.tour.virtualthreads;
