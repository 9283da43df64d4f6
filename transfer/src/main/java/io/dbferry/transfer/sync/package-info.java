/**
 * Incremental sync ({@code dbferry sync}): keeps a PostgreSQL target up to date with a SQLite source that is
 * still written to, by reading the rows whose watermark column moved past the stored high-watermark and
 * upserting them by primary key, with the sync state kept in the target's own {@code dbferry} schema.
 */
package io.dbferry.transfer.sync;
