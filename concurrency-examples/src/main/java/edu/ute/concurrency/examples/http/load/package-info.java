/**
 * Measuring the servers of {@code http} from the outside, as a client would:
 * {@link edu.ute.concurrency.examples.http.load.LoadGenerator} (keep-alive connections driven by one
 * selector, in the spirit of {@code wrk}),
 * {@link edu.ute.concurrency.examples.http.load.HttpLoadComparison} (every server in its own JVM, or
 * nginx, loaded in turn: requests per second, latency, errors, server CPU time) and
 * {@link edu.ute.concurrency.examples.http.load.HttpRobustnessProbe} (hostile clients: garbage,
 * stalls, huge lines, slowloris, idle crowds).
 *
 * <p>This package imports {@code http} and {@code support}; {@code http} never imports it, so the
 * servers read alone. Measured tables belong in docs/measurements.md, not here.
 */
package edu.ute.concurrency.examples.http.load;
