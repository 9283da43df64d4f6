package io.dbferry.introspect.plan;

import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.introspect.mapping.MappedView;
import io.dbferry.introspect.mapping.SchemaMapping;
import io.dbferry.introspect.model.Dialect;
import io.dbferry.introspect.model.SchemaSnapshot;
import io.dbferry.introspect.model.Table;
import io.dbferry.introspect.model.View;
import io.dbferry.introspect.plan.SyncStep.AddCheck;
import io.dbferry.introspect.plan.SyncStep.AddForeignKey;
import io.dbferry.introspect.plan.SyncStep.AddPrimaryKey;
import io.dbferry.introspect.plan.SyncStep.AddUniqueKey;
import io.dbferry.introspect.plan.SyncStep.CreateIndex;
import io.dbferry.introspect.plan.SyncStep.CreateSchema;
import io.dbferry.introspect.plan.SyncStep.CreateTable;
import io.dbferry.introspect.plan.SyncStep.CreateView;
import io.dbferry.introspect.plan.SyncStep.LoadData;
import io.dbferry.introspect.plan.SyncStep.RestartIdentity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds the {@link SyncPlan} that makes a target schema match a {@link SchemaMapping}.
 *
 * <p>A table the target does not have is created whole: {@code CREATE TABLE} before the data, its keys, CHECKs and
 * indexes after it, then its foreign keys. A table the target has is brought in line by {@link ExistingTableSync}:
 * missing columns added, narrower types widened, NOT NULL and defaults set, missing keys, CHECKs, indexes and
 * foreign keys added — and, marked destructive, columns and constraints the source does not have dropped, types
 * narrowed or converted. Views the target lacks are created after every table; a view it has is left as it is.
 * Tables and views of the target that are not in the mapping are left alone. Every identity sequence is restarted
 * after the data.
 *
 * <p>Stateless and thread-safe.
 */
public final class SyncPlanner {

    /** Creates a planner; it has no settings. */
    public SyncPlanner() {}

    /**
     * The plan for an empty (or missing) target schema.
     *
     * @param mapping the mapped source, never null
     * @return never null
     */
    public SyncPlan plan(SchemaMapping mapping) {
        return plan(mapping, new SchemaSnapshot(Dialect.POSTGRES, mapping.targetSchema(), List.of(), List.of()));
    }

    /**
     * The plan for a target schema as it is.
     *
     * @param mapping the mapped source, never null
     * @param target the target schema as {@code PostgresSchemaReader} reads it (no tables when it does not exist),
     *     never null
     * @return never null
     */
    public SyncPlan plan(SchemaMapping mapping, SchemaSnapshot target) {
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(target, "target");
        Map<String, Table> existing = target.tables().stream()
                .collect(Collectors.toMap(t -> t.id().name(), Function.identity()));
        List<SyncStep> steps = new ArrayList<>();
        steps.add(new CreateSchema(mapping.targetSchema()));
        for (MappedTable table : mapping.tables()) {
            Table actual = existing.get(table.target().name());
            if (actual == null) {
                created(table, steps);
            } else {
                new ExistingTableSync(table, actual).steps(steps);
            }
        }
        steps.add(new LoadData(mapping.tables().stream().map(MappedTable::target).toList()));
        Set<String> views = target.views().stream().map(View::name).collect(Collectors.toSet());
        for (MappedView view : mapping.views()) {
            if (!views.contains(view.target().name())) {
                steps.add(new CreateView(view));
            }
        }
        for (MappedTable table : mapping.tables()) {
            table.identityColumns().forEach(c -> steps.add(new RestartIdentity(table.target(), c.targetName())));
        }
        // A stable sort: within a phase the steps keep the order they were planned in.
        steps.sort(Comparator.comparing(SyncStep::phase));
        return new SyncPlan(mapping.targetSchema(), steps, mapping.untranslatable());
    }

    private static void created(MappedTable table, List<SyncStep> steps) {
        steps.add(new CreateTable(table));
        if (table.primaryKey() != null) {
            steps.add(new AddPrimaryKey(table.target(), table.primaryKey()));
        }
        table.uniqueKeys().forEach(u -> steps.add(new AddUniqueKey(table.target(), u)));
        table.checks().forEach(c -> steps.add(new AddCheck(table.target(), c)));
        table.indexes().forEach(i -> steps.add(new CreateIndex(table.target(), i)));
        table.foreignKeys().forEach(fk -> steps.add(new AddForeignKey(table.target(), fk)));
    }
}
