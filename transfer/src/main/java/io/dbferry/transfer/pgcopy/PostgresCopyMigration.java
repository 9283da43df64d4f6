package io.dbferry.transfer.pgcopy;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.model.View;
import io.dbferry.transfer.connect.PostgresTarget;
import io.dbferry.transfer.connect.PostgresUrl;
import io.dbferry.transfer.pipeline.MigrationEvent;
import io.dbferry.transfer.pipeline.MigrationListener;
import io.dbferry.transfer.pipeline.MigrationResult;
import io.dbferry.transfer.pipeline.TableResult;
import io.dbferry.transfer.verify.VerificationException;
import io.dbferry.transfer.verify.VerificationReport;
import io.dbferry.transfer.verify.VerifyOptions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Copies one schema of a PostgreSQL database to another PostgreSQL database, or to another schema of the same
 * database, with identical column types, using COPY on both ends.
 *
 * <p>In order: the source is read in one {@code REPEATABLE READ READ ONLY} snapshot shared by every worker
 * ({@link SourceSnapshot}); its schema is read ({@code PostgresSchemaReader} for tables, keys and views,
 * {@code PostgresDefinitionReader} for exact types and definitions); the target is prepared ({@link TargetSetup}:
 * schema, {@code --if-exists}, enums and domains, type checks, tables); the tables are copied, {@code workers} at
 * once, each piped {@code COPY TO STDOUT} → {@code COPY FROM STDIN} in one target transaction ({@link TablePipe})
 * and then given its constraints, indexes and sequence positions; then foreign keys and views are created; last
 * the target is verified against the same snapshot ({@link PostgresCopyOptions#verify()}).
 *
 * <p>The source is never written to. A table's rows are all loaded or none; when a table fails, the tables
 * loaded before stay, and a new run needs {@code --if-exists drop} or {@code truncate}. Rows read always equal rows
 * written (COPY has no rejects: a value the target refuses fails the table). Not thread-safe; one run at a time.
 */
public final class PostgresCopyMigration {

    private final PostgresCopyOptions options;
    private final MigrationListener listener;

    /**
     * Prepares a copy.
     *
     * @param options the options, never null
     * @param listener receives progress events (phases, and each table once loaded), called one event at a time;
     *     never null, {@link MigrationListener#NONE} for none
     */
    public PostgresCopyMigration(PostgresCopyOptions options, MigrationListener listener) {
        this.options = Objects.requireNonNull(options, "options");
        Objects.requireNonNull(listener, "listener");
        this.listener = event -> {
            synchronized (this) {
                listener.on(event);
            }
        };
    }

    /**
     * Runs the copy.
     *
     * @param source the source database, password resolved, never null; only read
     * @param target the target database, password resolved, never null; may be the same database when the
     *     target schema differs
     * @return per-table rows read and written, the verification (null when off) and notes on what was left out;
     *     never null
     * @throws DbferryException with {@link ErrorCode#INVALID_OPTION} when source and target are the same schema of
     *     the same database or a table option names an unknown table, {@link ErrorCode#NOT_FOUND} when the source
     *     schema has no tables, {@link ErrorCode#CONNECTION_FAILED}, {@link ErrorCode#TARGET_TABLE_EXISTS},
     *     {@link ErrorCode#INCOMPATIBLE_TARGET}, {@link ErrorCode#DDL_FAILED} or {@link ErrorCode#LOAD_FAILED}
     *     saying what failed where
     * @throws VerificationException when the verification at the end finds source and target different
     */
    public MigrationResult run(PostgresUrl source, PostgresUrl target) {
        long started = System.nanoTime();
        try (SourceSnapshot snapshot = SourceSnapshot.open(source, options.sourceSchema());
             PostgresTarget pool = PostgresTarget.connect(target, options.workers() + 1)) {
            listener.on(new MigrationEvent.PhaseStarted("reading source schema \"" + options.sourceSchema() + "\""));
            SourceSchema schema = SourceSchema.read(snapshot.coordinator(), options);
            Set<String> kept = prepareTarget(snapshot, pool, schema);
            TargetKeys keys = new TargetKeys(options.targetSchema());
            List<TableResult> results = new TableLoads(snapshot, pool, options, keys, listener)
                    .load(schema.tables(), kept);
            List<String> notes = new ArrayList<>(schema.snapshot().notes());
            VerificationReport verification = finish(snapshot, pool, schema, keys, kept);
            notes.addAll(keys.notes());
            return new MigrationResult(results, verification, notes, (System.nanoTime() - started) / 1_000_000, 0);
        }
    }

    /** Refuses a copy onto itself, then creates what the load needs; returns the kept tables. */
    private Set<String> prepareTarget(SourceSnapshot snapshot, PostgresTarget pool, SourceSchema schema) {
        listener.on(new MigrationEvent.PhaseStarted("creating " + schema.tables().size() + " tables in \""
                + options.targetSchema() + "\""));
        Set<String> viewNames = schema.snapshot().views().stream().map(View::name).collect(Collectors.toSet());
        try (Connection connection = pool.connection()) {
            SameSchema.refuse(snapshot.coordinator(), connection, options);
            return new TargetSetup(options, schema.definitions(), schema.tables(), viewNames).prepare(connection);
        } catch (SQLException e) {
            throw targetFailure(pool, e);
        }
    }

    /** Sequence positions, foreign keys and views, then the verification. */
    private VerificationReport finish(SourceSnapshot snapshot, PostgresTarget pool, SourceSchema schema,
            TargetKeys keys, Set<String> kept) {
        listener.on(new MigrationEvent.PhaseStarted("creating foreign keys and views"));
        try (Connection connection = pool.connection()) {
            List<String> statements = new ArrayList<>(keys.sequencePositions(schema.definitions().sequences()));
            statements.addAll(keys.foreignKeysAndViews(connection, schema.tables(), kept, schema.snapshot().views()));
            TargetStatements.run(connection, options.targetSchema(), statements);
            return verify(snapshot.coordinator(), connection, schema);
        } catch (SQLException e) {
            throw targetFailure(pool, e);
        }
    }

    private static DbferryException targetFailure(PostgresTarget pool, SQLException e) {
        return new DbferryException(ErrorCode.CONNECTION_FAILED, "failed talking to the target "
                + pool.url().redacted() + ": " + e.getMessage(), e);
    }

    private VerificationReport verify(Connection source, Connection target, SourceSchema schema) {
        if (options.verify() == null) {
            return null;
        }
        VerificationReport report = PostgresCopyVerification.verify(source, target, schema,
                VerifyOptions.of(options.verify(), VerifyOptions.DEFAULT_MAX_DIFFS),
                table -> listener.on(new MigrationEvent.PhaseStarted("verifying " + table.target() + " ("
                        + options.verify().label() + ")")));
        if (!report.matches()) {
            throw new VerificationException(report);
        }
        return report;
    }

}
