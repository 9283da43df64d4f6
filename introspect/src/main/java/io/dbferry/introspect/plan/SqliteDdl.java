package io.dbferry.introspect.plan;

import io.dbferry.introspect.mapping.SqliteColumn;
import io.dbferry.introspect.mapping.SqliteTable;
import io.dbferry.introspect.model.ForeignKey;
import io.dbferry.introspect.model.Index;
import io.dbferry.introspect.model.IndexPart;
import io.dbferry.introspect.model.ReferentialAction;
import io.dbferry.introspect.model.UniqueKey;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * Renders the SQLite statements that create a {@link SqliteTable} (https://www.sqlite.org/lang_createtable.html,
 * lang_createindex.html): {@code CREATE TABLE} with every column, NOT NULL, defaults, the enum CHECKs, the primary
 * key, UNIQUE constraints and foreign keys — SQLite cannot add constraints to an existing table (lang_altertable.html),
 * so they are declared up front — and {@code CREATE INDEX} for the indexes, run after the load. An integer identity
 * key is {@code INTEGER PRIMARY KEY AUTOINCREMENT}: the rowid alias, whose ids are never reused (autoinc.html), as a
 * sequence never reuses them.
 *
 * <p>Names are quoted by jOOQ, so case is kept; enum labels are rendered as SQL string literals by jOOQ; defaults
 * are the literals {@link io.dbferry.introspect.mapping.SqliteSchemaMapper} translated. Immutable and thread-safe.
 */
public final class SqliteDdl {

    private final DSLContext dsl = DSL.using(SQLDialect.SQLITE);
    /**
     * Names in standard SQL double quotes, which SQLite documents as its identifier quoting (lang_keywords.html);
     * jOOQ's SQLite dialect would use MySQL backticks. PostgreSQL's quoting is the same rule ({@code ""} escapes).
     */
    private final DSLContext names = DSL.using(SQLDialect.POSTGRES,
            new Settings().withRenderQuotedNames(RenderQuotedNames.ALWAYS));

    /**
     * {@code CREATE TABLE} with columns and constraints.
     *
     * @param table the mapped table, never null
     * @return one statement, never null
     */
    public String createTable(SqliteTable table) {
        List<String> elements = new ArrayList<>();
        for (SqliteColumn column : table.columns()) {
            elements.add(column(table, column));
        }
        if (table.primaryKey() != null && table.columns().stream().noneMatch(SqliteColumn::rowidAlias)) {
            elements.add(constraint(table.primaryKey().name()) + "PRIMARY KEY (" + names(table.primaryKey().columns())
                    + ")");
        }
        for (UniqueKey unique : table.uniqueKeys()) {
            elements.add(constraint(unique.name()) + "UNIQUE (" + names(unique.columns()) + ")");
        }
        for (ForeignKey key : table.foreignKeys()) {
            elements.add(foreignKey(key));
        }
        return "CREATE TABLE " + name(table.name()) + " (" + String.join(", ", elements) + ")";
    }

    /**
     * {@code CREATE [UNIQUE] INDEX} for each index of the table, to run after the load.
     *
     * @param table the mapped table, never null
     * @return one statement per index, never null, possibly empty
     */
    public List<String> createIndexes(SqliteTable table) {
        return table.indexes().stream().map(index -> createIndex(table, index)).toList();
    }

    /**
     * {@code DROP TABLE IF EXISTS}.
     *
     * @param table the table name, never null
     * @return one statement, never null
     */
    public String dropTable(String table) {
        return "DROP TABLE IF EXISTS " + name(table);
    }

    /**
     * {@code DELETE FROM}: SQLite's truncate (lang_delete.html §2.1, "the truncate optimization").
     *
     * @param table the table name, never null
     * @return one statement, never null
     */
    public String deleteAll(String table) {
        return "DELETE FROM " + name(table);
    }

    private String column(SqliteTable table, SqliteColumn column) {
        StringBuilder sql = new StringBuilder(name(column.name())).append(' ').append(column.type().declared());
        if (!column.nullable()) {
            sql.append(" NOT NULL");
        }
        if (column.rowidAlias()) {
            sql.append(' ').append(constraint(table.primaryKey().name())).append("PRIMARY KEY AUTOINCREMENT");
        }
        if (column.defaultSql() != null) {
            sql.append(" DEFAULT ").append(column.defaultSql());
        }
        if (!column.type().enumLabels().isEmpty()) {
            sql.append(" CHECK (").append(name(column.name())).append(" IN (")
                    .append(column.type().enumLabels().stream().map(l -> dsl.render(DSL.inline(l)))
                            .collect(Collectors.joining(", ")))
                    .append("))");
        }
        return sql.toString();
    }

    private String foreignKey(ForeignKey key) {
        String sql = constraint(key.name()) + "FOREIGN KEY (" + names(key.columns()) + ") REFERENCES "
                + name(key.referencedTable().name()) + " (" + names(key.referencedColumns()) + ")";
        if (key.onDelete() != ReferentialAction.NO_ACTION) {
            sql += " ON DELETE " + action(key.onDelete());
        }
        if (key.onUpdate() != ReferentialAction.NO_ACTION) {
            sql += " ON UPDATE " + action(key.onUpdate());
        }
        return sql;
    }

    private String createIndex(SqliteTable table, Index index) {
        return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + name(index.name()) + " ON "
                + name(table.name()) + " (" + index.parts().stream().map(this::indexKey)
                        .collect(Collectors.joining(", ")) + ")";
    }

    private String indexKey(IndexPart part) {
        return name(part.column()) + (part.descending() ? " DESC" : "");
    }

    private String constraint(String name) {
        return name == null ? "" : "CONSTRAINT " + name(name) + " ";
    }

    private static String action(ReferentialAction action) {
        return action.name().replace('_', ' ');
    }

    private String names(List<String> names) {
        return names.stream().map(this::name).collect(Collectors.joining(", "));
    }

    private String name(String identifier) {
        return names.render(DSL.name(identifier));
    }
}
