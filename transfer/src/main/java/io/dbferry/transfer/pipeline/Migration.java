package io.dbferry.transfer.pipeline;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.mapping.MappedColumn;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.introspect.mapping.SchemaMapping;
import io.dbferry.introspect.model.SchemaSnapshot;
import io.dbferry.introspect.plan.PostgresDdl;
import io.dbferry.introspect.postgres.PostgresCatalog;
import io.dbferry.introspect.sqlite.SqliteSchemaReader;
import io.dbferry.transfer.verify.VerificationException;
import io.dbferry.transfer.verify.VerificationReport;
import io.dbferry.transfer.verify.Verifier;
import io.dbferry.transfer.verify.VerifyOptions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;

/**
 * One SQLite → PostgreSQL migration, run in this order on the target: create the tables (columns, NOT
 * NULL, identity) → load every table with COPY, one transaction each → primary keys, UNIQUE constraints
 * and indexes → foreign keys → identity restart → verification ({@link MigrationOptions#verify()}: row counts
 * by default, or checksums of every row).
 *
 * <p>Tables that already exist on the target are refused before anything changes, unless
 * {@link IfExists#DROP} or {@link IfExists#TRUNCATE} says otherwise. The source is only read.
 * Single-threaded; not reusable.
 */
public final class Migration {

    private final Connection source;
    private final DataSource target;
    private final MigrationOptions options;
    private final MigrationListener listener;
    private final PostgresDdl ddl = new PostgresDdl();

    /**
     * Prepares a migration.
     *
     * @param source an open, read-only SQLite connection, owned by the caller
     * @param target the PostgreSQL target's connection pool, owned by the caller
     * @param options what to migrate and how, never null
     * @param listener receives progress events, never null (use {@link MigrationListener#NONE})
     */
    public Migration(Connection source, DataSource target, MigrationOptions options, MigrationListener listener) {
        this.source = Objects.requireNonNull(source, "source");
        this.target = Objects.requireNonNull(target, "target");
        this.options = Objects.requireNonNull(options, "options");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Runs the migration.
     *
     * @return what was done, never null
     * @throws DbferryException with {@link ErrorCode#TARGET_TABLE_EXISTS} when a table exists and
     *     {@code ifExists} is FAIL (nothing was changed); {@code INVALID_CAST_RULE} or
     *     {@code CAST_RULE_UNMATCHED} when a cast rule does not fit the source schema (checked before the
     *     target is touched); {@code DDL_FAILED}, {@code LOAD_FAILED} or
     *     {@code VALUE_REJECTED} when a step fails, naming the table; {@code CONNECTION_FAILED} when the
     *     target cannot be reached
     * @throws VerificationException when the verification at the end finds source and target different
     */
    public MigrationResult run() {
        long started = System.nanoTime();
        listener.on(new MigrationEvent.PhaseStarted("reading the source schema"));
        SchemaSnapshot snapshot = SqliteSchemaReader.read(source);
        SchemaMapping mapping = SourceMapping.map(snapshot, options);
        List<String> notes = new ArrayList<>(snapshot.notes());
        notes.addAll(mapping.notes());
        try (Connection connection = target.getConnection()) {
            List<TableResult> results = migrate(connection, LoadOrder.parentsFirst(mapping.tables()));
            VerificationReport verification = options.verify() == null ? null : verify(connection, mapping);
            return new MigrationResult(results, verification, notes, (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.CONNECTION_FAILED,
                    "lost the connection to the target: " + e.getMessage(), e);
        }
    }

    private VerificationReport verify(Connection connection, SchemaMapping mapping) {
        VerificationReport report = new Verifier(source, connection,
                VerifyOptions.of(options.verify(), VerifyOptions.DEFAULT_MAX_DIFFS)).verify(mapping.tables(),
                table -> listener.on(new MigrationEvent.PhaseStarted("verifying " + table.target() + " ("
                        + options.verify().label() + ")")));
        if (!report.matches()) {
            throw new VerificationException(report);
        }
        return report;
    }

    private List<TableResult> migrate(Connection connection, List<MappedTable> tables) {
        TargetDdl targetDdl = new TargetDdl(connection);
        List<MappedTable> existing = existing(connection, tables);
        List<MappedTable> created = new ArrayList<>(tables);
        if (options.ifExists() == IfExists.TRUNCATE) {
            created.removeAll(existing);
        }
        listener.on(new MigrationEvent.PhaseStarted("creating " + created.size()
                + (created.size() == 1 ? " table" : " tables") + " in schema \""
                + options.targetSchema() + '"'));
        targetDdl.inTransaction("creating the tables", createStatements(existing, created));
        List<TableResult> results = new ArrayList<>();
        TableLoader loader = new TableLoader(source, connection);
        for (MappedTable table : tables) {
            listener.on(new MigrationEvent.PhaseStarted("loading " + table.target()));
            TableResult result = loader.load(table);
            results.add(result);
            listener.on(new MigrationEvent.TableLoaded(result));
        }
        listener.on(new MigrationEvent.PhaseStarted("creating primary keys, unique constraints and indexes"));
        for (MappedTable table : created) {
            targetDdl.inTransaction("creating the keys and indexes of " + table.target(), ddl.keysAndIndexes(table));
        }
        listener.on(new MigrationEvent.PhaseStarted("creating foreign keys"));
        targetDdl.inTransaction("creating the foreign keys", created.stream()
                .flatMap(t -> ddl.foreignKeys(t).stream()).toList());
        targetDdl.inTransaction("restarting identity sequences", tables.stream()
                .flatMap(t -> t.identityColumns().stream().map(c -> restart(t, c))).toList());
        return results;
    }

    private List<MappedTable> existing(Connection connection, List<MappedTable> tables) {
        Set<String> names = PostgresCatalog.relationNames(connection, options.targetSchema());
        List<MappedTable> existing = tables.stream().filter(t -> names.contains(t.target().name())).toList();
        if (!existing.isEmpty() && options.ifExists() == IfExists.FAIL) {
            throw new DbferryException(ErrorCode.TARGET_TABLE_EXISTS, "the target already has "
                    + existing.size() + " of the " + tables.size() + " tables in schema \"" + options.targetSchema()
                    + "\" (" + String.join(", ", existing.stream().map(t -> t.target().name()).toList())
                    + "); nothing was changed. Use --if-exists drop to replace them, --if-exists truncate to "
                    + "empty and reload them, or --target-schema to migrate into another schema");
        }
        return existing;
    }

    private List<String> createStatements(List<MappedTable> existing, List<MappedTable> created) {
        List<String> statements = new ArrayList<>();
        statements.add(ddl.createSchemaIfNotExists(options.targetSchema()));
        if (!existing.isEmpty() && options.ifExists() == IfExists.DROP) {
            existing.forEach(t -> statements.add(ddl.dropTable(t.target())));
        }
        if (!existing.isEmpty() && options.ifExists() == IfExists.TRUNCATE) {
            statements.add(ddl.truncate(existing.stream().map(MappedTable::target).toList()));
        }
        created.forEach(t -> statements.add(ddl.createTable(t)));
        return statements;
    }

    private String restart(MappedTable table, MappedColumn column) {
        return ddl.restartIdentity(table.target(), column.targetName());
    }
}
