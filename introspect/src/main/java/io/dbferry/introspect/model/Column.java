package io.dbferry.introspect.model;

import java.util.Objects;

/**
 * One column of a table, as declared in its database.
 *
 * @param name the column name exactly as declared, never null
 * @param position the 1-based ordinal position in the table
 * @param type the declared type, never null
 * @param nullable whether NULL is allowed; false for a primary-key column that the database forces NOT
 *     NULL (a SQLite rowid alias)
 * @param defaultSql the default expression in the source dialect's SQL, null when there is none
 * @param identity whether the database generates the value: a SQLite rowid alias ({@code INTEGER PRIMARY
 *     KEY}) or a PostgreSQL identity/serial column
 * @param autoincrement whether SQLite's {@code AUTOINCREMENT} keyword was given (ids are never reused)
 * @param collation the column's collating sequence when it is not the default one, e.g. SQLite's {@code NOCASE}
 *     (https://www.sqlite.org/datatype3.html §7); null for the default ({@code BINARY} in SQLite)
 */
public record Column(
        String name,
        int position,
        ColumnType type,
        boolean nullable,
        String defaultSql,
        boolean identity,
        boolean autoincrement,
        String collation) {

    /** Validates the required parts. */
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (position < 1) {
            throw new IllegalArgumentException("column position is 1-based, was " + position);
        }
    }

    /**
     * A column with the default collation.
     *
     * @param name the column name exactly as declared, never null
     * @param position the 1-based ordinal position in the table
     * @param type the declared type, never null
     * @param nullable whether NULL is allowed
     * @param defaultSql the default expression in the source dialect's SQL, null when there is none
     * @param identity whether the database generates the value
     * @param autoincrement whether SQLite's {@code AUTOINCREMENT} keyword was given
     */
    public Column(String name, int position, ColumnType type, boolean nullable, String defaultSql, boolean identity,
            boolean autoincrement) {
        this(name, position, type, nullable, defaultSql, identity, autoincrement, null);
    }
}
