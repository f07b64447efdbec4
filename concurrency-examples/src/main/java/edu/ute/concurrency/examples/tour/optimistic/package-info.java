/**
 * What {@code Tour03_OptimisticConcurrency} protects three ways: the running totals of an encoding job
 * ({@link edu.ute.concurrency.examples.tour.optimistic.EncodingTally}) behind a lock, a CAS retry loop
 * and {@code StampedLock} optimistic reads. The three implementations are parallels on purpose, named
 * for their thread-safety mechanism and read side by side. Imports nothing of the module.
 */
package edu.ute.concurrency.examples.tour.optimistic;
