package io.dbferry.transfer.compare;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.compare.CompatibilityIssue;
import io.dbferry.introspect.compare.CompatibilityReport;
import io.dbferry.introspect.compare.IdentifierChecker;
import io.dbferry.introspect.compare.IssueCode;
import io.dbferry.introspect.compare.MappingChecks;
import io.dbferry.introspect.compare.SchemaComparator;
import io.dbferry.introspect.compare.WatermarkIndexCheck;
import io.dbferry.introspect.mapping.CastRule;
import io.dbferry.introspect.mapping.CastRules;
import io.dbferry.introspect.mapping.IdentifierPolicy;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.introspect.mapping.SchemaMapper;
import io.dbferry.introspect.mapping.SchemaMapping;
import io.dbferry.introspect.mapping.TypeMapping;
import io.dbferry.introspect.model.Dialect;
import io.dbferry.introspect.model.SchemaSnapshot;
import io.dbferry.introspect.model.Table;
import io.dbferry.introspect.postgres.PostgresSchemaReader;
import io.dbferry.introspect.sqlite.SqliteSchemaReader;
import io.dbferry.transfer.pipeline.IfExists;
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
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One run of {@code dbferry compare}: identifier checks, what the mapping does not carry over, the schema
 * comparison with the target as it is, the index on each table's sync watermark column (when one is named), and (with {@link CompareOptions#profileData()}) the data profile of
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
     * @throws DbferryException with {@link ErrorCode#INVALID_OPTION} for an unknown table in {@code --tables} or
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
        // Tables whose names collide cannot be mapped; every other table is still checked in full.
        Set<String> colliding = issues.stream().filter(i -> i.code() == IssueCode.IDENTIFIER_COLLISION)
                .map(CompatibilityIssue::table).collect(Collectors.toSet());
        List<Table> mappable = tables.stream().filter(t -> !colliding.contains(t.id().name())).toList();
        SchemaMapping mapping = mapper(migration.identifiers(), colliding).map(mappable);
        issues.addAll(identifiers.checkRelations(mapping));
        issues.addAll(new MappingChecks(TypeMapping.sqliteToPostgres()).check(snapshot, mapping));
        listener.on(new MigrationEvent.PhaseStarted("reading target schema \"" + migration.targetSchema() + '"'));
        SchemaSnapshot targetSchema = existingTables(mapping,
                PostgresSchemaReader.read(target, migration.targetSchema()), issues);
        issues.addAll(new SchemaComparator().compare(mapping, targetSchema));
        issues.addAll(WatermarkIndexCheck.check(tables, options::watermarkColumnOf));
        long rows = 0;
        if (options.profileData()) {
            rows = profile(mapping, targetSchema, issues) + profileUnderOwnNames(tables, mappable, colliding, issues);
        }
        return new CompatibilityReport(sourceShown, targetShown, tables.size(), rows, options.sampleRows(),
                options.profileData(), issues);
    }

    /**
     * Reports what {@code --if-exists} does to each mapped table the target already has, and returns the target
     * as migrate will find it: with {@link IfExists#DROP}, without those tables.
     */
    private SchemaSnapshot existingTables(SchemaMapping mapping, SchemaSnapshot targetSchema,
            List<CompatibilityIssue> issues) {
        Set<String> existing = targetSchema.tables().stream().map(t -> t.id().name()).collect(Collectors.toSet());
        List<MappedTable> found = mapping.tables().stream().filter(t -> existing.contains(t.target().name())).toList();
        IfExists ifExists = options.migration().ifExists();
        found.forEach(t -> issues.add(ifExistsIssue(t, ifExists)));
        if (ifExists != IfExists.DROP) {
            return targetSchema;
        }
        Set<String> dropped = found.stream().map(t -> t.target().name()).collect(Collectors.toSet());
        return new SchemaSnapshot(targetSchema.dialect(), targetSchema.schema(), targetSchema.tables().stream()
                .filter(t -> !dropped.contains(t.id().name())).toList(), targetSchema.notes());
    }

    private static CompatibilityIssue ifExistsIssue(MappedTable table, IfExists ifExists) {
        String name = table.source().id().name();
        String what = "table " + table.target() + " already exists in the target";
        return switch (ifExists) {
            case FAIL -> CompatibilityIssue.schema(IssueCode.TARGET_TABLE_EXISTS, name, null,
                    what + "; migrate with --if-exists fail (the default) refuses to start",
                    "--if-exists truncate to load into it as it is (compared below), --if-exists drop to replace "
                            + "it, or --target-schema to migrate elsewhere");
            case TRUNCATE -> CompatibilityIssue.schema(IssueCode.TABLE_TO_BE_EMPTIED, name, null,
                    what + "; --if-exists truncate deletes its rows and loads the source's into it, keeping its "
                            + "columns, keys and indexes",
                    "nothing to do if its rows may go");
            case DROP -> CompatibilityIssue.schema(IssueCode.TABLE_TO_BE_REPLACED, name, null,
                    what + "; --if-exists drop drops it with everything that depends on it (CASCADE) and "
                            + "creates it anew",
                    "nothing to do if the table, its rows and dependent views and keys may go");
        };
    }

    /**
     * The values of tables whose names collide under the identifier policy, profiled under their own names
     * (PRESERVE) when those do not collide too; returns the rows profiled.
     */
    private long profileUnderOwnNames(List<Table> tables, List<Table> mappable, Set<String> colliding,
            List<CompatibilityIssue> issues) {
        List<Table> rest = tables.stream().filter(t -> !mappable.contains(t)).toList();
        if (rest.isEmpty() || options.migration().identifiers() == IdentifierPolicy.PRESERVE) {
            return 0;
        }
        Set<String> others = tables.stream().map(t -> t.id().name()).filter(n -> !colliding.contains(n))
                .collect(Collectors.toSet());
        try {
            return profile(mapper(IdentifierPolicy.PRESERVE, others).map(rest), emptyTarget(), issues);
        } catch (DbferryException e) {
            if (e.code() != ErrorCode.IDENTIFIER_COLLISION) {
                throw e;
            }
            // The names collide even as written (cut to 63 bytes): the report already says so.
            return 0;
        }
    }

    /**
     * A mapper with the migration's cast rules, less the column rules naming one of {@code leftOut}: those
     * tables are mapped (or not) separately, and their rules must not count as matching nothing.
     */
    private SchemaMapper mapper(IdentifierPolicy policy, Set<String> leftOut) {
        List<CastRule> rules = options.migration().castRules().rules().stream()
                .filter(r -> !(r.selector() instanceof CastRule.ColumnSelector c
                        && leftOut.stream().anyMatch(t -> c.table().matchesExactly(t) || c.table().matchesIgnoringCase(t))))
                .toList();
        return new SchemaMapper(TypeMapping.sqliteToPostgres(), policy, options.migration().targetSchema(),
                new CastRules(rules));
    }

    private SchemaSnapshot emptyTarget() {
        return new SchemaSnapshot(Dialect.POSTGRES, options.migration().targetSchema(), List.of(), List.of());
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
