package io.dbferry.transfer.pgcopy;

import io.dbferry.introspect.model.ForeignKey;
import io.dbferry.introspect.model.TableId;
import io.dbferry.introspect.model.View;
import io.dbferry.introspect.plan.PostgresCopyDdl;
import io.dbferry.introspect.postgres.CatalogColumn;
import io.dbferry.introspect.postgres.CatalogConstraint;
import io.dbferry.introspect.postgres.CatalogIndex;
import io.dbferry.introspect.postgres.CatalogSequence;
import io.dbferry.introspect.postgres.ColumnGeneration;
import io.dbferry.introspect.postgres.PostgresCatalog;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the target gets after the load: a table's constraints (all but foreign keys), indexes and sequence
 * positions as soon as it is loaded; foreign keys, and the positions of sequences no column owns, once every
 * table is; views last, each once the relations it
 * reads exist. Tables kept by {@code --if-exists truncate} keep their own constraints and indexes. Stateless
 * apart from its notes; not thread-safe for {@link #foreignKeysAndViews}.
 */
final class TargetKeys {

    private static final PostgresCopyDdl DDL = new PostgresCopyDdl();

    private final String targetSchema;
    private final List<String> notes = new ArrayList<>();

    /** @param targetSchema the target schema, never null */
    TargetKeys(String targetSchema) {
        this.targetSchema = targetSchema;
    }

    /**
     * The statements to run once a table is loaded: primary key, UNIQUE, CHECK and EXCLUDE constraints and
     * indexes (unless the table was kept), then its identity and serial sequences moved past the source's and the
     * loaded values.
     *
     * @param table the table, never null
     * @param kept whether the table existed and was kept
     * @return the statements in order, never null
     */
    List<String> afterLoad(CopyTable table, boolean kept) {
        List<String> statements = new ArrayList<>();
        if (!kept) {
            table.definition().constraints().stream().filter(c -> c.kind() != CatalogConstraint.Kind.FOREIGN_KEY)
                    .forEach(c -> statements.add(DDL.addConstraint(table.target(), c)));
            for (CatalogIndex index : table.definition().indexes()) {
                statements.add(DDL.createIndex(table.target(), index));
            }
        }
        for (CatalogColumn column : table.definition().columns()) {
            if (column.generation() != ColumnGeneration.NONE && column.generation() != ColumnGeneration.STORED) {
                statements.add(DDL.restartSequence(table.target(), column.name(), column.sequenceLastValue()));
            }
        }
        return statements;
    }

    /**
     * The foreign keys of the created tables and the views, in an order that works; what cannot be created (a
     * foreign key to a table the target lacks or in another schema, a view reading a relation the target lacks)
     * is left out and noted.
     *
     * @param connection a target connection, for the relations it has; never null
     * @param tables the copied tables, never null
     * @param kept the names of the tables that were kept, never null
     * @param views the source's views, never null
     * @return the statements in order, never null
     */
    List<String> foreignKeysAndViews(Connection connection, List<CopyTable> tables, Set<String> kept,
            List<View> views) {
        Set<String> relations = new TreeSet<>(PostgresCatalog.relationNames(connection, targetSchema));
        List<String> statements = new ArrayList<>();
        for (CopyTable table : tables) {
            if (!kept.contains(table.target().name())) {
                table.definition().constraints().stream().filter(c -> c.kind() == CatalogConstraint.Kind.FOREIGN_KEY)
                        .forEach(fk -> foreignKey(table, fk, relations).ifPresent(statements::add));
            }
        }
        statements.addAll(views(views, relations));
        return statements;
    }

    /**
     * Sets the free-standing sequences to the source's positions, so values they hand out follow the source's.
     *
     * @param sequences the source schema's sequences that no column owns, never null
     * @return one query per sequence that handed out a value, never null
     */
    List<String> sequencePositions(List<CatalogSequence> sequences) {
        return sequences.stream().filter(s -> s.lastValue() != null)
                .map(s -> DDL.setSequence(targetSchema, s)).toList();
    }

    /**
     * What was left out, each a sentence.
     *
     * @return never null, possibly empty
     */
    List<String> notes() {
        return List.copyOf(notes);
    }

    private Optional<String> foreignKey(CopyTable table, CatalogConstraint fk, Set<String> relations) {
        Optional<ForeignKey> modelled = table.source().foreignKeys().stream()
                .filter(f -> f.name().equals(fk.name())).findFirst();
        if (modelled.isEmpty() || !relations.contains(modelled.get().referencedTable().name())) {
            notes.add("foreign key \"" + fk.name() + "\" of " + table.target() + " was not created: it references "
                    + (modelled.isEmpty() ? "a table in schema \"" + fk.referencedSchema() + "\""
                    : modelled.get().referencedTable() + ", which the target schema lacks"));
            return Optional.empty();
        }
        return Optional.of(DDL.addConstraint(table.target(), fk));
    }

    /** Views in dependency order; one reading a relation that will not exist is noted instead. */
    private List<String> views(List<View> views, Set<String> relations) {
        Map<String, View> pending = new LinkedHashMap<>();
        views.stream().filter(v -> !relations.contains(v.name())).forEach(v -> pending.put(v.name(), v));
        List<String> statements = new ArrayList<>();
        boolean progress = true;
        while (progress) {
            progress = false;
            for (View view : List.copyOf(pending.values())) {
                if (relations.containsAll(view.dependsOn())) {
                    statements.add(DDL.createView(new TableId(targetSchema, view.name()), view));
                    relations.add(view.name());
                    pending.remove(view.name());
                    progress = true;
                }
            }
        }
        pending.values().forEach(v -> notes.add("view \"" + v.name() + "\" was not created: it reads "
                + v.dependsOn().stream().filter(d -> !relations.contains(d)).toList()
                + ", which the target schema lacks"));
        return statements;
    }
}
