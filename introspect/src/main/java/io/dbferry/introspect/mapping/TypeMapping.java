package io.dbferry.introspect.mapping;

import static io.dbferry.introspect.mapping.TypeRule.Match.CONTAINS;
import static io.dbferry.introspect.mapping.TypeRule.Match.EXACT;
import static io.dbferry.introspect.mapping.TypeRule.Modifiers.DROP;
import static io.dbferry.introspect.mapping.TypeRule.Modifiers.LENGTH_OR_TEXT;
import static io.dbferry.introspect.mapping.TypeRule.Modifiers.PRECISION_SCALE;

import io.dbferry.introspect.model.Column;
import io.dbferry.introspect.model.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Maps declared source column types to target column types by the first matching {@link TypeRule}.
 *
 * <p>The default SQLite → PostgreSQL mapping is faithful: no range, precision or length is lost. SQLite
 * integers are 64-bit, so every integer type becomes {@code bigint} unless declared {@code SMALLINT};
 * SQLite REAL is an 8-byte float, so it becomes {@code double precision}. Names no rule recognises fall
 * through to SQLite's own affinity rules (https://www.sqlite.org/datatype3.html §3.1). A column that is a
 * rowid alias ({@code INTEGER PRIMARY KEY}) is always {@code bigint}, made an identity by the DDL.
 *
 * <p>Immutable and thread-safe.
 */
public final class TypeMapping {

    private static final List<TypeRule> SQLITE_TO_POSTGRES = List.of(
            new TypeRule(EXACT, "SMALLINT", PostgresType.SMALLINT, DROP),
            new TypeRule(EXACT, "BOOLEAN", PostgresType.BOOLEAN, DROP),
            new TypeRule(EXACT, "BOOL", PostgresType.BOOLEAN, DROP),
            new TypeRule(EXACT, "REAL", PostgresType.DOUBLE_PRECISION, DROP),
            new TypeRule(EXACT, "DOUBLE", PostgresType.DOUBLE_PRECISION, DROP),
            new TypeRule(EXACT, "DOUBLE PRECISION", PostgresType.DOUBLE_PRECISION, DROP),
            new TypeRule(EXACT, "FLOAT", PostgresType.DOUBLE_PRECISION, DROP),
            new TypeRule(EXACT, "NUMERIC", PostgresType.NUMERIC, PRECISION_SCALE),
            new TypeRule(EXACT, "DECIMAL", PostgresType.NUMERIC, PRECISION_SCALE),
            new TypeRule(EXACT, "VARCHAR", PostgresType.VARCHAR, LENGTH_OR_TEXT),
            new TypeRule(EXACT, "NVARCHAR", PostgresType.VARCHAR, LENGTH_OR_TEXT),
            new TypeRule(EXACT, "VARYING CHARACTER", PostgresType.VARCHAR, LENGTH_OR_TEXT),
            new TypeRule(EXACT, "NATIVE CHARACTER", PostgresType.VARCHAR, LENGTH_OR_TEXT),
            new TypeRule(EXACT, "CHARACTER VARYING", PostgresType.VARCHAR, LENGTH_OR_TEXT),
            new TypeRule(EXACT, "CHAR", PostgresType.CHAR, LENGTH_OR_TEXT),
            new TypeRule(EXACT, "CHARACTER", PostgresType.CHAR, LENGTH_OR_TEXT),
            new TypeRule(EXACT, "NCHAR", PostgresType.CHAR, LENGTH_OR_TEXT),
            new TypeRule(EXACT, "TEXT", PostgresType.TEXT, DROP),
            new TypeRule(EXACT, "CLOB", PostgresType.TEXT, DROP),
            new TypeRule(EXACT, "BLOB", PostgresType.BYTEA, DROP),
            new TypeRule(EXACT, "DATE", PostgresType.DATE, DROP),
            new TypeRule(EXACT, "DATETIME", PostgresType.TIMESTAMP, DROP),
            new TypeRule(EXACT, "TIMESTAMP", PostgresType.TIMESTAMP, DROP),
            new TypeRule(EXACT, "TIME", PostgresType.TIME, DROP),
            // What dbferry's PostgreSQL → SQLite direction declares (SqliteType), read back as the type it came from.
            new TypeRule(EXACT, "TIMESTAMPTZ", PostgresType.TIMESTAMPTZ, DROP),
            new TypeRule(EXACT, "NUMERIC TEXT", PostgresType.NUMERIC, PRECISION_SCALE),
            new TypeRule(EXACT, "JSON", PostgresType.JSONB, DROP),
            new TypeRule(EXACT, "JSONB", PostgresType.JSONB, DROP),
            new TypeRule(EXACT, "UUID", PostgresType.UUID, DROP),
            new TypeRule(EXACT, "GUID", PostgresType.UUID, DROP),
            // An untyped column can hold anything; text keeps every value readable (integers and reals are
            // written in their decimal form).
            new TypeRule(EXACT, "", PostgresType.TEXT, DROP),
            // SQLite affinity, https://www.sqlite.org/datatype3.html §3.1, in the order SQLite applies it.
            new TypeRule(CONTAINS, "INT", PostgresType.BIGINT, DROP),
            new TypeRule(CONTAINS, "CHAR", PostgresType.TEXT, DROP),
            new TypeRule(CONTAINS, "CLOB", PostgresType.TEXT, DROP),
            new TypeRule(CONTAINS, "TEXT", PostgresType.TEXT, DROP),
            new TypeRule(CONTAINS, "BLOB", PostgresType.BYTEA, DROP),
            new TypeRule(CONTAINS, "REAL", PostgresType.DOUBLE_PRECISION, DROP),
            new TypeRule(CONTAINS, "FLOA", PostgresType.DOUBLE_PRECISION, DROP),
            new TypeRule(CONTAINS, "DOUB", PostgresType.DOUBLE_PRECISION, DROP),
            // Rule 5: everything else has NUMERIC affinity.
            new TypeRule(CONTAINS, "", PostgresType.NUMERIC, PRECISION_SCALE));

