/**
 * The benchmark dataset: {@link io.dbferry.benchmarks.dataset.DatasetGenerator} writes a seeded, deterministic
 * SQLite database of N rows shaped like issue 4's reference (a parent table and a main table with UUIDs,
 * booleans, NUMERIC, REAL, JSON, ISO and epoch timestamps, nullable text, a BLOB, a foreign key and two
 * secondary indexes); {@link io.dbferry.benchmarks.dataset.BenchmarkSchema} is its shape.
 */
package io.dbferry.benchmarks.dataset;
