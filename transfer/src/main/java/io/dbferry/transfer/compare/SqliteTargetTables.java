package io.dbferry.transfer.compare;

import io.dbferry.introspect.compare.CompatibilityIssue;
import io.dbferry.introspect.compare.IssueCode;
import io.dbferry.introspect.mapping.SqliteColumn;
import io.dbferry.introspect.mapping.SqliteTable;
import io.dbferry.introspect.model.Column;
import io.dbferry.introspect.model.SchemaSnapshot;
import io.dbferry.introspect.model.Table;
import io.dbferry.transfer.pipeline.IfExists;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The SQLite target file as {@code migrate} PostgreSQL → SQLite will find it, against the mapped tables: each table
 * is to be created, or exists and follows {@code --if-exists} as {@code PostgresToSqlite} does — {@code fail}
 * refuses to start, {@code drop} runs {@code DROP TABLE} and creates it anew, {@code truncate} runs
 * {@code DELETE FROM} and inserts into the table as it is, naming the source's columns, so a column the table lacks
 * fails the load and a NOT NULL column without a default that the source does not fill fails every row. Tables of
 * the file that are not migrated are left alone. Stateless.
 */
final class SqliteTargetTables {

    private SqliteTargetTables() {}

    /**
     * The schema findings about the target file.
     *
     * @param tables the mapped tables, never null
     * @param file the target file's schema as read, null when the file does not exist (migrate creates it)
     * @param ifExists what migrate does with a table the file has, never null
     * @return never null, possibly empty
     */
    static List<CompatibilityIssue> check(List<SqliteTable> tables, SchemaSnapshot file, IfExists ifExists) {
        Map<String, Table> existing = file == null ? Map.of() : file.tables().stream()
                .collect(Collectors.toMap(t -> t.id().name(), Function.identity()));
        List<CompatibilityIssue> issues = new ArrayList<>();
        for (SqliteTable table : tables) {
            Table found = existing.get(table.name());
            if (found == null) {
                issues.add(CompatibilityIssue.schema(IssueCode.TABLE_TO_BE_CREATED, table.name(), null,
                        "table \"" + table.name() + "\" does not exist in the target file yet and will be created",
                        "nothing to do"));
                continue;
            }
            issues.add(ifExistsIssue(table.name(), ifExists));
            if (ifExists == IfExists.TRUNCATE) {
                issues.addAll(columns(table, found));
            }
        }
        Set<String> migrated = tables.stream().map(SqliteTable::name).collect(Collectors.toSet());
        existing.keySet().stream().filter(name -> !migrated.contains(name)).sorted().forEach(name -> issues.add(
                CompatibilityIssue.schema(IssueCode.TABLE_NOT_IN_SOURCE, name, null, "the target file has a table \""
                        + name + "\" that is not migrated; it is left as it is", "nothing to do")));
        return issues;
    }

    private static CompatibilityIssue ifExistsIssue(String name, IfExists ifExists) {
        String what = "table \"" + name + "\" already exists in the target file";
        return switch (ifExists) {
            case FAIL -> CompatibilityIssue.schema(IssueCode.TARGET_TABLE_EXISTS, name, null,
                    what + "; migrate with --if-exists fail (the default) refuses to start and changes nothing",
                    "--if-exists truncate to delete its rows and load into it as it is (its columns are compared "
                            + "then), --if-exists drop to replace it, or another TARGET file");
            case TRUNCATE -> CompatibilityIssue.schema(IssueCode.TABLE_TO_BE_EMPTIED, name, null,
                    what + "; --if-exists truncate deletes its rows (DELETE FROM) and inserts the source's into it, "
                            + "keeping its columns, constraints and indexes",
                    "nothing to do if its rows may go");
            case DROP -> CompatibilityIssue.schema(IssueCode.TABLE_TO_BE_REPLACED, name, null,
                    what + "; --if-exists drop drops it (DROP TABLE, with its indexes and triggers) and creates it "
                            + "anew", "nothing to do if the table and its rows may go");
        };
    }

    /** The columns an INSERT of the source's columns into the existing table needs. */
    private static List<CompatibilityIssue> columns(SqliteTable table, Table existing) {
        List<CompatibilityIssue> issues = new ArrayList<>();
        Set<String> sourceColumns = table.columns().stream().map(SqliteColumn::name).collect(Collectors.toSet());
        Set<String> targetColumns = existing.columns().stream().map(Column::name).collect(Collectors.toSet());
        for (SqliteColumn column : table.columns()) {
            if (!targetColumns.contains(column.name())) {
                issues.add(CompatibilityIssue.schema(IssueCode.COLUMN_MISSING_IN_TARGET, table.name(), column.name(),
                        "the existing table \"" + table.name() + "\" has no column \"" + column.name() + "\": the "
                                + "INSERT of every row fails",
                        "--if-exists drop to recreate the table, or add the column to the target file"));
            }
        }
        for (Column column : existing.columns()) {
            if (!sourceColumns.contains(column.name()) && !column.nullable() && column.defaultSql() == null
                    && !column.identity()) {
                issues.add(CompatibilityIssue.schema(IssueCode.TARGET_COLUMN_REQUIRED, table.name(), column.name(),
                        "the existing table \"" + table.name() + "\" has a NOT NULL column \"" + column.name()
                                + "\" without a default that the source does not fill: every row fails",
                        "--if-exists drop to recreate the table, or give the column a default in the target file"));
            }
        }
        return issues;
    }
}
