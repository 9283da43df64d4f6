package io.dbferry.introspect.plan;

import io.dbferry.introspect.mapping.MappedColumn;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.introspect.model.ForeignKey;
import io.dbferry.introspect.model.Index;
import io.dbferry.introspect.model.ReferentialAction;
import io.dbferry.introspect.model.TableId;
import io.dbferry.introspect.model.UniqueKey;
import java.util.ArrayList;
import java.util.List;
import org.jooq.ConstraintForeignKeyOnStep;
import org.jooq.CreateTableElementListStep;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * Renders the PostgreSQL statements that create a {@link MappedTable} in the order a migration needs
 * them: the bare table (columns, NOT NULL, identity) before the load; primary key, UNIQUE constraints and
 * indexes after it; foreign keys once every table is loaded; identity restarts last.
 *
 * <p>Every name is quoted, so case is kept exactly. Immutable and thread-safe.
 */
public final class PostgresDdl {

    private final DSLContext dsl = DSL.using(SQLDialect.POSTGRES,
            new Settings().withRenderQuotedNames(RenderQuotedNames.ALWAYS).withRenderFormatted(false));

    /**
     * {@code CREATE SCHEMA IF NOT EXISTS}.
     *
     * @param schema the schema name, never null
     * @return one statement, never null
     */
    public String createSchemaIfNotExists(String schema) {
        return dsl.createSchemaIfNotExists(DSL.name(schema)).getSQL();
    }

    /**
     * {@code CREATE TABLE} with columns, types, NOT NULL and identity only; keys come after the load.
     *
     * @param table the mapped table, never null
     * @return one statement, never null
     */
    public String createTable(MappedTable table) {
        CreateTableElementListStep create = dsl.createTable(name(table.target()));
        for (MappedColumn column : table.columns()) {
            create = create.column(DSL.name(column.targetName()), dataType(column));
        }
        return create.getSQL();
    }

    private static DataType<?> dataType(MappedColumn column) {
        DataType<?> type = column.targetType().dataType().nullable(column.nullable() && !column.identity());
        return column.identity() ? type.generatedByDefaultAsIdentity() : type;
    }

    /**
     * {@code DROP TABLE IF EXISTS … CASCADE} (dependent foreign keys and views go too).
     *
     * @param table the table, never null
     * @return one statement, never null
     */
    public String dropTable(TableId table) {
        return dsl.dropTableIfExists(name(table)).cascade().getSQL();
    }

    /**
     * {@code TRUNCATE} of several tables in one statement, so foreign keys among them do not stand in the
     * way; without CASCADE, so tables outside the list are never emptied (PostgreSQL docs, TRUNCATE).
     *
     * @param tables the tables, never null or empty
     * @return one statement, never null
     */
    public String truncate(List<TableId> tables) {
        return dsl.truncate(tables.stream().map(t -> DSL.table(name(t))).toList()).getSQL();
    }

    /**
     * The primary key, UNIQUE constraints and indexes of a loaded table.
     *
     * @param table the mapped table, never null
     * @return the statements in order, never null, possibly empty
     */
    public List<String> keysAndIndexes(MappedTable table) {
        List<String> statements = new ArrayList<>();
        Name name = name(table.target());
        if (table.primaryKey() != null) {
            statements.add(dsl.alterTable(name).add(DSL.constraint(DSL.name(table.primaryKey().name()))
                    .primaryKey(fields(table.primaryKey().columns()))).getSQL());
        }
        for (UniqueKey unique : table.uniqueKeys()) {
            statements.add(dsl.alterTable(name).add(DSL.constraint(DSL.name(unique.name()))
                    .unique(fields(unique.columns()))).getSQL());
        }
        for (Index index : table.indexes()) {
            var create = index.unique() ? dsl.createUniqueIndex(DSL.name(index.name()))
                    : dsl.createIndex(DSL.name(index.name()));
            statements.add(create.on(DSL.table(name), fields(index.columns())).getSQL());
        }
        return statements;
    }

    /**
     * The foreign keys of a table, to run once every referenced table is loaded and keyed.
     *
     * @param table the mapped table, never null
     * @return one statement per foreign key, never null, possibly empty
     */
    public List<String> foreignKeys(MappedTable table) {
        List<String> statements = new ArrayList<>();
        for (ForeignKey fk : table.foreignKeys()) {
            ConstraintForeignKeyOnStep constraint = DSL.constraint(DSL.name(fk.name()))
                    .foreignKey(fields(fk.columns()))
                    .references(DSL.table(name(fk.referencedTable())), fields(fk.referencedColumns()));
            statements.add(dsl.alterTable(name(table.target()))
                    .add(onUpdate(onDelete(constraint, fk.onDelete()), fk.onUpdate())).getSQL());
        }
        return statements;
    }

    /**
     * Moves the sequence behind an identity or serial column past the largest loaded value, so the next
     * generated id is {@code max + 1} (1 for an empty table). Uses {@code setval(pg_get_serial_sequence(…))}
     * (PostgreSQL docs §9.17, §9.27), which also works for a pre-existing target table; on a column with no
     * sequence it does nothing.
     *
     * @param table the table, never null
     * @param column the column's target name, never null
     * @return one query returning the new value (or NULL when there is no sequence), never null
     */
    public String restartIdentity(TableId table, String column) {
        Name tableName = name(table);
        // pg_get_serial_sequence parses its first argument as SQL (quoted) and takes the column literally.
        return dsl.query("select setval(pg_get_serial_sequence({0}, {1}), coalesce(max({2}), 0) + 1, false) from {3}",
                DSL.inline(dsl.render(DSL.table(tableName))), DSL.inline(column), DSL.field(DSL.name(column)),
                DSL.table(tableName)).getSQL();
    }

    private static ConstraintForeignKeyOnStep onDelete(ConstraintForeignKeyOnStep step, ReferentialAction action) {
        return switch (action) {
            case NO_ACTION -> step;
            case RESTRICT -> step.onDeleteRestrict();
            case CASCADE -> step.onDeleteCascade();
            case SET_NULL -> step.onDeleteSetNull();
            case SET_DEFAULT -> step.onDeleteSetDefault();
        };
    }

    private static org.jooq.ConstraintEnforcementStep onUpdate(ConstraintForeignKeyOnStep step,
            ReferentialAction action) {
        return switch (action) {
            case NO_ACTION -> step;
            case RESTRICT -> step.onUpdateRestrict();
            case CASCADE -> step.onUpdateCascade();
            case SET_NULL -> step.onUpdateSetNull();
            case SET_DEFAULT -> step.onUpdateSetDefault();
        };
    }

    /**
     * A table's schema-qualified name as PostgreSQL SQL, quoted, e.g. for {@code to_regclass(?)}.
     *
     * @param table the table, never null
     * @return never null
     */
    public String qualifiedName(TableId table) {
        return dsl.render(name(table));
    }

    private static Name name(TableId table) {
        return DSL.name(table.schema(), table.name());
    }

    private static Field<?>[] fields(List<String> columns) {
        return columns.stream().map(c -> DSL.field(DSL.name(c))).toArray(Field[]::new);
    }
}
