package io.dbferry.transfer.pipeline;

import io.dbferry.introspect.mapping.SchemaMapping;
import io.dbferry.introspect.plan.SyncPhase;
import io.dbferry.introspect.plan.SyncPlanner;
import io.dbferry.introspect.postgres.PostgresCatalog;
import java.sql.Connection;
import java.util.List;
import java.util.Set;

/** Creates the views a migration translated, the last schema objects of a migrate. Stateless. */
final class TargetViews {

    private TargetViews() {}

    /**
     * Creates the mapped views after every table they read exists with its data, in dependency order (the
     * sync plan's views phase), in one transaction; views the target already has are kept as they are.
     *
     * @throws io.dbferry.introspect.DbferryException with {@code DDL_FAILED} naming the view's statement
     */
    static void create(Connection connection, SchemaMapping mapping, MigrationListener listener) {
        Set<String> existing = PostgresCatalog.relationNames(connection, mapping.targetSchema());
        List<String> statements = new SyncPlanner().plan(new SchemaMapping(mapping.targetSchema(), List.of(),
                mapping.views().stream().filter(v -> !existing.contains(v.target().name())).toList(),
                List.of(), List.of(), List.of())).statements(SyncPhase.VIEWS, false);
        if (!statements.isEmpty()) {
            listener.on(new MigrationEvent.PhaseStarted("creating " + statements.size()
                    + (statements.size() == 1 ? " view" : " views")));
            new TargetDdl(connection).inTransaction("creating the views", statements);
        }
    }
}
