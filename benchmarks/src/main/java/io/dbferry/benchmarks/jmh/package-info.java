/**
 * JMH benchmarks of the per-value work of a migration, on values of the benchmark dataset as the SQLite
 * reader hands them over: {@link io.dbferry.benchmarks.jmh.TransformsBenchmark} (source value → target value)
 * and {@link io.dbferry.benchmarks.jmh.CopyEncoderBenchmark} (target values → COPY text). Run with
 * {@code java -jar benchmarks/target/benchmarks.jar}.
 */
package io.dbferry.benchmarks.jmh;
