package io.dbferry.transfer.compare;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.compare.CompatibilityIssue;
import io.dbferry.introspect.compare.CompatibilityReport;
import io.dbferry.introspect.compare.IssueCode;
import io.dbferry.introspect.compare.SqliteMappingChecks;
import io.dbferry.introspect.mapping.SqliteSchema;
import io.dbferry.introspect.mapping.SqliteTable;
import io.dbferry.introspect.model.SchemaSnapshot;
import io.dbferry.introspect.postgres.PostgresCatalog;
import io.dbferry.introspect.postgres.PostgresSchemaReader;
import io.dbferry.introspect.sqlite.SqliteSchemaReader;
import io.dbferry.transfer.connect.SqliteSource;
import io.dbferry.transfer.pipeline.MigrationEvent;
import io.dbferry.transfer.pipeline.MigrationListener;
import io.dbferry.transfer.profile.TableProfile;
import io.dbferry.transfer.tosqlite.PostgresDataProfiler;
import io.dbferry.transfer.tosqlite.PostgresToSqlite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One run of {@code dbferry compare} from a PostgreSQL source to a SQLite file (issue 9), meaning what the SQLite →
 * PostgreSQL {@link CompatibilityCheck} means: the source schema mapped as {@code migrate} maps it
 * ({@link PostgresToSqlite#map(Connection, SchemaSnapshot, io.dbferry.transfer.pipeline.MigrationOptions)}), what
 * the mapping leaves out or changes ({@link SqliteMappingChecks}), other schemas skipped, the target file as migrate
 * will find it ({@link SqliteTargetTables}), and with {@link CompareOptions#profileData()} every value converted as
 * migrate converts it ({@link PostgresDataProfiler}).
 *
 * <p>Both sides are only read: the source in one {@code REPEATABLE READ, READ ONLY} transaction (PostgreSQL docs,
 * SET TRANSACTION), rolled back at the end; the target file, when it exists, through a read-only connection
 * ({@link SqliteSource#openReadOnly}); a missing file is not created. Of the migration options this uses
 * {@code tables}, {@code exclude} and {@code ifExists}. Single-threaded; not reusable.
 */
public final class PostgresToSqliteCheck {

    private final Connection source;
    private final String sourceSchema;
    private final Path target;
    private final CompareOptions options;
    private final MigrationListener listener;

    /**
     * Prepares a check.
     *
     * @param source an open PostgreSQL connection owned by the caller; the check makes it read-only and leaves it
     *     without an open transaction
     * @param sourceSchema the schema to read, exact, e.g. {@code "public"}
     * @param target the SQLite file migrate would write; need not exist
     * @param options what to check, never null
     * @param listener receives a {@link MigrationEvent.PhaseStarted} per step, never null
     */
    public PostgresToSqliteCheck(Connection source, String sourceSchema, Path target, CompareOptions options,
            MigrationListener listener) {
        this.source = Objects.requireNonNull(source, "source");
        this.sourceSchema = Objects.requireNonNull(sourceSchema, "sourceSchema");
        this.target = Objects.requireNonNull(target, "target");
        this.options = Objects.requireNonNull(options, "options");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Runs every check.
     *
     * @param sourceShown the source as the report shows it (password redacted), never null
     * @param targetShown the target as the report shows it, never null
     * @return the report, never null
     * @throws DbferryException with {@link ErrorCode#INVALID_OPTION} for an unknown table in {@code --tables} or
     *     {@code --exclude}; {@code SCHEMA_READ_FAILED} when the source cannot be read; {@code SOURCE_NOT_SQLITE}
     *     or {@code CONNECTION_FAILED} when the target file exists but is not a readable SQLite database
     */
    public CompatibilityReport run(String sourceShown, String targetShown) {
        try {
            source.setReadOnly(true); // pgjdbc begins every transaction of this session READ ONLY
            source.setAutoCommit(false); // the profiler's cursor needs a transaction
            try (Statement statement = source.createStatement()) {
                statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            try {
                return check(sourceShown, targetShown);
            } finally {
                source.rollback(); // nothing was written: end the read-only transaction
            }
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.CONNECTION_FAILED, "lost the connection to the source: "
                    + e.getMessage(), e);
        }
    }

    private CompatibilityReport check(String sourceShown, String targetShown) {
        listener.on(new MigrationEvent.PhaseStarted("reading the source schema \"" + sourceSchema + '"'));
        SchemaSnapshot snapshot = PostgresSchemaReader.read(source, sourceSchema);
        SqliteSchema mapped = PostgresToSqlite.map(source, snapshot, options.migration());
        SqliteMappingChecks checks = new SqliteMappingChecks();
        List<CompatibilityIssue> issues = new ArrayList<>(checks.check(snapshot, mapped));
        issues.addAll(checks.checkCatalog(mapped, PostgresCatalog.exclusionConstraints(source, sourceSchema),
                PostgresCatalog.partitions(source, sourceSchema)));
        for (String other : PostgresCatalog.otherSchemasWithTables(source, sourceSchema)) {
            issues.add(CompatibilityIssue.schema(IssueCode.SCHEMA_OBJECT_NOT_CARRIED, null, null, "schema \"" + other
                    + "\" is skipped: SQLite has no schemas, and only \"" + sourceSchema + "\" is read",
                    "compare and migrate it into another file with --source-schema " + other));
        }
        listener.on(new MigrationEvent.PhaseStarted("reading the target file " + target));
        issues.addAll(SqliteTargetTables.check(mapped.tables(), targetSchema(), options.migration().ifExists()));
        long rows = 0;
        if (options.profileData()) {
            PostgresDataProfiler profiler = new PostgresDataProfiler(source, sourceSchema);
            for (SqliteTable table : mapped.tables()) {
                listener.on(new MigrationEvent.PhaseStarted("profiling the rows of \"" + table.name() + '"'));
                TableProfile profile = profiler.profile(table, options.sampleRows());
                issues.addAll(profile.issues());
                rows += profile.rowsScanned();
            }
        }
        return new CompatibilityReport(sourceShown, targetShown, mapped.tables().size(), rows, options.sampleRows(),
                options.profileData(), issues);
    }

    /** The target file's schema, read-only; null when the file does not exist, which is not created. */
    private SchemaSnapshot targetSchema() {
        if (!Files.exists(target)) {
            return null;
        }
        try (Connection file = SqliteSource.openReadOnly(target)) {
            return SqliteSchemaReader.read(file);
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.CONNECTION_FAILED, "failed closing target " + target + ": "
                    + e.getMessage(), e);
        }
    }
}
