package io.dbferry.transfer.pipeline;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.mapping.SchemaMapping;
import io.dbferry.introspect.plan.SyncPhase;
import io.dbferry.introspect.plan.SyncPlan;
import io.dbferry.introspect.plan.SyncPlanner;
import io.dbferry.introspect.postgres.PostgresSchemaReader;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * The sync plan of {@code dbferry plan}: the DDL that makes the target schema match the mapped source, read
 * from both sides, and applying it. Stateless.
 */
public final class TargetPlan {

    private TargetPlan() {}

    /**
     * Reads both schemas and plans: for an empty or missing target schema every object in phases, for an
     * existing one the ALTER statements (see {@link SyncPlanner}).
     *
     * @param source an open, read-only SQLite connection, never null
     * @param target an open PostgreSQL connection, only read here; never null
     * @param options the selection, identifier policy, target schema and cast rules; never null
     * @return never null
     * @throws DbferryException as {@link SourceMapping#read(Connection, MigrationOptions)}, or with
     *     {@link ErrorCode#SCHEMA_READ_FAILED} when the target schema cannot be read
     */
    public static SyncPlan read(Connection source, Connection target, MigrationOptions options) {
        SchemaMapping mapping = SourceMapping.read(source, options);
        return new SyncPlanner().plan(mapping, PostgresSchemaReader.read(target, options.targetSchema()));
    }

    /**
     * Runs every phase of the plan but the data in one transaction: all of it, or nothing when a statement
     * fails (PostgreSQL DDL is transactional).
     *
     * @param target an open PostgreSQL connection, never null
     * @param plan the plan, never null
     * @param allowDestructive whether destructive steps (dropping, narrowing) run; otherwise they are skipped
     * @return the number of statements run
     * @throws DbferryException with {@link ErrorCode#DDL_FAILED} naming the statement and the server's message
     */
    public static int apply(Connection target, SyncPlan plan, boolean allowDestructive) {
        List<String> statements = new ArrayList<>();
        for (SyncPhase phase : SyncPhase.values()) {
            statements.addAll(plan.statements(phase, allowDestructive));
        }
        new TargetDdl(target).inTransaction("applying the sync plan", statements);
        return statements.size();
    }
}
