package io.dbferry.transfer.sync;

import io.dbferry.introspect.mapping.MappedColumn;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.introspect.model.TableId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The statements of an upsert through a staging table: a temporary table shaped like the target
 * ({@code CREATE TEMP TABLE … (LIKE target INCLUDING DEFAULTS) ON COMMIT DROP}), filled by COPY, then
 * {@code INSERT INTO target SELECT … FROM staging ON CONFLICT (pk) DO UPDATE SET … WHERE (target row) IS
 * DISTINCT FROM (new row)}: the WHERE makes re-reading unchanged rows (the lookback window) write nothing.
 * Identifiers are rendered by jOOQ. Stateless and thread-safe.
 */
final class StagedUpsert {

    /** The staging table; temporary tables live in the session's own {@code pg_temp} schema. */
    static final TableId STAGING = new TableId("pg_temp", "dbferry_sync_staging");

    private static final DSLContext DSL_CONTEXT = DSL.using(SQLDialect.POSTGRES,
            new Settings().withRenderQuotedNames(RenderQuotedNames.ALWAYS));

    private StagedUpsert() {}

    /** The staging table for one table's rows, dropped at commit. */
    static String createStaging(MappedTable table) {
        return "CREATE TEMP TABLE " + render(DSL.name(STAGING.name())) + " (LIKE "
                + render(name(table.target())) + " INCLUDING DEFAULTS) ON COMMIT DROP";
    }

    /** The mapped table as written to the staging table, for {@code CopyStatement}. */
    static MappedTable staged(MappedTable table) {
        return new MappedTable(table.source(), STAGING, table.columns(), table.primaryKey(), List.of(), List.of(),
                List.of());
    }

    /**
     * The INSERT … ON CONFLICT that moves the staged rows into the target, in primary-key order: rows arrive in
     * the order SQLite reads them (watermark order, through an index on the watermark), and key order visits
     * the target's key index and (for a table loaded in key order) its heap pages in sequence.
     */
    static String upsert(MappedTable table) {
        Table<?> target = DSL.table(name(table.target()));
        List<Field<Object>> columns = fields(table.columns().stream().map(MappedColumn::targetName).toList());
        List<Field<Object>> key = fields(table.primaryKey().columns());
        List<Field<Object>> others = columns.stream().filter(c -> !key.contains(c)).toList();
        var insert = DSL_CONTEXT.insertInto(target, columns)
                .select(DSL.select(columns).from(DSL.table(name(STAGING))).orderBy(key))
                .onConflict(key);
        if (others.isEmpty()) {
            return insert.doNothing().getSQL();
        }
        Map<Field<?>, Field<?>> set = new LinkedHashMap<>();
        others.forEach(c -> set.put(c, DSL.excluded(c)));
        List<Field<Object>> current = others.stream()
                .map(c -> DSL.field(DSL.name(table.target().schema(), table.target().name(), c.getName()))).toList();
        return insert.doUpdate().set(set)
                .where(DSL.row(current).isDistinctFrom(DSL.row(others.stream().map(DSL::excluded).toList())))
                .getSQL();
    }

    /** {@code TRUNCATE} of the staging table, after each batch's upsert. */
    static String empty() {
        return DSL_CONTEXT.truncate(DSL.table(name(STAGING))).getSQL();
    }

    /** {@code TRUNCATE} of a table reloaded in full. */
    static String truncate(MappedTable table) {
        return DSL_CONTEXT.truncate(DSL.table(name(table.target()))).getSQL();
    }

    private static List<Field<Object>> fields(List<String> names) {
        return names.stream().map(n -> DSL.field(DSL.name(n))).toList();
    }

    private static Name name(TableId id) {
        return DSL.name(id.schema(), id.name());
    }

    private static String render(Name name) {
        return DSL_CONTEXT.render(name);
    }
}
