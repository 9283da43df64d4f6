package io.dbferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbferry.transfer.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What a target schema holds, for comparing a resumed run's target with a clean run's: every table's rows as
 * text (value by value), constraints, indexes, sequences' positions and views.
 */
final class TargetSnapshot {

    private static final List<String> CATALOG = List.of(
            "select conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) from pg_constraint "
                    + "where connamespace = 'public'::regnamespace order by 1",
            "select indexdef from pg_indexes where schemaname = 'public' order by 1",
            "select sequencename || ' ' || coalesce(last_value, 0) from pg_sequences where schemaname = 'public' "
                    + "order by 1",
            "select viewname || ' ' || definition from pg_views where schemaname = 'public' order by 1",
            "select table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' "
                    + "|| coalesce(column_default, '') || ' ' || is_identity from information_schema.columns "
                    + "where table_schema = 'public' order by table_name, ordinal_position");

    private TargetSnapshot() {}

    /**
     * Asserts that two targets hold the same tables with the same rows, and the same constraints, indexes,
     * sequences, views and columns in schema public.
     */
    static void assertSame(TestDatabase actual, TestDatabase expected) throws SQLException {
        List<String> tables = strings(expected, "select quote_ident(relname) from pg_class where relnamespace = "
                + "'public'::regnamespace and relkind = 'r' order by 1");
        assertThat(strings(actual, "select quote_ident(relname) from pg_class where relnamespace = "
                + "'public'::regnamespace and relkind = 'r' order by 1")).isEqualTo(tables);
        for (String table : tables) {
            String rows = "select t::text from public." + table + " t order by 1";
            assertThat(strings(actual, rows)).as(table).isEqualTo(strings(expected, rows));
        }
        for (String catalog : CATALOG) {
            assertThat(strings(actual, catalog)).as(catalog).isEqualTo(strings(expected, catalog));
        }
    }

    static List<String> strings(TestDatabase database, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = database.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    static long count(TestDatabase database, String sql) throws SQLException {
        return Long.parseLong(strings(database, sql).getFirst());
    }
}
