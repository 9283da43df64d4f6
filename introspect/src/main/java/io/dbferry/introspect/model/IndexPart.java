package io.dbferry.introspect.model;

import java.util.Objects;

/**
 * One key of an index: a column or an expression, with its collation and sort order
 * (SQLite: https://www.sqlite.org/lang_createindex.html; PostgreSQL docs, CREATE INDEX).
 *
 * @param column the indexed column's name, null when the key is an expression
 * @param expressionSql the indexed expression in the SQL of the database it belongs to, null when the key is a
 *     column
 * @param collation the collating sequence when it is not the default one (e.g. SQLite's {@code NOCASE}), null
 *     for the default ({@code BINARY} in SQLite)
 * @param descending whether the key is sorted descending
 */
public record IndexPart(String column, String expressionSql, String collation, boolean descending) {

    /** Checks that the part is exactly one of a column and an expression. */
    public IndexPart {
        if ((column == null) == (expressionSql == null)) {
            throw new IllegalArgumentException("an index key is a column or an expression, was column " + column
                    + " and expression " + expressionSql);
        }
    }

    /**
     * An ascending key on a column with the default collation.
     *
     * @param name the column name, never null
     * @return never null
     */
    public static IndexPart column(String name) {
        return new IndexPart(Objects.requireNonNull(name, "name"), null, null, false);
    }

    /**
     * An ascending key on an expression with the default collation.
     *
     * @param sql the expression, never null
     * @return never null
     */
    public static IndexPart expression(String sql) {
        return new IndexPart(null, Objects.requireNonNull(sql, "sql"), null, false);
    }

    /**
     * Whether the key is a column (not an expression) with the default collation.
     *
     * @return true for a key such as {@code (name)} or {@code (name DESC)}
     */
    public boolean isPlainColumn() {
        return column != null && collation == null;
    }
}
