package io.dbferry.introspect.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbferry.introspect.mapping.TypeRule.Match;
import io.dbferry.introspect.mapping.TypeRule.Modifiers;
import io.dbferry.introspect.model.Column;
import io.dbferry.introspect.model.ColumnType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The default SQLite → PostgreSQL type mapping, rule by rule, as the README's table states it. */
class TypeMappingTest {

    private final TypeMapping mapping = TypeMapping.sqliteToPostgres();

    private TargetType map(String name, int length, int precision, int scale) {
        return mapping.map(new ColumnType(name, length, precision, scale));
    }

    @ParameterizedTest(name = "{0}({1},{2},{3}) -> {4}")
    @CsvSource(delimiter = '|', textBlock = """
            SMALLINT          | 0   | 0  | 0 | SMALLINT         | 0   | 0  | 0
            BOOLEAN           | 0   | 0  | 0 | BOOLEAN          | 0   | 0  | 0
            BOOL              | 0   | 0  | 0 | BOOLEAN          | 0   | 0  | 0
            REAL              | 0   | 0  | 0 | DOUBLE_PRECISION | 0   | 0  | 0
            DOUBLE            | 0   | 10 | 2 | DOUBLE_PRECISION | 0   | 0  | 0
            DOUBLE PRECISION  | 0   | 0  | 0 | DOUBLE_PRECISION | 0   | 0  | 0
            FLOAT             | 0   | 0  | 0 | DOUBLE_PRECISION | 0   | 0  | 0
            NUMERIC           | 0   | 10 | 2 | NUMERIC          | 0   | 10 | 2
            NUMERIC           | 0   | 0  | 0 | NUMERIC          | 0   | 0  | 0
            DECIMAL           | 0   | 5  | 0 | NUMERIC          | 0   | 5  | 0
            VARCHAR           | 40  | 0  | 0 | VARCHAR          | 40  | 0  | 0
            VARCHAR           | 0   | 0  | 0 | TEXT             | 0   | 0  | 0
            NVARCHAR          | 160 | 0  | 0 | VARCHAR          | 160 | 0  | 0
            VARYING CHARACTER | 255 | 0  | 0 | VARCHAR          | 255 | 0  | 0
            NATIVE CHARACTER  | 70  | 0  | 0 | VARCHAR          | 70  | 0  | 0
            CHARACTER VARYING | 9   | 0  | 0 | VARCHAR          | 9   | 0  | 0
            CHAR              | 3   | 0  | 0 | CHAR             | 3   | 0  | 0
            CHAR              | 0   | 0  | 0 | TEXT             | 0   | 0  | 0
            CHARACTER         | 20  | 0  | 0 | CHAR             | 20  | 0  | 0
            NCHAR             | 55  | 0  | 0 | CHAR             | 55  | 0  | 0
            TEXT              | 0   | 0  | 0 | TEXT             | 0   | 0  | 0
            CLOB              | 0   | 0  | 0 | TEXT             | 0   | 0  | 0
            BLOB              | 0   | 0  | 0 | BYTEA            | 0   | 0  | 0
            DATE              | 0   | 0  | 0 | DATE             | 0   | 0  | 0
            DATETIME          | 0   | 0  | 0 | TIMESTAMP        | 0   | 0  | 0
            TIMESTAMP         | 0   | 0  | 0 | TIMESTAMP        | 0   | 0  | 0
            TIME              | 0   | 0  | 0 | TIME             | 0   | 0  | 0
            JSON              | 0   | 0  | 0 | JSONB            | 0   | 0  | 0
            JSONB             | 0   | 0  | 0 | JSONB            | 0   | 0  | 0
            UUID              | 0   | 0  | 0 | UUID             | 0   | 0  | 0
            GUID              | 0   | 0  | 0 | UUID             | 0   | 0  | 0
            ''                | 0   | 0  | 0 | TEXT             | 0   | 0  | 0
            """)
    void mapsEachNamedTypeByItsDefaultRule(String name, int length, int precision, int scale, PostgresType type,
            int targetLength, int targetPrecision, int targetScale) {
        assertThat(map(name, length, precision, scale))
                .isEqualTo(new TargetType(type, targetLength, targetPrecision, targetScale));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            INT               | BIGINT
            INTEGER           | BIGINT
            TINYINT           | BIGINT
            MEDIUMINT         | BIGINT
            BIGINT            | BIGINT
            UNSIGNED BIG INT  | BIGINT
            UNSIGNED INT      | BIGINT
            INT2              | BIGINT
            INT8              | BIGINT
            CHARINT           | BIGINT
            FLOATING POINT    | BIGINT
            VARYING TEXT      | TEXT
            LONGTEXT          | TEXT
            NCLOB             | TEXT
            CHARACTERS        | TEXT
            MEDIUMBLOB        | BYTEA
            BLOBTEXT          | TEXT
            REALLY BIG        | DOUBLE_PRECISION
            FLOAT8            | DOUBLE_PRECISION
            DOUBLE_ISH        | DOUBLE_PRECISION
            STRING            | NUMERIC
            MONEY             | NUMERIC
            """)
    void fallsBackToSqliteAffinityForNamesNoRuleKnows(String name, PostgresType type) {
        // https://www.sqlite.org/datatype3.html §3.1: INT first (so CHARINT and FLOATING POINT are integers),
        // then CHAR/CLOB/TEXT, then BLOB, then REAL/FLOA/DOUB, else NUMERIC.
        assertThat(map(name, 0, 0, 0)).isEqualTo(TargetType.of(type));
    }

    @Test
    void keepsPrecisionAndScaleOfAnUnknownNameWithNumericAffinity() {
        assertThat(map("MONEY", 0, 19, 4)).isEqualTo(new TargetType(PostgresType.NUMERIC, 0, 19, 4));
    }

    @Test
    void matchesNamesWhateverTheirCase() {
        assertThat(map("nvarchar", 20, 0, 0)).isEqualTo(new TargetType(PostgresType.VARCHAR, 20, 0, 0));
        assertThat(map("DateTime", 0, 0, 0)).isEqualTo(TargetType.of(PostgresType.TIMESTAMP));
        assertThat(map("Bool", 0, 0, 0)).isEqualTo(TargetType.of(PostgresType.BOOLEAN));
    }

    @Test
    void mapsARowidAliasToBigintWhateverItsDeclaredName() {
        Column alias = new Column("id", 1, ColumnType.of("INTEGER"), false, null, true, false);
        Column plainInteger = new Column("n", 2, ColumnType.of("INTEGER"), true, null, false, false);

        assertThat(mapping.map(alias)).isEqualTo(TargetType.of(PostgresType.BIGINT));
        assertThat(mapping.map(plainInteger)).isEqualTo(TargetType.of(PostgresType.BIGINT));
        assertThat(mapping.map(new Column("s", 1, ColumnType.of("SMALLINT"), false, null, true, false)))
                .isEqualTo(TargetType.of(PostgresType.BIGINT));
    }

    @Test
    void letsOverridesWinOverTheDefaultRules() {
        TypeMapping overridden = mapping.withOverrides(List.of(
                new TypeRule(Match.EXACT, "datetime", PostgresType.TEXT, Modifiers.DROP),
                new TypeRule(Match.CONTAINS, "INT", PostgresType.INTEGER, Modifiers.DROP)));

        assertThat(overridden.map(ColumnType.of("DATETIME"))).isEqualTo(TargetType.of(PostgresType.TEXT));
        assertThat(overridden.map(ColumnType.of("BIGINT"))).isEqualTo(TargetType.of(PostgresType.INTEGER));
        assertThat(overridden.map(new ColumnType("NUMERIC", 0, 10, 2)))
                .isEqualTo(new TargetType(PostgresType.NUMERIC, 0, 10, 2));
        assertThat(overridden.rules()).hasSize(mapping.rules().size() + 2);
        assertThat(mapping.map(ColumnType.of("DATETIME"))).isEqualTo(TargetType.of(PostgresType.TIMESTAMP));
    }

    @Test
    void keepsTheDeclaredLengthWhenAnOverrideAsksForIt() {
        TypeMapping overridden = mapping.withOverrides(List.of(
                new TypeRule(Match.EXACT, "TEXT", PostgresType.VARCHAR, Modifiers.LENGTH_OR_TEXT)));

        assertThat(overridden.map(new ColumnType("TEXT", 80, 0, 0)))
                .isEqualTo(new TargetType(PostgresType.VARCHAR, 80, 0, 0));
        assertThat(overridden.map(ColumnType.of("TEXT"))).isEqualTo(TargetType.of(PostgresType.TEXT));
    }
}
