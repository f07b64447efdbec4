/**
 * What {@code Tour01_WorkerProcessPool} is built on: a fixed pool of worker JVMs
 * ({@link edu.ute.concurrency.examples.tour.workers.WorkerProcessPool}), their main
 * ({@link edu.ute.concurrency.examples.tour.workers.WorkerProcessMain}), the length-prefixed protocol
 * between them ({@link edu.ute.concurrency.examples.tour.workers.WorkerProtocol}), a task, its outcome,
 * and the crash drill that shows a dead worker being replaced. Read the pool's Javadoc first.
 * Imports rle-core and {@code support} only.
 */
package edu.ute.concurrency.examples.tour.workers;
