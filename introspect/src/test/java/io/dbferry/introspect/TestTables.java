package io.dbferry.introspect;

import io.dbferry.introspect.mapping.IdentifierPolicy;
import io.dbferry.introspect.mapping.SchemaMapper;
import io.dbferry.introspect.mapping.SchemaMapping;
import io.dbferry.introspect.mapping.TypeMapping;
import io.dbferry.introspect.model.CheckConstraint;
import io.dbferry.introspect.model.Column;
import io.dbferry.introspect.model.ColumnType;
import io.dbferry.introspect.model.Dialect;
import io.dbferry.introspect.model.ForeignKey;
import io.dbferry.introspect.model.Index;
import io.dbferry.introspect.model.PrimaryKey;
import io.dbferry.introspect.model.ReferentialAction;
import io.dbferry.introspect.model.SchemaSnapshot;
import io.dbferry.introspect.model.Table;
import io.dbferry.introspect.model.TableId;
import io.dbferry.introspect.model.UniqueKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds model tables by hand for tests that need exact control over names, types and keys: SQLite source
 * tables in schema {@code main}, PostgreSQL target tables in schema {@code public} whose types use the
 * catalog's spellings ({@code character varying} with a length, {@code timestamp without time zone}).
 */
public final class TestTables {

    private TestTables() {}

    /**
     * Starts a source table in schema {@code main}.
     *
     * @param name the table name
     * @return a builder, never null
     */
    public static Builder source(String name) {
        return new Builder(new TableId("main", name));
    }

    /**
     * Starts a target table in schema {@code public}.
     *
     * @param name the table name
     * @return a builder, never null
     */
    public static Builder target(String name) {
        return new Builder(new TableId("public", name));
    }

    /**
     * Maps source tables as migrate does by default: the default type mapping, names preserved, schema
     * {@code public}.
     *
     * @param tables the source tables
     * @return never null
     */
    public static SchemaMapping map(Table... tables) {
        return new SchemaMapper(TypeMapping.sqliteToPostgres(), IdentifierPolicy.PRESERVE, "public")
                .map(List.of(tables));
    }

    /**
     * A PostgreSQL snapshot of schema {@code public}.
     *
     * @param tables the target tables
     * @return never null
     */
    public static SchemaSnapshot postgres(Table... tables) {
        return new SchemaSnapshot(Dialect.POSTGRES, "public", List.of(tables), List.of());
    }

    /**
     * A PostgreSQL {@code character varying(n)} as the catalog reports it.
     *
     * @param length the declared length in characters
     * @return never null
     */
    public static ColumnType characterVarying(int length) {
        return new ColumnType("character varying", length, 0, 0);
    }

    /**
     * A {@code numeric(p,s)} as either catalog reports it.
     *
     * @param precision decimal digits
     * @param scale fractional decimal digits
     * @return never null
     */
    public static ColumnType numeric(int precision, int scale) {
        return new ColumnType("numeric", 0, precision, scale);
    }

    /** Builds one {@link Table}; column modifiers ({@link #notNull()} …) apply to the last column added. */
    public static final class Builder {

        private final TableId id;
        private final List<Column> columns = new ArrayList<>();
        private PrimaryKey primaryKey;
        private final List<UniqueKey> uniqueKeys = new ArrayList<>();
        private final List<ForeignKey> foreignKeys = new ArrayList<>();
        private final List<Index> indexes = new ArrayList<>();
        private final List<CheckConstraint> checks = new ArrayList<>();

        private Builder(TableId id) {
            this.id = id;
        }

        /** Adds a nullable column without a default. */
        public Builder column(String name, ColumnType type) {
            columns.add(new Column(name, columns.size() + 1, type, true, null, false, false));
            return this;
        }

        /** Adds a nullable column of a type without modifiers. */
        public Builder column(String name, String type) {
            return column(name, ColumnType.of(type));
        }

        /** Makes the last column NOT NULL. */
        public Builder notNull() {
            Column c = last();
            return replaceLast(new Column(c.name(), c.position(), c.type(), false, c.defaultSql(), c.identity(),
                    c.autoincrement()));
        }

        /** Gives the last column a default expression. */
        public Builder defaultSql(String sql) {
            Column c = last();
            return replaceLast(new Column(c.name(), c.position(), c.type(), c.nullable(), sql, c.identity(),
                    c.autoincrement()));
        }

        /** Makes the last column a NOT NULL identity (a SQLite rowid alias, a PostgreSQL identity column). */
        public Builder identity() {
            Column c = last();
            return replaceLast(new Column(c.name(), c.position(), c.type(), false, c.defaultSql(), true,
                    c.autoincrement()));
        }

        /** Sets an unnamed primary key. */
        public Builder primaryKey(String... columnNames) {
            primaryKey = new PrimaryKey(null, List.of(columnNames));
            return this;
        }

        /** Sets a named primary key. */
        public Builder namedPrimaryKey(String name, String... columnNames) {
            primaryKey = new PrimaryKey(name, List.of(columnNames));
            return this;
        }

        /** Adds a UNIQUE constraint. */
        public Builder unique(String name, String... columnNames) {
            uniqueKeys.add(new UniqueKey(name, List.of(columnNames)));
            return this;
        }

        /** Adds a plain index. */
        public Builder index(String name, String... columnNames) {
            indexes.add(new Index(name, List.of(columnNames), false));
            return this;
        }

        /** Adds a unique index. */
        public Builder uniqueIndex(String name, String... columnNames) {
            indexes.add(new Index(name, List.of(columnNames), true));
            return this;
        }

        /** Adds an index as given. */
        public Builder index(Index index) {
            indexes.add(index);
            return this;
        }

        /** Adds a CHECK constraint. */
        public Builder check(String name, String sql) {
            checks.add(new CheckConstraint(name, sql));
            return this;
        }

        /** Adds an unnamed single-column foreign key to a table of the same schema, with no actions. */
        public Builder foreignKey(String column, String referencedTable, String referencedColumn) {
            foreignKeys.add(new ForeignKey(null, List.of(column), new TableId(id.schema(), referencedTable),
                    List.of(referencedColumn), ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION));
            return this;
        }

        /** Builds the table. */
        public Table build() {
            return new Table(id, columns, primaryKey, uniqueKeys, foreignKeys, indexes, checks, false);
        }

        private Column last() {
            return columns.getLast();
        }

        private Builder replaceLast(Column column) {
            columns.set(columns.size() - 1, column);
            return this;
        }
    }
}