    private final List<TypeRule> rules;

    private TypeMapping(List<TypeRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * The default, faithful SQLite → PostgreSQL mapping described in the class comment and the README.
     *
     * @return never null
     */
    public static TypeMapping sqliteToPostgres() {
        return new TypeMapping(SQLITE_TO_POSTGRES);
    }

    /**
     * A mapping that tries {@code overrides} first, in order, then this mapping's rules.
     *
     * @param overrides rules that take precedence, never null, possibly empty
     * @return a new mapping, never null
     */
    public TypeMapping withOverrides(List<TypeRule> overrides) {
        List<TypeRule> combined = new ArrayList<>(Objects.requireNonNull(overrides, "overrides"));
        combined.addAll(rules);
        return new TypeMapping(combined);
    }

    /**
     * The rules in the order they are tried.
     *
     * @return never null, never empty
     */
    public List<TypeRule> rules() {
        return rules;
    }

    /**
     * Maps one column's declared type.
     *
     * @param column the source column, never null
     * @return the target type, never null
     */
    public TargetType map(Column column) {
        if (column.identity()) {
            return TargetType.of(PostgresType.BIGINT);
        }
        return map(column.type());
    }

    /**
     * Maps a declared type by the first rule that matches it.
     *
     * @param declared the declared source type, never null
     * @return the target type, never null; the last default rule matches every name
     * @throws IllegalStateException when override-only rules leave a name unmatched (cannot happen with
     *     the defaults)
     */
    public TargetType map(ColumnType declared) {
        for (TypeRule rule : rules) {
            if (rule.matches(declared)) {
                return rule.apply(declared);
            }
        }
        throw new IllegalStateException("no type rule matches " + declared);
    }
}
