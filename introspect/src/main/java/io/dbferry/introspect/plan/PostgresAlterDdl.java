package io.dbferry.introspect.plan;

import io.dbferry.introspect.mapping.MappedColumn;
import io.dbferry.introspect.mapping.TargetType;
import io.dbferry.introspect.model.TableId;
import org.jooq.DSLContext;
import org.jooq.Name;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * Renders the PostgreSQL statements that change an existing table towards its mapped shape (PostgreSQL docs, ALTER
 * TABLE and DROP INDEX): add, retype, constrain and drop columns, drop constraints and indexes. Every name is
 * quoted. Immutable and thread-safe.
 */
public final class PostgresAlterDdl {

    private final DSLContext dsl = DSL.using(SQLDialect.POSTGRES,
            new Settings().withRenderQuotedNames(RenderQuotedNames.ALWAYS).withRenderFormatted(false));

    /**
     * {@code ALTER TABLE … ADD COLUMN} with the column's type, NOT NULL and default. On a table with rows, a NOT
     * NULL column without a default cannot be added; PostgreSQL says so when it runs.
     *
     * @param table the table, never null
     * @param column the mapped column, never null
     * @return one statement, never null
     */
    public String addColumn(TableId table, MappedColumn column) {
        return dsl.alterTable(name(table)).addColumn(DSL.name(column.targetName()), PostgresDdl.dataType(column))
                .getSQL();
    }

    /**
     * {@code ALTER TABLE … ALTER COLUMN … TYPE}, with {@code USING cast(column as type)} when PostgreSQL has no
     * assignment cast to rely on (docs, ALTER TABLE: "the USING clause must be provided if there is no implicit or
     * assignment cast from old to new type").
     *
     * @param table the table, never null
     * @param column the column's target name, never null
     * @param type the new type, never null
     * @param using whether to convert with an explicit cast
     * @return one statement, never null
     */
    public String alterColumnType(TableId table, String column, TargetType type, boolean using) {
        if (!using) {
            return dsl.alterTable(name(table)).alterColumn(DSL.name(column)).set(type.dataType()).getSQL();
        }
        return dsl.query("alter table {0} alter column {1} type {2} using cast({1} as {2})", DSL.table(name(table)),
                DSL.field(DSL.name(column)), DSL.sql(type.toString())).getSQL();
    }

    /**
     * {@code ALTER TABLE … ALTER COLUMN … SET NOT NULL} or {@code DROP NOT NULL}.
     *
     * @param table the table, never null
     * @param column the column's target name, never null
     * @param notNull true to set NOT NULL, false to drop it
     * @return one statement, never null
     */
    public String alterNullability(TableId table, String column, boolean notNull) {
        var alter = dsl.alterTable(name(table)).alterColumn(DSL.name(column));
        return (notNull ? alter.setNotNull() : alter.dropNotNull()).getSQL();
    }

    /**
     * {@code ALTER TABLE … ALTER COLUMN … SET DEFAULT}.
     *
     * @param table the table, never null
     * @param column the column's target name, never null
     * @param defaultSql the default in PostgreSQL SQL, as the mapping translated it; never null
     * @return one statement, never null
     */
    public String setDefault(TableId table, String column, String defaultSql) {
        return dsl.alterTable(name(table)).alterColumn(DSL.name(column)).setDefault(DSL.field(DSL.raw(defaultSql)))
                .getSQL();
    }

    /**
     * {@code ALTER TABLE … DROP COLUMN}; its values are lost.
     *
     * @param table the table, never null
     * @param column the column's name, never null
     * @return one statement, never null
     */
    public String dropColumn(TableId table, String column) {
        return dsl.alterTable(name(table)).dropColumn(DSL.name(column)).getSQL();
    }

    /**
     * {@code ALTER TABLE … DROP CONSTRAINT}.
     *
     * @param table the table, never null
     * @param constraint the constraint's name, never null
     * @return one statement, never null
     */
    public String dropConstraint(TableId table, String constraint) {
        return dsl.alterTable(name(table)).dropConstraint(DSL.name(constraint)).getSQL();
    }

    /**
     * {@code DROP INDEX}.
     *
     * @param schema the index's schema, never null
     * @param index the index's name, never null
     * @return one statement, never null
     */
    public String dropIndex(String schema, String index) {
        // jOOQ drops the schema of an index name in the POSTGRES dialect; DROP INDEX needs it (docs, DROP INDEX).
        return dsl.query("drop index {0}", DSL.name(schema, index)).getSQL();
    }

    private static Name name(TableId table) {
        return DSL.name(table.schema(), table.name());
    }
}
