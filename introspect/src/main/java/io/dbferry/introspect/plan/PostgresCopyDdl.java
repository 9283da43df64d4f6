package io.dbferry.introspect.plan;

import io.dbferry.introspect.model.TableId;
import io.dbferry.introspect.model.View;
import io.dbferry.introspect.postgres.CatalogColumn;
import io.dbferry.introspect.postgres.CatalogConstraint;
import io.dbferry.introspect.postgres.CatalogDomain;
import io.dbferry.introspect.postgres.CatalogEnum;
import io.dbferry.introspect.postgres.CatalogIndex;
import io.dbferry.introspect.postgres.CatalogSequence;
import io.dbferry.introspect.postgres.CatalogTable;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Name;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * Renders the statements that re-create a PostgreSQL schema's tables and user types, as
 * {@link io.dbferry.introspect.postgres.PostgresDefinitionReader} read them, in another PostgreSQL schema or
 * database with identical types: enums and domains, then bare tables (columns with their exact types, defaults,
 * identity, serial and stored generated columns, NOT NULL), then after the load constraints, indexes, foreign
 * keys, sequence positions and views.
 *
 * <p>Names are quoted and rendered by jOOQ; types, defaults and constraint, index and view texts are the
 * catalog's, inserted as they are. Those texts name the source schema's objects unqualified, so the statements
 * must run with the target schema first on the {@code search_path} ({@link #searchPath(String)}). Immutable and
 * thread-safe.
 */
public final class PostgresCopyDdl {

    /** The serial pseudo-type of each integer type (PostgreSQL docs §8.1.4). */
    private static final Map<String, String> SERIAL_TYPES = Map.of("smallint", "smallserial", "integer", "serial",
            "bigint", "bigserial");

    private final DSLContext dsl = DSL.using(SQLDialect.POSTGRES,
            new Settings().withRenderQuotedNames(RenderQuotedNames.ALWAYS).withRenderFormatted(false));

    /**
     * Sets the {@code search_path} to one schema for the rest of the current transaction
     * ({@code set_config(…, true)}, PostgreSQL docs §9.27.1); {@code pg_catalog} is always searched first.
     *
     * @param schema the schema name, exact spelling, never null
     * @return one query, never null
     */
    public String searchPath(String schema) {
        return dsl.select(DSL.function(DSL.name("pg_catalog", "set_config"), String.class,
                DSL.inline("search_path"), DSL.inline(dsl.render(DSL.name(schema))), DSL.inline(true))).getSQL();
    }

    /**
     * {@code CREATE TYPE … AS ENUM (…)} with the labels in sort order (PostgreSQL docs, CREATE TYPE).
     *
     * @param schema the target schema, never null
     * @param type the enum, never null
     * @return one statement, never null
     */
    public String createEnum(String schema, CatalogEnum type) {
        return "CREATE TYPE " + render(DSL.name(schema, type.name())) + " AS ENUM ("
                + type.labels().stream().map(l -> dsl.render(DSL.inline(l))).collect(Collectors.joining(", ")) + ")";
    }

    /**
     * {@code CREATE DOMAIN} with its base type, default, NOT NULL and CHECK constraints (PostgreSQL docs,
     * CREATE DOMAIN).
     *
     * @param schema the target schema, never null
     * @param domain the domain, never null
     * @return one statement, never null
     */
    public String createDomain(String schema, CatalogDomain domain) {
        StringBuilder sql = new StringBuilder("CREATE DOMAIN ").append(render(DSL.name(schema, domain.name())))
                .append(" AS ").append(domain.baseType());
        if (domain.defaultSql() != null) {
            sql.append(" DEFAULT ").append(domain.defaultSql());
        }
        if (domain.notNull()) {
            sql.append(" NOT NULL");
        }
        for (CatalogConstraint check : domain.checks()) {
            sql.append(" CONSTRAINT ").append(render(DSL.name(check.name()))).append(' ').append(check.definition());
        }
        return sql.toString();
    }

    /**
     * {@code CREATE SEQUENCE IF NOT EXISTS} with the source sequence's type, bounds, increment and cycling
     * (PostgreSQL docs, CREATE SEQUENCE); its position is set after the load ({@link #setSequence}).
     *
     * @param schema the target schema, never null
     * @param sequence the sequence, never null
     * @return one statement, never null
     */
    public String createSequence(String schema, CatalogSequence sequence) {
        return "CREATE SEQUENCE IF NOT EXISTS " + render(DSL.name(schema, sequence.name())) + " AS "
                + sequence.dataType() + " INCREMENT BY " + sequence.increment() + " MINVALUE " + sequence.min()
                + " MAXVALUE " + sequence.max() + " START WITH " + sequence.start()
                + (sequence.cycle() ? " CYCLE" : " NO CYCLE");
    }

    /**
     * Sets a free-standing sequence to the source's last value, so its next value follows the source's
     * ({@code setval}, PostgreSQL docs §9.17).
     *
     * @param schema the target schema, never null
     * @param sequence the sequence, with a last value, never null
     * @return one query, never null
     * @throws IllegalArgumentException when the sequence never handed out a value (there is nothing to set)
     */
    public String setSequence(String schema, CatalogSequence sequence) {
        if (sequence.lastValue() == null) {
            throw new IllegalArgumentException("sequence " + sequence.name() + " never handed out a value");
        }
        return dsl.select(DSL.function(DSL.name("pg_catalog", "setval"), Long.class,
                DSL.inline(dsl.render(DSL.name(schema, sequence.name()))), DSL.inline(sequence.lastValue()))).getSQL();
    }

    /**
     * {@code CREATE TABLE} with every column, its exact type and collation, NOT NULL, default and generation; constraints and
     * indexes come after the load.
     *
     * @param target the target table, never null
     * @param table the source table's definition, never null
     * @return one statement, never null
     */
    public String createTable(TableId target, CatalogTable table) {
        return "CREATE TABLE " + render(name(target)) + " ("
                + table.columns().stream().map(this::column).collect(Collectors.joining(", ")) + ")";
    }

    private String column(CatalogColumn column) {
        StringBuilder sql = new StringBuilder(render(DSL.name(column.name()))).append(' ');
        String type = column.collation() == null ? column.type() : column.type() + " COLLATE " + column.collation();
        switch (column.generation()) {
            case SERIAL -> sql.append(SERIAL_TYPES.getOrDefault(column.type(), column.type()));
            case IDENTITY_ALWAYS -> sql.append(type).append(" GENERATED ALWAYS AS IDENTITY");
            case IDENTITY_BY_DEFAULT -> sql.append(type).append(" GENERATED BY DEFAULT AS IDENTITY");
            case STORED -> sql.append(type).append(" GENERATED ALWAYS AS (").append(column.defaultSql())
                    .append(") STORED");
            case NONE -> {
                sql.append(type);
                if (column.defaultSql() != null) {
                    sql.append(" DEFAULT ").append(column.defaultSql());
                }
            }
        }
        if (column.notNull()) {
            sql.append(" NOT NULL");
        }
        return sql.toString();
    }

    /**
     * {@code ALTER TABLE … ADD CONSTRAINT name definition}: a primary key, UNIQUE, CHECK, EXCLUDE or foreign key.
     *
     * @param target the target table, never null
     * @param constraint the constraint, never null
     * @return one statement, never null
     */
    public String addConstraint(TableId target, CatalogConstraint constraint) {
        return "ALTER TABLE " + render(name(target)) + " ADD CONSTRAINT " + render(DSL.name(constraint.name())) + ' '
                + constraint.definition();
    }

    /**
     * {@code CREATE [UNIQUE] INDEX name ON table USING …}.
     *
     * @param target the target table, never null
     * @param index the index, never null
     * @return one statement, never null
     */
    public String createIndex(TableId target, CatalogIndex index) {
        return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + render(DSL.name(index.name())) + " ON "
                + render(name(target)) + ' ' + index.methodAndKeys();
    }

    /**
     * Moves the sequence of an identity or serial column to the larger of the source sequence's last value and
     * the largest loaded value, so the next generated value follows both ({@code setval} with {@code is_called}
     * true, PostgreSQL docs §9.17). Returns no row and changes nothing when both are unknown (an empty table
     * whose source sequence was never used).
     *
     * @param target the target table, never null
     * @param column the column name, never null
     * @param sourceLastValue the source sequence's last value, null when it never handed one out
     * @return one query, never null
     */
    public String restartSequence(TableId target, String column, Long sourceLastValue) {
        Name table = name(target);
        var last = sourceLastValue == null ? DSL.inline(null, Long.class) : DSL.inline(sourceLastValue);
        var next = DSL.greatest(last, DSL.max(DSL.field(DSL.name(column), Long.class)));
        // pg_get_serial_sequence parses its first argument as SQL (quoted) and takes the column literally.
        return dsl.select(DSL.function(DSL.name("pg_catalog", "setval"), Long.class,
                        DSL.function(DSL.name("pg_catalog", "pg_get_serial_sequence"), String.class,
                                DSL.inline(dsl.render(table)), DSL.inline(column)), next))
                .from(DSL.table(table)).having(next.isNotNull()).getSQL();
    }

    /**
     * {@code CREATE VIEW … AS query} with the query as {@code pg_get_viewdef} printed it.
     *
     * @param target the target view's qualified name, never null
     * @param view the source view, never null
     * @return one statement, never null
     */
    public String createView(TableId target, View view) {
        String query = view.sourceSql().strip();
        if (query.endsWith(";")) {
            query = query.substring(0, query.length() - 1);
        }
        return "CREATE VIEW " + render(name(target)) + " AS " + query;
    }

    /**
     * {@code DROP VIEW IF EXISTS … CASCADE}.
     *
     * @param target the view, never null
     * @return one statement, never null
     */
    public String dropView(TableId target) {
        return dsl.dropViewIfExists(name(target)).cascade().getSQL();
    }

    private String render(Name name) {
        return dsl.render(name);
    }

    private static Name name(TableId table) {
        return DSL.name(table.schema(), table.name());
    }
}
