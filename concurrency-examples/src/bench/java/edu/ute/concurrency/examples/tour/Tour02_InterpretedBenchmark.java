package edu.ute.concurrency.examples.tour;

import org.openjdk.jmh.annotations.Fork;

/**
 * The benchmarks of {@link Tour02_JitVersusPerBitLoopBenchmark} (inherited, as JMH allows) in a JVM
 * started with {@code -Xint}: every bytecode interpreted, no JIT — roughly CPython's situation and
 * the "before Cython" number. Runs with the same command (the pattern {@code Tour02} matches both).
 */
@Fork(jvmArgsAppend = "-Xint")
public class Tour02_InterpretedBenchmark extends Tour02_JitVersusPerBitLoopBenchmark {
}
