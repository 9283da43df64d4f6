package io.dbferry.introspect.mapping;

import java.util.List;
import java.util.Objects;

/**
 * The tables and views of one migration mapped onto the target, with what the mapping could not carry over.
 *
 * @param targetSchema the target schema every table and view is created in, never null
 * @param tables the mapped tables in source-name order, never null
 * @param views the mapped views in dependency order — each after the views it reads — then by name; never null
 * @param untranslatable the defaults, CHECK constraints, indexes and views left out because they cannot be
 *     translated (or read a table or view that is not migrated), each with its original SQL and the reason; never
 *     null, possibly empty. Callers report them: nothing is dropped silently
 * @param renamed the indexes, constraints and views given a numeric suffix because their name was taken, never
 *     null, possibly empty
 * @param notes sentences naming each object not carried over or changed on the way (a foreign key to a table left
 *     out, each renamed object, a NOCASE column that compares case-sensitively in PostgreSQL), and
 *     one for each entry of {@code untranslatable}; never null, possibly empty
 */
public record SchemaMapping(String targetSchema, List<MappedTable> tables, List<MappedView> views,
        List<UntranslatableObject> untranslatable, List<RenamedObject> renamed, List<String> notes) {

    /** Copies the lists. */
    public SchemaMapping {
        Objects.requireNonNull(targetSchema, "targetSchema");
        tables = List.copyOf(Objects.requireNonNull(tables, "tables"));
        views = List.copyOf(Objects.requireNonNull(views, "views"));
        untranslatable = List.copyOf(Objects.requireNonNull(untranslatable, "untranslatable"));
        renamed = List.copyOf(Objects.requireNonNull(renamed, "renamed"));
        notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
    }

    /**
     * A mapping of tables only, with nothing untranslatable.
     *
     * @param targetSchema the target schema, never null
     * @param tables the mapped tables, never null
     * @param notes sentences naming each object not carried over, never null
     */
    public SchemaMapping(String targetSchema, List<MappedTable> tables, List<String> notes) {
        this(targetSchema, tables, List.of(), List.of(), List.of(), notes);
    }
}
