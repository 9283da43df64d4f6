package io.dbferry.introspect.model;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import java.util.List;
import java.util.Objects;

/**
 * Everything read from one schema of one database at one moment. Immutable and thread-safe.
 *
 * @param dialect the database kind it was read from, never null
 * @param schema the schema read: {@code "main"} for SQLite, never null
 * @param tables the tables ordered by name, never null, possibly empty
 * @param views the views ordered by name, never null, possibly empty
 * @param notes objects the reader saw but the model cannot hold (e.g. a virtual table), each a sentence naming
 *     the object; never null, possibly empty
 */
public record SchemaSnapshot(Dialect dialect, String schema, List<Table> tables, List<View> views,
        List<String> notes) {

    /** Copies the lists. */
    public SchemaSnapshot {
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(schema, "schema");
        tables = List.copyOf(Objects.requireNonNull(tables, "tables"));
        views = List.copyOf(Objects.requireNonNull(views, "views"));
        notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
    }

    /**
     * A snapshot without views.
     *
     * @param dialect the database kind it was read from, never null
     * @param schema the schema read, never null
     * @param tables the tables ordered by name, never null, possibly empty
     * @param notes objects the reader saw but the model cannot hold, never null, possibly empty
     */
    public SchemaSnapshot(Dialect dialect, String schema, List<Table> tables, List<String> notes) {
        this(dialect, schema, tables, List.of(), notes);
    }

    /**
     * Finds a table by its exact name.
     *
     * @param name the table name, case-sensitive
     * @return never null
     * @throws DbferryException with {@link ErrorCode#NOT_FOUND} when there is no such table
     */
    public Table table(String name) {
        return tables.stream()
                .filter(t -> t.id().name().equals(name))
                .findFirst()
                .orElseThrow(() -> new DbferryException(ErrorCode.NOT_FOUND,
                        "no table \"" + name + "\" in schema \"" + schema + "\""));
    }
}
