package io.dbferry.introspect.mapping;

import io.dbferry.introspect.model.CheckConstraint;
import io.dbferry.introspect.model.Column;
import io.dbferry.introspect.model.ForeignKey;
import io.dbferry.introspect.model.Index;
import io.dbferry.introspect.model.IndexPart;
import io.dbferry.introspect.model.SchemaSnapshot;
import io.dbferry.introspect.model.Table;
import io.dbferry.introspect.model.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Maps a PostgreSQL {@link SchemaSnapshot} to SQLite tables by a {@link SqliteTypeMapping}: columns with their
 * types, NOT NULL and simple defaults; the primary key (an integer identity or serial key becomes
 * {@code INTEGER PRIMARY KEY AUTOINCREMENT}), UNIQUE constraints, foreign keys and plain indexes, names kept.
 *
 * <p>What SQLite cannot take from PostgreSQL SQL is left out with a note: views, CHECK constraints (their
 * expressions are PostgreSQL), partial and expression indexes, and defaults other than literals. An identity
 * column that is not the whole primary key becomes a plain integer column (SQLite generates only rowids). Stateless
 * and thread-safe.
 */
public final class SqliteSchemaMapper {

    private static final Set<SqliteType> INTEGER_TYPES = Set.of(SqliteType.SMALLINT, SqliteType.INTEGER,
            SqliteType.BIGINT);

    private final SqliteTypeMapping types;

    /**
     * A mapper using a type mapping.
     *
     * @param types the type mapping, knowing the schema's enums; never null
     */
    public SqliteSchemaMapper(SqliteTypeMapping types) {
        this.types = Objects.requireNonNull(types, "types");
    }

    /**
     * Maps the tables of a snapshot.
     *
     * @param snapshot the PostgreSQL schema, never null
     * @param tables the tables to map, a subset of the snapshot's, never null
     * @return the SQLite tables in the given order, with the snapshot's notes and those of this mapping; never null
     */
    public SqliteSchema map(SchemaSnapshot snapshot, List<Table> tables) {
        List<String> notes = new ArrayList<>(snapshot.notes());
        for (View view : snapshot.views()) {
            notes.add("view \"" + view.name() + "\" is not created: its query is PostgreSQL SQL");
        }
        List<SqliteTable> mapped = new ArrayList<>();
        for (Table table : tables) {
            mapped.add(map(table, notes));
        }
        return new SqliteSchema(mapped, notes);
    }

    private SqliteTable map(Table table, List<String> notes) {
        List<SqliteColumn> columns = new ArrayList<>();
        for (Column column : table.columns()) {
            columns.add(column(table, column, notes));
        }
        for (CheckConstraint check : table.checks()) {
            notes.add("CHECK constraint " + (check.name() == null ? "" : "\"" + check.name() + "\" ") + "of \""
                    + table.id().name() + "\" is not created: its expression (" + check.sourceSql()
                    + ") is PostgreSQL SQL");
        }
        List<Index> indexes = new ArrayList<>();
        for (Index index : table.indexes()) {
            if (index.whereSql() == null && index.parts().stream().allMatch(p -> p.column() != null)) {
                indexes.add(index);
            } else {
                notes.add("index \"" + index.name() + "\" of \"" + table.id().name() + "\" is not created: "
                        + describe(index) + " in PostgreSQL SQL");
            }
        }
        List<ForeignKey> foreignKeys = table.foreignKeys().stream()
                .filter(f -> f.referencedTable().schema().equals(table.id().schema())).toList();
        return new SqliteTable(table, columns, table.primaryKey(), table.uniqueKeys(), foreignKeys, indexes);
    }

    private SqliteColumn column(Table table, Column column, List<String> notes) {
        boolean rowidAlias = column.identity() && isWholePrimaryKey(table, column)
                && INTEGER_TYPES.contains(types.map(column.type()).type());
        if (column.identity() && !rowidAlias) {
            notes.add("identity column \"" + table.id().name() + "\".\"" + column.name() + "\" becomes a plain "
                    + "column: SQLite generates values only for an INTEGER PRIMARY KEY");
        }
        SqliteColumnType type = types.map(column, rowidAlias);
        String defaultSql = null;
        if (column.defaultSql() != null && !rowidAlias) {
            defaultSql = SqliteDefaults.translate(column.defaultSql(), type);
            boolean isNull = column.defaultSql().trim().toUpperCase(Locale.ROOT).startsWith("NULL");
            if (defaultSql == null && !isNull) {
                notes.add("default of \"" + table.id().name() + "\".\"" + column.name() + "\" is not created: "
                        + column.defaultSql() + " is not a literal SQLite can store in a " + type.declared()
                        + " column");
            }
        }
        return new SqliteColumn(column, type, column.nullable(), rowidAlias, defaultSql);
    }

    private static boolean isWholePrimaryKey(Table table, Column column) {
        return table.primaryKey() != null && table.primaryKey().columns().equals(List.of(column.name()));
    }

    private static String describe(Index index) {
        return index.whereSql() != null ? "a partial index (WHERE " + index.whereSql() + ")"
                : "an index on " + String.join(", ", index.parts().stream().filter(p -> p.column() == null)
                        .map(IndexPart::expressionSql).toList());
    }
}
