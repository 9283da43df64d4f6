/**
 * Reads a SQLite database's schema: jOOQ-meta's {@code SQLiteDatabase} first, then completed and corrected
 * from SQLite's own catalog ({@code PRAGMA table_list}, {@code table_xinfo}, {@code index_list},
 * {@code index_xinfo}, {@code foreign_key_list}) where jOOQ-meta is known to be wrong or silent.
 */
package io.dbferry.introspect.sqlite;
