package io.dbferry.introspect.model;

import java.util.Objects;

/**
 * The qualified name of a table, exactly as the database spells it (case kept, unquoted).
 *
 * @param schema the schema: {@code "main"} for SQLite, e.g. {@code "public"} for PostgreSQL; never null
 * @param name the table name, never null or empty
 */
public record TableId(String schema, String name) {

    /** Validates both parts. */
    public TableId {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("table name must not be empty");
        }
    }

    /** Returns {@code "schema"."name"}, quoted as PostgreSQL would print it, for messages. */
    @Override
    public String toString() {
        return quote(schema) + "." + quote(name);
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
