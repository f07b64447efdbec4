/**
 * Measuring the strategies of {@code rle}, apart from the teaching code so that it reads alone:
 * {@link edu.ute.concurrency.examples.rle.measure.StrategyComparison} ({@code rle compare}: every
 * registered strategy on the same workloads, outputs checked, a table, CSV and
 * {@link edu.ute.concurrency.examples.rle.measure.ComparisonChart}'s SVG),
 * {@link edu.ute.concurrency.examples.rle.measure.AutoThresholdCalibration} ({@code rle calibrate}: where
 * {@code auto} should go parallel) and {@link edu.ute.concurrency.examples.rle.measure.HandOffProbe}
 * (which thread ran each half of a page, and when).
 *
 * <p>The comparison and the calibration time their subjects the same way on purpose (warm-up, then
 * alternating rounds of back-to-back calls, medians), each in its own few lines, so that each reads as
 * one method. This package imports {@code rle} and {@code support}; the {@code rle} command calls it,
 * and it never calls back. Measured tables belong in docs/measurements.md, not here.
 */
package edu.ute.concurrency.examples.rle.measure;
