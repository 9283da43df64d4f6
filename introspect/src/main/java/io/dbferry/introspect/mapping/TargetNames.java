package io.dbferry.introspect.mapping;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hands out the names of indexes, constraints and views so that none collides in the target, where PostgreSQL
 * wants them unique: tables, views and indexes — with the indexes behind primary keys and UNIQUE constraints —
 * share one namespace per schema (docs, CREATE INDEX: "name … must be distinct from the name of any other
 * relation"); constraint names are unique per table. Two source names can become one in the target when the
 * identifier policy folds case or when PostgreSQL cuts them to 63 bytes; the later one then gets the lowest
 * numeric suffix that is free, cut to fit as PostgreSQL's own {@code ChooseRelationName} does, and a note says so.
 * Names are handed out in the order asked, so the same schema always gets the same names.
 *
 * <p>Not thread-safe: one instance per {@link SchemaMapper#map} call.
 */
final class TargetNames {

    private final String schema;
    private final List<RenamedObject> renamed;
    private final List<String> notes;
    private final Set<String> relations = new HashSet<>();
    private final Map<String, Set<String>> constraintsByTable = new HashMap<>();

    /**
     * Starts with no name taken.
     *
     * @param schema the target schema, for notes
     * @param renamed where a renamed object is listed
     * @param notes where a renamed object is noted
     */
    TargetNames(String schema, List<RenamedObject> renamed, List<String> notes) {
        this.schema = schema;
        this.renamed = renamed;
        this.notes = notes;
    }

    /**
     * Takes a table's name, which {@link SchemaMapper} has already checked to be unique among tables.
     *
     * @param name the table's target name
     */
    void table(String name) {
        relations.add(name);
    }

    /**
     * A free relation name, for a view or an index.
     *
     * @param sourceTable the source table the object belongs to, null for a view
     * @param wanted the name the object would get, at most 63 bytes
     * @param what the object, for the note, e.g. {@code index "i" of "t"}
     * @return {@code wanted}, or it with a numeric suffix
     */
    String relation(String sourceTable, String wanted, String what) {
        return take(sourceTable, wanted, what, relations, Set.of());
    }

    /**
     * A free constraint name on a table, for a CHECK or foreign key.
     *
     * @param sourceTable the source table
     * @param table the table's target name
     * @param wanted the name the constraint would get, at most 63 bytes
     * @param what the object, for the note
     * @return {@code wanted}, or it with a numeric suffix
     */
    String constraint(String sourceTable, String table, String wanted, String what) {
        return take(sourceTable, wanted, what, constraints(table), Set.of());
    }

    /**
     * A name free both as a constraint of the table and as a relation, for a primary key or UNIQUE constraint.
     *
     * @param sourceTable the source table
     * @param table the table's target name
     * @param wanted the name the constraint would get, at most 63 bytes
     * @param what the object, for the note
     * @return {@code wanted}, or it with a numeric suffix
     */
    String indexedConstraint(String sourceTable, String table, String wanted, String what) {
        String name = take(sourceTable, wanted, what, constraints(table), relations);
        relations.add(name);
        return name;
    }

    private Set<String> constraints(String table) {
        return constraintsByTable.computeIfAbsent(table, t -> new HashSet<>());
    }

    private String take(String sourceTable, String wanted, String what, Set<String> taken, Set<String> alsoTaken) {
        String name = wanted;
        for (int n = 1; taken.contains(name) || alsoTaken.contains(name); n++) {
            String suffix = Integer.toString(n);
            name = PostgresIdentifiers.truncate(wanted, PostgresIdentifiers.MAX_BYTES - suffix.length()) + suffix;
        }
        taken.add(name);
        if (!name.equals(wanted)) {
            renamed.add(new RenamedObject(sourceTable, what, wanted, name));
            notes.add(what + " is created as \"" + name + "\": \"" + wanted + "\" already names another object in "
                    + "schema \"" + schema + "\" (names are folded by --identifiers and cut to 63 bytes)");
        }
        return name;
    }
}
