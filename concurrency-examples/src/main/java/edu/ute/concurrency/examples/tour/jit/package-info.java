/**
 * What {@code Tour02_JitVersusPerBitLoop} compares rle-core's encoder with: the straightforward
 * per-pixel port of the course's Python loop
 * ({@link edu.ute.concurrency.examples.tour.jit.PerBitRleEncoder}), the "before" a JIT and a better
 * algorithm improve on. Imports rle-core only.
 */
package edu.ute.concurrency.examples.tour.jit;
