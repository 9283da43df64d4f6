/**
 * Benchmarks of dbferry (issue 4): a seeded dataset generator ({@code dataset}), JMH benchmarks of the
 * transforms and the COPY encoder ({@code jmh}), and the end-to-end comparison of {@code dbferry migrate}
 * with pgloader and the server-side COPY floor ({@code e2e}). Nothing here is used by dbferry itself.
 */
package io.dbferry.benchmarks;
