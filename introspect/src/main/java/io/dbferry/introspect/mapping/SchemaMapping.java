package io.dbferry.introspect.mapping;

import java.util.List;
import java.util.Objects;

/**
 * The tables of one migration mapped onto the target, with what the mapping could not carry over.
 *
 * @param targetSchema the target schema every table is created in, never null
 * @param tables the mapped tables in source-name order, never null
 * @param notes sentences naming each object not carried over (a default, a foreign key to a table left
 *     out), never null, possibly empty
 */
public record SchemaMapping(String targetSchema, List<MappedTable> tables, List<String> notes) {

    /** Copies the lists. */
    public SchemaMapping {
        Objects.requireNonNull(targetSchema, "targetSchema");
        tables = List.copyOf(Objects.requireNonNull(tables, "tables"));
        notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
    }
}
