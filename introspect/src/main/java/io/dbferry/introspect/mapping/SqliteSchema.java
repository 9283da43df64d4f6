package io.dbferry.introspect.mapping;

import java.util.List;
import java.util.Objects;

/**
 * A PostgreSQL schema mapped to a SQLite database.
 *
 * @param tables the tables ordered by name, never null, possibly empty
 * @param notes what was not carried over (a view, a CHECK, a partial index, a default, another schema), each a
 *     sentence naming the object; never null, possibly empty
 */
public record SqliteSchema(List<SqliteTable> tables, List<String> notes) {

    /** Copies the lists. */
    public SqliteSchema {
        tables = List.copyOf(Objects.requireNonNull(tables, "tables"));
        notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
    }
}
