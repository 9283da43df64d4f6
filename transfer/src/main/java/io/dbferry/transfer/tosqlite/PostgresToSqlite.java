package io.dbferry.transfer.tosqlite;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.mapping.SqliteSchema;
import io.dbferry.introspect.mapping.SqliteSchemaMapper;
import io.dbferry.introspect.mapping.SqliteTable;
import io.dbferry.introspect.mapping.SqliteTypeMapping;
import io.dbferry.introspect.model.SchemaSnapshot;
import io.dbferry.introspect.postgres.PostgresCatalog;
import io.dbferry.introspect.plan.SqliteDdl;
import io.dbferry.introspect.postgres.PostgresSchemaReader;
import io.dbferry.transfer.connect.SqliteSource;
import io.dbferry.transfer.pipeline.IfExists;
import io.dbferry.transfer.pipeline.MigrationEvent;
import io.dbferry.transfer.pipeline.MigrationListener;
import io.dbferry.transfer.pipeline.MigrationOptions;
import io.dbferry.transfer.pipeline.MigrationResult;
import io.dbferry.transfer.pipeline.TableResult;
import io.dbferry.transfer.pipeline.TableSelection;
import io.dbferry.transfer.reject.RejectFiles;
import io.dbferry.transfer.verify.VerificationException;
import io.dbferry.transfer.verify.VerificationReport;
import io.dbferry.transfer.verify.Verifier;
import io.dbferry.transfer.verify.VerifyOptions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * One PostgreSQL → SQLite migration: read the source schema → map it ({@link SqliteSchemaMapper}) → create the
 * tables in the SQLite file (an existing table follows {@link IfExists}) → load each table in one read-only
 * source transaction, so every table is read from the same snapshot → create the indexes → carry each
 * AUTOINCREMENT key's sequence over → restore the file's safe settings → verify (row counts by default, or every
 * row's checksum), leaving out tables with rejects, which are accounted for by rows read = written + rejected.
 *
 * <p>The source is only read: its transaction is {@code READ ONLY} (PostgreSQL docs, SET TRANSACTION). Of
 * {@link MigrationOptions} this uses {@code tables}, {@code exclude}, {@code ifExists}, {@code verify},
 * {@code batchRows} (rows per SQLite transaction), {@code onError} and {@code rejects}. Runs on the caller's thread;
 * not reusable.
 */
public final class PostgresToSqlite {

    private final DataSource source;
    private final String sourceSchema;
    private final Path target;
    private final MigrationOptions options;
    private final MigrationListener listener;
    private final SqliteTargetFile.Durability durability;

    /**
     * Prepares a migration.
     *
     * @param source the PostgreSQL source's connection pool, owned by the caller; one connection is used
     * @param sourceSchema the schema to read, exact, e.g. {@code "public"}; other schemas are skipped with a note
     * @param target the SQLite file, created when missing
     * @param options what to migrate and how, never null
     * @param listener receives progress events, never null
     * @param relaxedLoad whether a new file is loaded with {@code journal_mode = OFF} and {@code synchronous = OFF}
     *     (true, the default) or with the safe settings throughout (for measuring)
     */
    public PostgresToSqlite(DataSource source, String sourceSchema, Path target, MigrationOptions options,
            MigrationListener listener, boolean relaxedLoad) {
        this.source = Objects.requireNonNull(source, "source");
        this.sourceSchema = Objects.requireNonNull(sourceSchema, "sourceSchema");
        this.target = Objects.requireNonNull(target, "target");
        this.options = Objects.requireNonNull(options, "options");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.durability = relaxedLoad ? SqliteTargetFile.Durability.RELAXED : SqliteTargetFile.Durability.SAFE;
    }

    /**
     * Reads the source schema and maps it, as {@code migrate} and {@code plan} do.
     *
     * @param connection an open PostgreSQL connection, not closed here
     * @param schema the schema to read, never null
     * @param options whose {@code tables} and {@code exclude} select, never null
     * @return the SQLite tables and the notes of what is not carried over, never null
     * @throws DbferryException with {@link ErrorCode#SCHEMA_READ_FAILED} when the catalogs cannot be read,
     *     {@link ErrorCode#INVALID_OPTION} when {@code --tables} or {@code --exclude} names an unknown table
     */
    public static SqliteSchema map(Connection connection, String schema, MigrationOptions options) {
        return map(connection, PostgresSchemaReader.read(connection, schema), options);
    }

    /**
     * Maps a source schema already read, as {@link #map(Connection, String, MigrationOptions)} does: for a caller
     * that needs the snapshot too ({@code compare}).
     *
     * @param connection an open PostgreSQL connection, for the enum types and the other schemas; not closed here
     * @param snapshot the source schema as {@link PostgresSchemaReader} read it, never null
     * @param options whose {@code tables} and {@code exclude} select, never null
     * @return the SQLite tables and the notes of what is not carried over, never null
     * @throws DbferryException with {@link ErrorCode#SCHEMA_READ_FAILED} when the catalogs cannot be read,
     *     {@link ErrorCode#INVALID_OPTION} when {@code --tables} or {@code --exclude} names an unknown table
     */
    public static SqliteSchema map(Connection connection, SchemaSnapshot snapshot, MigrationOptions options) {
        String schema = snapshot.schema();
        SqliteSchema mapped = new SqliteSchemaMapper(new SqliteTypeMapping(PostgresCatalog.enumLabels(connection,
                schema))).map(snapshot, TableSelection.select(snapshot, options));
        List<String> notes = new ArrayList<>();
        for (String other : PostgresCatalog.otherSchemasWithTables(connection, schema)) {
            notes.add("schema \"" + other + "\" is skipped: SQLite has no schemas, and only \"" + schema
                    + "\" is read (choose another with --source-schema)");
        }
        notes.addAll(mapped.notes());
        // A SELECT of a partitioned table reads every partition's rows (PostgreSQL docs §5.11): a partition selected
        // beside its parent would be copied twice, so it is left to the parent.
        Map<String, String> parentOf = new HashMap<>();
        PostgresCatalog.partitions(connection, schema).forEach(p -> parentOf.put(p.table(), p.name()));
        Set<String> selected = mapped.tables().stream().map(SqliteTable::name).collect(Collectors.toSet());
        List<SqliteTable> tables = new ArrayList<>();
        for (SqliteTable table : mapped.tables()) {
            String parent = parentOf.get(table.name());
            if (parent != null && selected.contains(parent)) {
                notes.add("partition \"" + table.name() + "\" is not migrated as a table of its own: its rows are "
                        + "in \"" + parent + "\", its partitioned table (to keep them apart instead, --exclude "
                        + parent + ")");
            } else {
                tables.add(table);
            }
        }
        return new SqliteSchema(tables, notes);
    }

    /**
     * Runs the migration.
     *
     * @return what was done, never null; {@link TableResult#target()} is {@code "main"."table"}
     * @throws DbferryException with {@link ErrorCode#TARGET_TABLE_EXISTS} when a table exists and {@code ifExists}
     *     is FAIL (nothing was changed); {@code DDL_FAILED}, {@code LOAD_FAILED} or {@code VALUE_REJECTED} when a
     *     step fails, naming the table; {@code CONNECTION_FAILED} when a side cannot be reached
     * @throws VerificationException when the verification at the end finds source and target different
     */
    public MigrationResult run() {
        long started = System.nanoTime();
        try (Connection connection = source.getConnection()) {
            connection.setReadOnly(true); // pgjdbc begins every transaction of this session READ ONLY
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                // One snapshot for every table, and a guarantee that nothing is written to the source.
                statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            listener.on(new MigrationEvent.PhaseStarted("reading the source schema \"" + sourceSchema + '"'));
            SqliteSchema schema = map(connection, sourceSchema, options);
            List<TableResult> results;
            try (SqliteTargetFile file = SqliteTargetFile.open(target, durability)) {
                List<SqliteTable> created = createTables(file, schema.tables());
                results = load(connection, file, schema.tables());
                listener.on(new MigrationEvent.PhaseStarted("creating indexes"));
                file.inTransaction("creating the indexes", created.stream()
                        .flatMap(t -> new SqliteDdl().createIndexes(t).stream()).toList());
                AutoincrementSequences.carryOver(connection, sourceSchema, file, schema.tables());
                file.finish();
            }
            connection.rollback(); // nothing was written: end the read-only transaction
            VerificationReport verification = options.verify() == null ? null : verify(connection, schema, results);
            return new MigrationResult(results, verification, schema.notes(),
                    (System.nanoTime() - started) / 1_000_000, 0);
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.CONNECTION_FAILED, "lost the connection to the source: "
                    + e.getMessage(), e);
        }
    }

    private List<SqliteTable> createTables(SqliteTargetFile file, List<SqliteTable> tables) throws SQLException {
        Set<String> existing = file.tableNames();
        List<String> clashes = tables.stream().map(SqliteTable::name).filter(existing::contains).toList();
        if (!clashes.isEmpty() && options.ifExists() == IfExists.FAIL) {
            throw new DbferryException(ErrorCode.TARGET_TABLE_EXISTS, "target " + target + " already has "
                    + (clashes.size() == 1 ? "table " : "tables ") + clashes.stream().map(n -> '"' + n + '"')
                            .collect(Collectors.joining(", "))
                    + "; nothing was changed. Use --if-exists drop to replace them, or --if-exists truncate to "
                    + "empty and reload them");
        }
        SqliteDdl ddl = new SqliteDdl();
        List<String> statements = new ArrayList<>();
        List<SqliteTable> created = new ArrayList<>();
        for (SqliteTable table : tables) {
            boolean exists = clashes.contains(table.name());
            if (exists && options.ifExists() == IfExists.TRUNCATE) {
                statements.add(ddl.deleteAll(table.name()));
                continue;
            }
            if (exists) {
                statements.add(ddl.dropTable(table.name()));
            }
            statements.add(ddl.createTable(table));
            created.add(table);
        }
        listener.on(new MigrationEvent.PhaseStarted("creating " + created.size()
                + (created.size() == 1 ? " table" : " tables") + " in " + target));
        file.inTransaction("creating the tables", statements);
        return created;
    }

    private List<TableResult> load(Connection connection, SqliteTargetFile file, List<SqliteTable> tables)
            throws SQLException {
        listener.on(new MigrationEvent.PhaseStarted("loading " + tables.size()
                + (tables.size() == 1 ? " table" : " tables") + " in transactions of " + options.batchRows()
                + " rows; indexes follow"));
        List<TableResult> results = new ArrayList<>();
        try (RejectFiles rejects = new RejectFiles(options.rejects())) {
            for (SqliteTable table : tables) {
                long estimated = SourceRowCount.of(connection, sourceSchema, table.name());
                results.add(new SqliteTableLoad(table, sourceSchema, options.batchRows(), options.onError(), rejects,
                        listener).load(connection, file.connection(), estimated));
            }
        }
        return results;
    }

    private VerificationReport verify(Connection connection, SqliteSchema schema, List<TableResult> results) {
        Set<String> rejected = results.stream().filter(r -> r.rowsRejected() > 0).map(r -> r.target().name())
                .collect(Collectors.toSet());
        List<SqliteTable> tables = schema.tables().stream().filter(t -> !rejected.contains(t.name())).toList();
        try (Connection sqlite = SqliteSource.openReadOnly(target)) {
            VerificationReport report = Verifier.postgresToSqlite(connection, sqlite,
                    VerifyOptions.of(options.verify(), VerifyOptions.DEFAULT_MAX_DIFFS)).verify(
                            ReverseMapping.of(sourceSchema, tables), table -> listener.on(new MigrationEvent
                                    .PhaseStarted("verifying \"" + table.target().name() + "\" ("
                                            + options.verify().label() + ")")));
            if (!report.matches()) {
                throw new VerificationException(report);
            }
            return report;
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.VERIFY_FAILED, "failed closing target " + target + ": "
                    + e.getMessage(), e);
        }
    }
}
