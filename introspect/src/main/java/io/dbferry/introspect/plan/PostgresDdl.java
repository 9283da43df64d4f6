package io.dbferry.introspect.plan;

import io.dbferry.introspect.mapping.MappedColumn;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.introspect.mapping.MappedView;
import io.dbferry.introspect.model.CheckConstraint;
import io.dbferry.introspect.model.ForeignKey;
import io.dbferry.introspect.model.Index;
import io.dbferry.introspect.model.IndexPart;
import io.dbferry.introspect.model.PrimaryKey;
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
import org.jooq.OrderField;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * Renders the PostgreSQL statements that create a {@link MappedTable} in the order a migration needs
 * them: the bare table (columns, types, NOT NULL, defaults, identity) before the load; primary key, UNIQUE
 * constraints, CHECK constraints and indexes after it; foreign keys once every table is loaded; views after their
 * tables; identity restarts last. {@link SyncPlan} orders them, and adds the ALTER statements that bring an
 * existing table in line.
 *
 * <p>Every name is quoted, so case is kept exactly. Defaults, CHECK expressions and index expressions and
 * predicates are the PostgreSQL texts the mapping translated (rendered by jOOQ there) and are inserted as they are.
 * An index key on a {@code NOCASE} column is rendered as {@code lower(column)}: PostgreSQL has no NOCASE
 * collation, and an index on {@code lower()} keeps a UNIQUE index case-insensitive (docs §11.7). Immutable and
 * thread-safe.
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
     * {@code CREATE TABLE} with columns, types, NOT NULL, defaults and identity only; keys come after the load.
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

    /**
     * The column's type as DDL declares it: with NOT NULL or NULL, its default, or identity.
     *
     * @param column the mapped column, never null
     * @return never null
     */
    static DataType<?> dataType(MappedColumn column) {
        @SuppressWarnings("unchecked")
        DataType<Object> type = (DataType<Object>) column.targetType().dataType()
                .nullable(column.nullable() && !column.identity());
        if (column.identity()) {
            return type.generatedByDefaultAsIdentity();
        }
        return column.defaultSql() == null ? type : type.defaultValue(DSL.field(DSL.raw(column.defaultSql())));
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
     * The primary key, UNIQUE constraints, CHECK constraints and indexes of a loaded table.
     *
     * @param table the mapped table, never null
     * @return the statements in order, never null, possibly empty
     */
    public List<String> keysAndIndexes(MappedTable table) {
        List<String> statements = new ArrayList<>();
        if (table.primaryKey() != null) {
            statements.add(addPrimaryKey(table.target(), table.primaryKey()));
        }
        table.uniqueKeys().forEach(u -> statements.add(addUnique(table.target(), u)));
        table.checks().forEach(c -> statements.add(addCheck(table.target(), c)));
        table.indexes().forEach(i -> statements.add(createIndex(table.target(), i)));
        return statements;
    }

    /**
     * {@code ALTER TABLE … ADD CONSTRAINT … PRIMARY KEY}.
     *
     * @param table the table, never null
     * @param key the key in target names, named, never null
     * @return one statement, never null
     */
    public String addPrimaryKey(TableId table, PrimaryKey key) {
        return dsl.alterTable(name(table)).add(DSL.constraint(DSL.name(key.name())).primaryKey(fields(key.columns())))
                .getSQL();
    }

    /**
     * {@code ALTER TABLE … ADD CONSTRAINT … UNIQUE}.
     *
     * @param table the table, never null
     * @param key the key in target names, named, never null
     * @return one statement, never null
     */
    public String addUnique(TableId table, UniqueKey key) {
        return dsl.alterTable(name(table)).add(DSL.constraint(DSL.name(key.name())).unique(fields(key.columns())))
                .getSQL();
    }

    /**
     * {@code ALTER TABLE … ADD CONSTRAINT … CHECK (…)}.
     *
     * @param table the table, never null
     * @param check the constraint, named, with a PostgreSQL expression; never null
     * @return one statement, never null
     */
    public String addCheck(TableId table, CheckConstraint check) {
        return dsl.alterTable(name(table)).add(DSL.constraint(DSL.name(check.name()))
                .check(DSL.condition(DSL.raw(check.sourceSql())))).getSQL();
    }

    /**
     * {@code CREATE [UNIQUE] INDEX … ON … (…) [WHERE …]}, with expression keys, descending keys and
     * {@code lower(column)} for a NOCASE key.
     *
     * @param table the table, never null
     * @param index the index in target names with PostgreSQL expressions, never null
     * @return one statement, never null
     */
    public String createIndex(TableId table, Index index) {
        var create = index.unique() ? dsl.createUniqueIndex(DSL.name(index.name())) : dsl.createIndex(DSL.name(index.name()));
        var on = create.on(DSL.table(name(table)), index.parts().stream().map(PostgresDdl::key).toList());
        return (index.whereSql() == null ? on : on.where(DSL.condition(DSL.raw(index.whereSql())))).getSQL();
    }

    private static OrderField<?> key(IndexPart part) {
        Field<?> key;
        if (part.column() == null) {
            // An expression key must be parenthesised unless it is a function call (docs, CREATE INDEX).
            key = DSL.field(DSL.raw("(" + part.expressionSql() + ")"));
        } else if ("NOCASE".equals(part.collation())) {
            key = DSL.lower(DSL.field(DSL.name(part.column()), String.class));
        } else {
            key = DSL.field(DSL.name(part.column()));
        }
        return part.descending() ? key.desc() : key;
    }

    /**
     * {@code CREATE VIEW}, as the mapping translated it.
     *
     * @param view the mapped view, never null
     * @return one statement, never null
     */
    public String createView(MappedView view) {
        return view.createSql();
    }

    /**
     * The foreign keys of a table, to run once every referenced table is loaded and keyed.
     *
     * @param table the mapped table, never null
     * @return one statement per foreign key, never null, possibly empty
     */
    public List<String> foreignKeys(MappedTable table) {
        return table.foreignKeys().stream().map(fk -> addForeignKey(table.target(), fk)).toList();
    }

    /**
     * {@code ALTER TABLE … ADD CONSTRAINT … FOREIGN KEY … REFERENCES …} with its actions.
     *
     * @param table the referencing table, never null
     * @param fk the named foreign key in target names, never null
     * @return one statement, never null
     */
    public String addForeignKey(TableId table, ForeignKey fk) {
        ConstraintForeignKeyOnStep constraint = DSL.constraint(DSL.name(fk.name()))
                .foreignKey(fields(fk.columns()))
                .references(DSL.table(name(fk.referencedTable())), fields(fk.referencedColumns()));
        return dsl.alterTable(name(table)).add(onUpdate(onDelete(constraint, fk.onDelete()), fk.onUpdate())).getSQL();
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
