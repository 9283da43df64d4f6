package io.dbferry.transfer.compare;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.compare.CompatibilityIssue;
import io.dbferry.introspect.compare.CompatibilityReport;
import io.dbferry.introspect.compare.IdentifierChecker;
import io.dbferry.introspect.compare.IssueCode;
import io.dbferry.introspect.compare.MappingChecks;
import io.dbferry.introspect.compare.SchemaComparator;
import io.dbferry.introspect.mapping.IdentifierPolicy;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.introspect.mapping.SchemaMapper;
import io.dbferry.introspect.mapping.SchemaMapping;
import io.dbferry.introspect.mapping.TypeMapping;
import io.dbferry.introspect.model.SchemaSnapshot;
import io.dbferry.introspect.model.Table;
import io.dbferry.introspect.postgres.PostgresSchemaReader;
import io.dbferry.introspect.sqlite.SqliteSchemaReader;
import io.dbferry.transfer.pipeline.MigrationEvent;
import io.dbferry.transfer.pipeline.MigrationListener;
import io.dbferry.transfer.pipeline.MigrationOptions;
import io.dbferry.transfer.pipeline.TableSelection;
import io.dbferry.transfer.profile.SqliteDataProfiler;
import io.dbferry.transfer.profile.TableProfile;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One run of {@code dbferry compare}: identifier checks, what the mapping does not carry over, the schema
 * comparison with the target as it is, and (with {@link CompareOptions#profileData()}) the data profile of
 * every selected table, checked against the target table's real column types when it exists. Both sides are
 * only read. Single-threaded; not reusable.
 */
public final class CompatibilityCheck {

    private final Connection source;
    private final Connection target;
    private final CompareOptions options;
    private final MigrationListener listener;

    /**
     * Prepares a check.
     *
     * @param source an open, read-only SQLite connection, owned by the caller
     * @param target an open PostgreSQL connection, owned by the caller; only read
     * @param options what to check, never null
     * @param listener receives a {@link MigrationEvent.PhaseStarted} per step, never null
     */
    public CompatibilityCheck(Connection source, Connection target, CompareOptions options, MigrationListener listener) {
        this.source = Objects.requireNonNull(source, "source");
        this.target = Objects.requireNonNull(target, "target");
        this.options = Objects.requireNonNull(options, "options");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Runs every check.
     *
     * @param sourceShown the source as the report shows it (password redacted), never null
     * @param targetShown the target as the report shows it (password redacted), never null
     * @return the report, never null
     * @throws DbferryException with {@link ErrorCode#NOT_FOUND} for an unknown table in {@code --tables} or
     *     {@code --exclude}; {@code SCHEMA_READ_FAILED} when a schema cannot be read; {@code LOAD_FAILED} when
     *     SQLite fails while rows are profiled
     */
    public CompatibilityReport run(String sourceShown, String targetShown) {
        MigrationOptions migration = options.migration();
        listener.on(new MigrationEvent.PhaseStarted("reading the source schema"));
        SchemaSnapshot snapshot = SqliteSchemaReader.read(source);
        List<Table> tables = TableSelection.select(snapshot, migration);
        IdentifierChecker identifiers = new IdentifierChecker(migration.identifiers());
        List<CompatibilityIssue> issues = new ArrayList<>(identifiers.check(tables));
        boolean collides = issues.stream().anyMatch(i -> i.code() == IssueCode.IDENTIFIER_COLLISION);
        long rows = 0;
        if (!collides) {
            SchemaMapping mapping = mapper(migration.identifiers()).map(tables);
            issues.addAll(identifiers.checkRelations(mapping));
            issues.addAll(new MappingChecks(TypeMapping.sqliteToPostgres()).check(snapshot, mapping));
            listener.on(new MigrationEvent.PhaseStarted("reading target schema \"" + migration.targetSchema() + '"'));
            SchemaSnapshot targetSchema = PostgresSchemaReader.read(target, migration.targetSchema());
            issues.addAll(new SchemaComparator().compare(mapping, targetSchema));
            if (options.profileData()) {
                rows = profile(mapping, targetSchema, issues);
            }
        } else if (options.profileData() && migration.identifiers() != IdentifierPolicy.PRESERVE) {
            // The names collide under the chosen policy; the values can still be profiled under their own names.
            rows = profile(mapper(IdentifierPolicy.PRESERVE).map(tables), emptyTarget(), issues);
        }
        return new CompatibilityReport(sourceShown, targetShown, tables.size(), rows, options.sampleRows(),
                options.profileData(), issues);
    }

    private SchemaMapper mapper(IdentifierPolicy policy) {
        return new SchemaMapper(TypeMapping.sqliteToPostgres(), policy, options.migration().targetSchema(),
                options.migration().castRules());
    }

    private SchemaSnapshot emptyTarget() {
        return new SchemaSnapshot(io.dbferry.introspect.model.Dialect.POSTGRES, options.migration().targetSchema(),
                List.of(), List.of());
    }

    private long profile(SchemaMapping mapping, SchemaSnapshot targetSchema, List<CompatibilityIssue> issues) {
        Map<String, Table> existing = targetSchema.tables().stream()
                .collect(Collectors.toMap(t -> t.id().name(), Function.identity()));
        SqliteDataProfiler profiler = new SqliteDataProfiler(source);
        long rows = 0;
        for (MappedTable mapped : mapping.tables()) {
            Table actual = existing.get(mapped.target().name());
            MappedTable shaped = actual == null ? mapped : TargetShapedTable.of(mapped, actual);
            listener.on(new MigrationEvent.PhaseStarted("profiling the rows of \"" + mapped.source().id().name() + '"'));
            TableProfile profile = profiler.profile(shaped, options.sampleRows());
            issues.addAll(profile.issues());
            rows += profile.rowsScanned();
        }
        return rows;
    }
}
