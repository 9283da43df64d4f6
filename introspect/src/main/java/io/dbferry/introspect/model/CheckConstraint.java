package io.dbferry.introspect.model;

import java.util.Objects;

/**
 * A CHECK constraint: a boolean expression every row must satisfy (SQLite: https://www.sqlite.org/lang_createtable.html
 * §3.8; PostgreSQL docs §5.4.1 "Check Constraints"). Column-level and table-level CHECKs are the same rule and are
 * both held here.
 *
 * @param name the constraint name as declared, null when the source did not name it
 * @param sourceSql the expression inside {@code CHECK (…)}, without the parentheses, in the SQL of the database it
 *     was read from, exactly as that database keeps it; never null or blank
 */
public record CheckConstraint(String name, String sourceSql) {

    /** Validates the expression. */
    public CheckConstraint {
        Objects.requireNonNull(sourceSql, "sourceSql");
        if (sourceSql.isBlank()) {
            throw new IllegalArgumentException("CHECK constraint " + name + " has no expression");
        }
    }
}
