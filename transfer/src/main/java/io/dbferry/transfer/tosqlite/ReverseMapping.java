package io.dbferry.transfer.tosqlite;

import io.dbferry.introspect.mapping.MappedColumn;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.introspect.mapping.SqliteColumn;
import io.dbferry.introspect.mapping.SqliteTable;
import io.dbferry.introspect.model.Column;
import io.dbferry.introspect.model.ColumnType;
import io.dbferry.introspect.model.Table;
import io.dbferry.introspect.model.TableId;
import java.util.ArrayList;
import java.util.List;

/**
 * Describes PostgreSQL → SQLite tables in the shape {@link io.dbferry.transfer.verify.Verifier} compares: a
 * {@link MappedTable} whose {@code source()} is the SQLite table (name, columns with their declared SQLite types)
 * and whose {@code target()} and column {@code targetType}s are the PostgreSQL table and its types
 * ({@link io.dbferry.introspect.mapping.SqliteColumnType#postgresType()}). Stateless.
 */
public final class ReverseMapping {

    private ReverseMapping() {}

    /**
     * The verification shape of some tables.
     *
     * @param postgresSchema the PostgreSQL schema of the tables, never null
     * @param tables the mapped tables, never null
     * @return one per table, in order; never null
     */
    public static List<MappedTable> of(String postgresSchema, List<SqliteTable> tables) {
        return tables.stream().map(t -> of(postgresSchema, t)).toList();
    }

    private static MappedTable of(String postgresSchema, SqliteTable table) {
        List<Column> sqliteColumns = new ArrayList<>();
        List<MappedColumn> columns = new ArrayList<>();
        for (SqliteColumn column : table.columns()) {
            Column sqlite = new Column(column.name(), sqliteColumns.size() + 1, ColumnType.of(column.type().declared()),
                    column.nullable(), null, column.rowidAlias(), column.rowidAlias());
            sqliteColumns.add(sqlite);
            columns.add(new MappedColumn(sqlite, column.name(), column.type().postgresType(), column.nullable(),
                    false));
        }
        Table sqlite = new Table(new TableId("main", table.name()), sqliteColumns, table.primaryKey(), List.of(),
                List.of(), List.of(), false);
        return new MappedTable(sqlite, new TableId(postgresSchema, table.name()), columns, table.primaryKey(),
                List.of(), List.of(), List.of());
    }
}
