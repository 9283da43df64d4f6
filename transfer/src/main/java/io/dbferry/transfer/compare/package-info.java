/**
 * Runs {@code dbferry compare}: reads both schemas, maps the source through the type mapping and cast rules,
 * compares it with the target, profiles the source's rows, and assembles the
 * {@link io.dbferry.introspect.compare.CompatibilityReport}. Only reads, on both sides.
 */
package io.dbferry.transfer.compare;
