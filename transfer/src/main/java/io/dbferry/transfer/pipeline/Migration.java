package io.dbferry.transfer.pipeline;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.introspect.mapping.SchemaMapping;
import io.dbferry.introspect.model.SchemaSnapshot;
import io.dbferry.introspect.model.TableId;
import io.dbferry.introspect.plan.PostgresDdl;
import io.dbferry.introspect.sqlite.SqliteSchemaReader;
import io.dbferry.transfer.connect.SqliteSource;
import io.dbferry.transfer.read.Chunk;
import io.dbferry.transfer.read.ChunkPlanner;
import io.dbferry.transfer.reject.Reject;
import io.dbferry.transfer.reject.RejectFiles;
import io.dbferry.transfer.verify.VerificationException;
import io.dbferry.transfer.verify.VerificationReport;
import io.dbferry.transfer.verify.Verifier;
import io.dbferry.transfer.verify.VerifyOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * One SQLite → PostgreSQL migration, run in this order on the target: create the tables (columns, NOT
 * NULL, identity) → load every table with COPY, split into chunks of about {@code batchRows} rows that
 * {@code workers} readers and writers move in parallel, one transaction per chunk; as soon as a table is
 * loaded, its primary key, UNIQUE constraints and indexes, several tables at once → foreign keys, once
 * every table is loaded → identity restart → verification ({@link MigrationOptions#verify()}: row counts by
 * default, or checksums of every row).
 *
 * <p>Keys and indexes come after the data because building an index once is cheaper than maintaining it
 * row by row, and foreign keys last because their check needs the referenced table loaded and keyed.
 * Tables that already exist on the target are refused before anything changes, unless
 * {@link IfExists#DROP} or {@link IfExists#TRUNCATE} says otherwise. The source is only read. The target
 * pool must allow {@link #targetConnections(MigrationOptions)} connections. {@link #run()} runs on the
 * caller's thread and its worker threads; not reusable.
 */
public final class Migration {

    private final Path sourcePath;
    private final DataSource target;
    private final MigrationOptions options;
    private final MigrationListener listener;
    private final MigrationMetrics metrics;
    private final PostgresDdl ddl = new PostgresDdl();
    private Connection source;

    /**
     * Prepares a migration.
     *
     * @param source the SQLite database file; opened read-only, once per reader and once for the schema
     * @param target the PostgreSQL target's connection pool, owned by the caller; it must allow
     *     {@link #targetConnections(MigrationOptions)} connections
     * @param options what to migrate and how, never null
     * @param listener receives progress events, one call at a time, from the calling thread and the
     *     workers; never null (use {@link MigrationListener#NONE})
     * @param metrics where the meters described on {@code MigrationMetrics} are registered, never null
     */
    public Migration(Path source, DataSource target, MigrationOptions options, MigrationListener listener,
            MeterRegistry metrics) {
        this.sourcePath = Objects.requireNonNull(source, "source");
        this.target = Objects.requireNonNull(target, "target");
        this.options = Objects.requireNonNull(options, "options");
        Objects.requireNonNull(listener, "listener");
        this.listener = event -> {
            synchronized (this) {
                listener.on(event);
            }
        };
        this.metrics = new MigrationMetrics(Objects.requireNonNull(metrics, "metrics"));
    }

    /**
     * Prepares a migration whose meters nobody reads.
     *
     * @param source the SQLite database file, opened read-only
     * @param target the PostgreSQL target's connection pool, owned by the caller
     * @param options what to migrate and how, never null
     * @param listener receives progress events, never null
     */
    public Migration(Path source, DataSource target, MigrationOptions options, MigrationListener listener) {
        this(source, target, options, listener, new SimpleMeterRegistry());
    }

    /**
     * How many target connections a migration with these options uses at most: one per writer, one per
     * key-building worker, and one for the schema, foreign keys and verification.
     *
     * @param options the options, never null
     * @return {@code 2 × workers + 1}
     */
    public static int targetConnections(MigrationOptions options) {
        return 2 * options.workers() + 1;
    }

    /**
     * Runs the migration.
     *
     * @return what was done, never null
     * @throws DbferryException with {@link ErrorCode#TARGET_TABLE_EXISTS} when a table exists and
     *     {@code ifExists} is FAIL (nothing was changed); {@code INVALID_CAST_RULE} or
     *     {@code CAST_RULE_UNMATCHED} when a cast rule does not fit the source schema (checked before the
     *     target is touched); {@code DDL_FAILED}, {@code LOAD_FAILED} or
     *     {@code VALUE_REJECTED} when a step fails, naming the table (and the chunk); the chunks committed
     *     before a load failure stay in the target, and the message says so; {@code CONNECTION_FAILED} when
     *     the target cannot be reached; {@code SOURCE_NOT_FOUND} or {@code SOURCE_NOT_SQLITE} for a bad source
     * @throws VerificationException when the verification at the end finds source and target different
     */
    public MigrationResult run() {
        try (Connection opened = SqliteSource.openReadOnly(sourcePath)) {
            source = opened;
            return runWithSource();
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.CONNECTION_FAILED, "failed closing the source: " + e.getMessage(), e);
        }
    }

    private MigrationResult runWithSource() {
        long started = System.nanoTime();
        listener.on(new MigrationEvent.PhaseStarted("reading the source schema"));
        SchemaSnapshot snapshot = SqliteSchemaReader.read(source);
        SchemaMapping mapping = SourceMapping.map(snapshot, options);
        List<String> notes = new ArrayList<>(snapshot.notes());
        notes.addAll(mapping.notes());
        try (Connection connection = target.getConnection()) {
            List<TableResult> results = migrate(connection, LoadOrder.parentsFirst(mapping.tables()));
            TargetViews.create(connection, mapping, listener);
            VerificationReport verification = options.verify() == null ? null
                    : verify(connection, withoutRejects(mapping.tables(), results));
            return new MigrationResult(results, verification, notes, (System.nanoTime() - started) / 1_000_000,
                    mapping.untranslatable().size());
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.CONNECTION_FAILED,
                    "lost the connection to the target: " + e.getMessage(), e);
        }
    }

    /**
     * The tables verification can compare: a table with rejects lacks those rows on purpose, so it is left
     * out, and accounted for by rows read = rows written + rows rejected instead (see {@link TableResult}).
     */
    private static List<MappedTable> withoutRejects(List<MappedTable> tables, List<TableResult> results) {
        Set<TableId> rejected = results.stream().filter(r -> r.rowsRejected() > 0).map(TableResult::target)
                .collect(Collectors.toSet());
        return tables.stream().filter(t -> !rejected.contains(t.target())).toList();
    }

    private VerificationReport verify(Connection connection, List<MappedTable> tables) {
        VerifyOptions verifyOptions = VerifyOptions.atEnd(options.verify(), options.workers());
        VerificationReport report = new Verifier(source, connection, verifyOptions,
                () -> SqliteSource.openReadOnly(sourcePath), target::getConnection).verify(tables,
                table -> listener.on(new MigrationEvent.PhaseStarted("verifying " + table.target() + " ("
                        + options.verify().label() + ")")));
        if (!report.matches()) {
            throw new VerificationException(report);
        }
        return report;
    }

    private List<TableResult> migrate(Connection connection, List<MappedTable> tables) throws SQLException {
        RunState state = new RunState(options.stateSchema());
        RunState.Run unfinished = state.unfinished(connection, options.targetSchema());
        if (options.resume()) {
            return resume(connection, tables, state, unfinished);
        }
        if (unfinished != null && options.ifExists() == IfExists.FAIL) {
            throw Resumption.unfinished(unfinished, options);
        }
        TargetDdl targetDdl = new TargetDdl(connection);
        List<MappedTable> existing = ExistingTables.find(connection, tables, options);
        List<MappedTable> created = new ArrayList<>(tables);
        if (options.ifExists() == IfExists.TRUNCATE) {
            created.removeAll(existing);
        }
        List<TableLoad> loads = plan(tables, created, Map.of());
        listener.on(new MigrationEvent.PhaseStarted("creating " + created.size()
                + (created.size() == 1 ? " table" : " tables") + " in schema \""
                + options.targetSchema() + '"'));
        List<String> statements = new ArrayList<>(state.createStatements());
        statements.addAll(ExistingTables.createStatements(ddl, existing, created, options));
        targetDdl.inTransaction("creating the tables", statements);
        if (unfinished != null) {
            state.setState(connection, unfinished.id(), "abandoned");
        }
        List<MappedTable> kept = options.ifExists() == IfExists.TRUNCATE ? existing : List.of();
        long run = state.start(connection, SourceFingerprint.of(sourcePath), options.targetSchema(),
                options.chunkPlanKey(), kept.stream().map(t -> t.target().name()).toList());
        connection.commit();
        return loadAndLink(connection, state, run, tables, created, loads, !kept.isEmpty(), Map.of());
    }

    /** Continues an unfinished run: the same chunk plan, without the chunks it checkpointed. */
    private List<TableResult> resume(Connection connection, List<MappedTable> tables, RunState state,
            RunState.Run run) throws SQLException {
        Resumption.check(run, sourcePath, options);
        Map<String, Map<Integer, RunState.Checkpoint>> done = state.checkpoints(connection, run.id());
        Resumption.checkTargetUnchanged(connection, tables, done, ddl, run);
        Map<String, List<String>> rejectLines = state.rejectLines(connection, run.id());
        state.setState(connection, run.id(), "running");
        // Tables --if-exists truncate kept have their own keys and foreign keys, and are loaded parents first.
        List<MappedTable> created = tables.stream().filter(t -> !run.keptTables().contains(t.target().name()))
                .toList();
        List<MappedTable> unkeyed = Resumption.withoutKeys(connection, created, ddl);
        List<TableLoad> loads = plan(tables, unkeyed, done);
        listener.on(new MigrationEvent.PhaseStarted("resuming run " + run.id() + ": "
                + done.values().stream().mapToInt(Map::size).sum() + " chunks were checkpointed"));
        return loadAndLink(connection, state, run.id(), tables, created, loads, !run.keptTables().isEmpty(),
                rejectLines);
    }

    /**
     * Loads, builds foreign keys and restarts identities, recording the run's end state.
     *
     * @param created the tables this run created, whose foreign keys it creates (those missing, when resumed)
     * @param rejectLines the reject-file lines of the chunks a resumed run checkpointed, by source table
     */
    private List<TableResult> loadAndLink(Connection connection, RunState state, long run, List<MappedTable> tables,
            List<MappedTable> created, List<TableLoad> loads, boolean parentsFirst,
            Map<String, List<String>> rejectLines) {
        FinishingDdl finishing = new FinishingDdl(connection, ddl, options.rejects());
        try {
            List<TableResult> results = load(state, run, loads, parentsFirst, rejectLines);
            listener.on(new MigrationEvent.PhaseStarted("creating foreign keys"));
            finishing.createForeignKeys(created, results);
            finishing.restartIdentities(tables);
            state.setState(connection, run, "finished");
            return results;
        } catch (RuntimeException e) {
            try {
                // The load restores the interrupt flag when Ctrl-C or SIGTERM interrupted it.
                state.setState(connection, run, Thread.currentThread().isInterrupted() ? "interrupted" : "failed");
            } catch (DbferryException stateFailure) {
                e.addSuppressed(stateFailure);
            }
            throw e;
        }
    }

    private List<TableResult> load(RunState state, long run, List<TableLoad> loads, boolean parentsFirst,
            Map<String, List<String>> rejectLines) {
        listener.on(new MigrationEvent.PhaseStarted(loadingPhase(loads)));
        List<TableLoad> toLoad = loads.stream().filter(l -> !l.chunks().isEmpty()).toList();
        for (TableLoad loaded : loads.stream().filter(l -> l.chunks().isEmpty()).toList()) {
            if (loaded.keysAfterLoad()) {
                keys().build(loaded.table());
            }
        }
        ChunkWriter.ChunkCheckpoint checkpoint = new ChunkWriter.ChunkCheckpoint() {
            @Override
            public void record(Connection connection, ChunkStream stream, long written, List<Reject> rejects)
                    throws SQLException {
                state.checkpoint(connection, run, stream.table().table().target(), stream.chunk(), stream.rowsRead(),
                        written, rejects);
            }

            @Override
            public boolean recorded(Connection connection, ChunkStream stream) throws SQLException {
                return state.checkpointed(connection, run, stream.table().table().target(), stream.chunk());
            }
        };
        try (RejectFiles rejectFiles = new RejectFiles(options.rejects())) {
            // A resumed run writes the files again from its checkpoints: a crash may have come between a
            // chunk's commit and its reject lines.
            rejectLines.forEach(rejectFiles::writeLines);
            // Kept tables keep their foreign keys: their parents must be loaded first (see ChunkDispatcher).
            if (!toLoad.isEmpty()) {
                new LoadPipeline(sourcePath, target, options, metrics, listener, rejectFiles, checkpoint)
                        .run(toLoad, parentsFirst);
            }
        }
        return loads.stream().map(TableLoad::result).toList();
    }

    private KeyBuilder keys() {
        return new KeyBuilder(target, options.maintenanceWorkMem());
    }


    private String loadingPhase(List<TableLoad> loads) {
        int chunks = loads.stream().mapToInt(l -> l.chunks().size()).sum();
        return "loading " + loads.size() + (loads.size() == 1 ? " table" : " tables") + " in " + chunks
                + (chunks == 1 ? " chunk" : " chunks") + " with " + options.workers()
                + (options.workers() == 1 ? " worker" : " workers")
                + "; keys and indexes follow each table";
    }

    /** Splits every table into chunks; keys and indexes are built afterwards only for tables created here. */
    private List<TableLoad> plan(List<MappedTable> tables, List<MappedTable> created,
            Map<String, Map<Integer, RunState.Checkpoint>> done) {
        listener.on(new MigrationEvent.PhaseStarted("planning chunks of about " + options.batchRows() + " rows"));
        ChunkPlanner planner = new ChunkPlanner(source);
        RejectFiles files = new RejectFiles(options.rejects());
        List<TableLoad> loads = new ArrayList<>();
        for (MappedTable table : tables) {
            metrics.register(table.target());
            Map<Integer, RunState.Checkpoint> checkpointed = done.getOrDefault(table.target().name(), Map.of());
            List<Chunk> chunks = planner.plan(table.source(), options.batchRows()).stream()
                    .filter(c -> !checkpointed.containsKey(c.index())).toList();
            TableLoad load = new TableLoad(table, chunks, created.contains(table),
                    files.file(table.source().id().name()));
            load.resumedFrom(checkpointed.values());
            loads.add(load);
        }
        return loads;
    }
}
