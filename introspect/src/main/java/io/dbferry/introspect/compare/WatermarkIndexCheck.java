package io.dbferry.introspect.compare;

import io.dbferry.introspect.model.Index;
import io.dbferry.introspect.model.Table;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderKeywordCase;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * Whether the source can find a sync's watermark window through an index: an incremental sync reads
 * {@code col >= ?} on the watermark column, which SQLite serves from an index whose first key is that column,
 * over every row, with the column's own collation (https://www.sqlite.org/optoverview.html §2, §3: a partial
 * index serves only queries whose WHERE implies its own). Without one, every sync reads the whole table
 * (issue 6). dbferry never writes to the source, so the finding suggests the {@code CREATE INDEX} for the user
 * to run. Stateless and thread-safe.
 */
public final class WatermarkIndexCheck {

    private WatermarkIndexCheck() {}

    /**
     * Whether an index, the primary key or a UNIQUE constraint of the table starts with the column.
     *
     * @param table the source table, never null
     * @param column the watermark column, never null
     * @return true when the source can read the window through an index
     */
    public static boolean isIndexed(Table table, String column) {
        Objects.requireNonNull(column, "column");
        return table.indexes().stream().anyMatch(i -> leadsWith(i, column))
                || (table.primaryKey() != null && table.primaryKey().columns().getFirst().equals(column))
                || table.uniqueKeys().stream().anyMatch(k -> k.columns().getFirst().equals(column));
    }

    /**
     * A {@link IssueCode#WATERMARK_NOT_INDEXED} warning for each table that has its watermark column and no
     * index leading with it. Tables without the column are left out: sync refuses them with its own message.
     *
     * @param tables the selected source tables, never null
     * @param watermarkOf a source table name → its watermark column, never null; a null result skips the table
     * @return never null, possibly empty
     */
    public static List<CompatibilityIssue> check(List<Table> tables, Function<String, String> watermarkOf) {
        return tables.stream().filter(t -> {
            String column = watermarkOf.apply(t.id().name());
            return column != null && t.columns().stream().anyMatch(c -> c.name().equals(column))
                    && !isIndexed(t, column);
        }).map(t -> issue(t.id().name(), watermarkOf.apply(t.id().name()))).toList();
    }

    /**
     * The warning for one table.
     *
     * @param table the source table name, never null
     * @param column its watermark column, never null
     * @return never null
     */
    public static CompatibilityIssue issue(String table, String column) {
        return CompatibilityIssue.schema(IssueCode.WATERMARK_NOT_INDEXED, table, column,
                "the sync watermark column \"" + table + "\".\"" + column + "\" has no index in the source, so "
                        + "every incremental sync reads the whole table to find the changed rows",
                "create the index in the source (dbferry never writes to it): " + createIndex(table, column));
    }

    /**
     * The statement that creates the index, for the user to run on the source.
     *
     * @param table the source table name, never null
     * @param column the watermark column, never null
     * @return SQLite SQL with quoted identifiers, never null
     */
    public static String createIndex(String table, String column) {
        // SQLite reads the standard's double-quoted identifiers (lang_keywords.html); jOOQ's SQLITE dialect would
        // print backticks.
        return DSL.using(SQLDialect.DEFAULT, new Settings().withRenderKeywordCase(RenderKeywordCase.UPPER))
                .createIndexIfNotExists(DSL.name(table + "_" + column + "_idx"))
                .on(DSL.table(DSL.name(table)), DSL.field(DSL.name(column))).getSQL();
    }

    private static boolean leadsWith(Index index, String column) {
        return index.whereSql() == null && index.parts().getFirst().isPlainColumn()
                && index.parts().getFirst().column().equals(column);
    }
}
