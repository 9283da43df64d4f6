package io.dbferry.introspect.model;

import java.util.List;
import java.util.Objects;

/**
 * A view: a named query (SQLite: https://www.sqlite.org/lang_createview.html; PostgreSQL docs, CREATE VIEW).
 *
 * @param name the view name exactly as declared, never null or empty
 * @param sourceSql how the database keeps the definition, never null: for SQLite the whole {@code CREATE VIEW}
 *     statement as written (from {@code sqlite_schema.sql}); for PostgreSQL the query as {@code pg_get_viewdef}
 *     prints it
 * @param dependsOn the names of the tables and views of the same schema the query reads, exact spelling, sorted;
 *     never null, possibly empty
 */
public record View(String name, String sourceSql, List<String> dependsOn) {

    /** Validates the parts and copies the list. */
    public View {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sourceSql, "sourceSql");
        dependsOn = List.copyOf(Objects.requireNonNull(dependsOn, "dependsOn"));
        if (name.isEmpty()) {
            throw new IllegalArgumentException("view name must not be empty");
        }
    }
}
