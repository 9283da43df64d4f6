/**
 * The data profile of {@code dbferry compare}: reads every value of a SQLite source table once and reports,
 * as {@link io.dbferry.introspect.compare.CompatibilityIssue}s, what a migration would reject, change or fail
 * on — values the column's transform rejects, NULLs in NOT NULL targets, keys that collide once converted,
 * orphaned foreign keys. {@link io.dbferry.transfer.profile.SqliteDataProfiler} is the entry point.
 */
package io.dbferry.transfer.profile;
