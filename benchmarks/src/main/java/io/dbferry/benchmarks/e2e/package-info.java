/**
 * The end-to-end benchmark of issue 4: on one generated dataset, in one run, {@code dbferry migrate} (its own
 * JVM, {@code -Xmx256m}), pgloader, and the floor — server-side {@code COPY} from pre-exported CSV plus the
 * key, index and foreign-key builds — each repeated, each into a fresh database, reported as a markdown table
 * of medians and ratios by {@link io.dbferry.benchmarks.e2e.EndToEnd}.
 */
package io.dbferry.benchmarks.e2e;
