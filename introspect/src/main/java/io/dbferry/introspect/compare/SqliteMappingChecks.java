package io.dbferry.introspect.compare;

import io.dbferry.introspect.mapping.SqliteColumn;
import io.dbferry.introspect.mapping.SqliteSchema;
import io.dbferry.introspect.mapping.SqliteTable;
import io.dbferry.introspect.mapping.SqliteType;
import io.dbferry.introspect.model.CheckConstraint;
import io.dbferry.introspect.model.ForeignKey;
import io.dbferry.introspect.model.Index;
import io.dbferry.introspect.model.IndexPart;
import io.dbferry.introspect.model.SchemaSnapshot;
import io.dbferry.introspect.model.View;
import io.dbferry.introspect.postgres.PostgresCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reports what the PostgreSQL → SQLite mapping ({@link io.dbferry.introspect.mapping.SqliteSchemaMapper}) does not
 * carry over or changes, found by setting each mapped table beside its PostgreSQL source: views, CHECK constraints,
 * partial and expression indexes, defaults that are not literals, identity columns that are not the rowid, foreign
 * keys to tables left out, objects the schema reader noted, and from the catalogs exclusion constraints and
 * partitioned tables ({@link #checkCatalog}); and per column what SQLite keeps of its type — text for
 * the types SQLite has no equal of ({@link IssueCode#STORED_AS_TEXT}), UTC for {@code timestamptz}
 * ({@link IssueCode#STORED_IN_UTC}), a double for {@code real} ({@link IssueCode#TYPE_WIDENED}). The reasons are
 * those of {@link SqliteType} and the README's "Type mapping (PostgreSQL → SQLite)". Stateless and thread-safe.
 */
public final class SqliteMappingChecks {

    private static final String BY_HAND = "recreate it in the SQLite file by hand (in SQLite SQL) if applications "
            + "rely on it";

    /**
     * Runs every check.
     *
     * @param source the PostgreSQL schema as read, never null
     * @param mapped its selected tables mapped to SQLite, never null
     * @return the issues found, never null, possibly empty
     */
    public List<CompatibilityIssue> check(SchemaSnapshot source, SqliteSchema mapped) {
        List<CompatibilityIssue> issues = new ArrayList<>();
        for (View view : source.views()) {
            issues.add(CompatibilityIssue.schema(IssueCode.SCHEMA_OBJECT_NOT_CARRIED, null, null,
                    "view \"" + view.name() + "\" is not created: its query is PostgreSQL SQL", BY_HAND));
        }
        source.notes().forEach(note -> issues.add(CompatibilityIssue.schema(IssueCode.SCHEMA_OBJECT_NOT_CARRIED,
                null, null, note, BY_HAND)));
        Set<String> selected = mapped.tables().stream().map(SqliteTable::name).collect(Collectors.toSet());
        for (SqliteTable table : mapped.tables()) {
            notCarried(table, selected, issues);
            for (SqliteColumn column : table.columns()) {
                columnNotCarried(table, column, issues);
                typeKept(table.name(), column, issues);
            }
        }
        return issues;
    }

    /**
     * Reports what the catalogs say beyond the snapshot: exclusion constraints, which SQLite has no equal of, and
     * partitioned tables, which become plain tables holding every partition's rows (a SELECT of the parent reads
     * its partitions, PostgreSQL docs §5.11), so that migrate leaves a partition whose parent is selected to it.
     *
     * @param mapped the selected tables mapped to SQLite, never null
     * @param exclusions the schema's exclusion constraints, never null
     * @param partitions the schema's partitions, each with its parent as {@code name}, never null
     * @return the issues about selected tables, never null, possibly empty
     */
    public List<CompatibilityIssue> checkCatalog(SqliteSchema mapped, List<PostgresCatalog.TableObject> exclusions,
            List<PostgresCatalog.TableObject> partitions) {
        Set<String> selected = mapped.tables().stream().map(SqliteTable::name).collect(Collectors.toSet());
        List<CompatibilityIssue> issues = new ArrayList<>();
        exclusions.stream().filter(x -> selected.contains(x.table())).forEach(x -> issues.add(
                CompatibilityIssue.schema(IssueCode.SCHEMA_OBJECT_NOT_CARRIED, x.table(), null, "exclusion constraint \""
                        + x.name() + "\" of \"" + x.table() + "\" (" + x.definition() + ") is not created: SQLite has "
                        + "no exclusion constraints", "check the rule in the application")));
        partitions.stream().map(PostgresCatalog.TableObject::name).filter(selected::contains).distinct()
                .forEach(parent -> issues.add(CompatibilityIssue.schema(IssueCode.SCHEMA_OBJECT_NOT_CARRIED, parent,
                        null, "partitioning of \"" + parent + "\" is not carried over: it becomes one plain table "
                                + "holding the rows of all its partitions", "nothing to do")));
        partitions.stream().filter(p -> selected.contains(p.name())).forEach(p ->
                issues.add(CompatibilityIssue.schema(IssueCode.SCHEMA_OBJECT_NOT_CARRIED, p.table(), null,
                        "\"" + p.table() + "\" is a partition of \"" + p.name() + "\" (" + p.definition() + "): it is "
                                + "not migrated as a table of its own, its rows are in \"" + p.name() + "\"",
                        "nothing to do; to keep the rows split by partition instead, --exclude " + p.name())));
        return issues;
    }

    private static void notCarried(SqliteTable table, Set<String> selected, List<CompatibilityIssue> issues) {
        String name = table.name();
        for (CheckConstraint check : table.source().checks()) {
            issues.add(CompatibilityIssue.schema(IssueCode.SCHEMA_OBJECT_NOT_CARRIED, name, null,
                    "CHECK constraint " + (check.name() == null ? "" : "\"" + check.name() + "\" ") + "of \"" + name
                            + "\" is not created: its expression (" + check.sourceSql() + ") is PostgreSQL SQL",
                    "check the rule in the application, or " + BY_HAND));
        }
        Set<String> created = table.indexes().stream().map(Index::name).collect(Collectors.toSet());
        for (Index index : table.source().indexes()) {
            if (!created.contains(index.name())) {
                issues.add(CompatibilityIssue.schema(IssueCode.SCHEMA_OBJECT_NOT_CARRIED, name, null,
                        "index \"" + index.name() + "\" of \"" + name + "\" is not created: " + describe(index)
                                + " in PostgreSQL SQL", BY_HAND));
            }
        }
        for (ForeignKey key : table.foreignKeys()) {
            String parent = key.referencedTable().name();
            if (!selected.contains(parent)) {
                issues.add(CompatibilityIssue.schema(IssueCode.FOREIGN_KEY_OUTSIDE_SELECTION, name, null,
                        "foreign key " + key.columns() + " → \"" + parent + "\" is created, but \"" + parent
                                + "\" is not part of this migration: with PRAGMA foreign_keys = ON SQLite refuses "
                                + "every change to \"" + name + "\" (https://www.sqlite.org/foreignkeys.html §3)",
                        "add \"" + parent + "\" to --tables, or leave \"" + name + "\" out"));
            }
        }
    }

    private static void columnNotCarried(SqliteTable table, SqliteColumn column, List<CompatibilityIssue> issues) {
        String defaultSql = column.source().defaultSql();
        boolean nullDefault = defaultSql != null && defaultSql.trim().toUpperCase(Locale.ROOT).startsWith("NULL");
        if (defaultSql != null && column.defaultSql() == null && !column.rowidAlias() && !nullDefault) {
            issues.add(CompatibilityIssue.schema(IssueCode.DEFAULT_NOT_CARRIED, table.name(), column.name(),
                    "default " + defaultSql + " of \"" + table.name() + "\".\"" + column.name() + "\" is not created: "
                            + "it is not a literal SQLite can store in a " + column.type().declared() + " column",
                    "let the application fill " + column.name() + " in, or " + BY_HAND));
        }
        if (column.source().identity() && !column.rowidAlias()) {
            issues.add(CompatibilityIssue.schema(IssueCode.SCHEMA_OBJECT_NOT_CARRIED, table.name(), column.name(),
                    "identity column \"" + table.name() + "\".\"" + column.name() + "\" becomes a plain column: SQLite "
                            + "generates values only for an INTEGER PRIMARY KEY (lang_createtable.html §3.5)",
                    "let the application fill " + column.name() + " in on new rows"));
        }
    }

    private static void typeKept(String table, SqliteColumn column, List<CompatibilityIssue> issues) {
        String postgres = column.source().type().name();
        String what = postgres + " column \"" + table + "\".\"" + column.name() + "\"";
        String back = "; migrating the file back to PostgreSQL gives a text column";
        String message = switch (column.type().type()) {
            case JSON -> what + " becomes TEXT holding the JSON document" + back;
            case ARRAY -> what + " becomes TEXT holding the array as JSON ({1,NULL,3} is [1, null, 3])" + back;
            case ENUM -> what + " becomes TEXT with a CHECK of its labels " + column.type().enumLabels() + back;
            case OTHER -> what + " becomes TEXT holding PostgreSQL's text output of each value" + back;
            default -> null;
        };
        if (message != null) {
            issues.add(CompatibilityIssue.schema(IssueCode.STORED_AS_TEXT, table, column.name(), message,
                    "nothing to do; readers of the SQLite file parse the text"
                            + (column.type().type() == SqliteType.JSON || column.type().type() == SqliteType.ARRAY
                                    ? " (SQLite's json_extract() reads it)" : "")));
        } else if (column.type().type() == SqliteType.TIMESTAMPTZ) {
            issues.add(CompatibilityIssue.schema(IssueCode.STORED_IN_UTC, table, column.name(), what + " becomes "
                    + "TIMESTAMPTZ holding ISO 8601 text in UTC with Z (2024-01-01T10:00:00.500000Z): the instant is "
                    + "kept, the session's time zone is not applied",
                    "nothing to do; convert to local time when reading if needed"));
        } else if (column.type().type() == SqliteType.REAL && postgres.equals("real")) {
            issues.add(CompatibilityIssue.schema(IssueCode.TYPE_WIDENED, table, column.name(), what
                    + " becomes REAL, an 8-byte double: each 4-byte value is widened exactly, so 1.1 reads back as "
                    + "1.100000023841858", "nothing to do; round to 7 significant digits when reading if needed"));
        }
    }

    private static String describe(Index index) {
        return index.whereSql() != null ? "a partial index (WHERE " + index.whereSql() + ")"
                : "an index on " + String.join(", ", index.parts().stream().filter(p -> p.column() == null)
                        .map(IndexPart::expressionSql).toList());
    }
}
