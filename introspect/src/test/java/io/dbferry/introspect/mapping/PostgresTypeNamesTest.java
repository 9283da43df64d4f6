package io.dbferry.introspect.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbferry.introspect.model.ColumnType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading PostgreSQL type names: the short names users write in cast rules and the SQL spellings the catalog
 * reports (PostgreSQL docs §8, Table 8.1 lists both).
 */
class PostgresTypeNamesTest {

    @ParameterizedTest(name = "{0} -> {1}({2},{3},{4})")
    @CsvSource(delimiter = '|', textBlock = """
            smallint                    | SMALLINT         | 0  | 0  | 0
            int2                        | SMALLINT         | 0  | 0  | 0
            integer                     | INTEGER          | 0  | 0  | 0
            int                         | INTEGER          | 0  | 0  | 0
            int4                        | INTEGER          | 0  | 0  | 0
            bigint                      | BIGINT           | 0  | 0  | 0
            int8                        | BIGINT           | 0  | 0  | 0
            double precision            | DOUBLE_PRECISION | 0  | 0  | 0
            float8                      | DOUBLE_PRECISION | 0  | 0  | 0
            numeric                     | NUMERIC          | 0  | 0  | 0
            numeric(10,2)               | NUMERIC          | 0  | 10 | 2
            decimal(12)                 | NUMERIC          | 0  | 12 | 0
            varchar(40)                 | VARCHAR          | 40 | 0  | 0
            character varying(40)       | VARCHAR          | 40 | 0  | 0
            varchar                     | VARCHAR          | 0  | 0  | 0
            char(3)                     | CHAR             | 3  | 0  | 0
            character(3)                | CHAR             | 3  | 0  | 0
            bpchar(3)                   | CHAR             | 3  | 0  | 0
            text                        | TEXT             | 0  | 0  | 0
            bytea                       | BYTEA            | 0  | 0  | 0
            boolean                     | BOOLEAN          | 0  | 0  | 0
            bool                        | BOOLEAN          | 0  | 0  | 0
            date                        | DATE             | 0  | 0  | 0
            timestamp                   | TIMESTAMP        | 0  | 0  | 0
            timestamp without time zone | TIMESTAMP        | 0  | 0  | 0
            timestamp(3)                | TIMESTAMP        | 0  | 0  | 0
            timestamp(0)                | TIMESTAMP        | 0  | 0  | 0
            timestamptz                 | TIMESTAMPTZ      | 0  | 0  | 0
            timestamp with time zone    | TIMESTAMPTZ      | 0  | 0  | 0
            time(0)                     | TIME             | 0  | 0  | 0
            time                        | TIME             | 0  | 0  | 0
            time without time zone      | TIME             | 0  | 0  | 0
            jsonb                       | JSONB            | 0  | 0  | 0
            uuid                        | UUID             | 0  | 0  | 0
            """)
    void readsShortAndCatalogSpellingsWithTheirModifiers(String text, PostgresType type, int length,
            int precision, int scale) {
        assertThat(PostgresTypeNames.parse(text)).contains(new TargetType(type, length, precision, scale));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NUMERIC(10,2)", "  numeric( 10 , 2 ) ", "Numeric (10, 2)", "DECIMAL(10,2)"})
    void ignoresCaseAndWhitespace(String text) {
        assertThat(PostgresTypeNames.parse(text)).contains(new TargetType(PostgresType.NUMERIC, 0, 10, 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"DOUBLE  PRECISION", "Double\tPrecision", " double precision "})
    void foldsRunsOfWhitespaceInsideAName(String text) {
        assertThat(PostgresTypeNames.parse(text)).contains(TargetType.of(PostgresType.DOUBLE_PRECISION));
    }

    @ParameterizedTest
    @ValueSource(strings = {"inet", "money", "serial", "integer[]",
            "varchar(40)[]", "_int4", "\"char\"", "", "double"})
    void rejectsTypesDbferryDoesNotWriteAndArrays(String text) {
        assertThat(PostgresTypeNames.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"numeric(2,5)", "numeric(,2)", "varchar(1,2)", "char(3,1)", "integer(5)", "text(10)",
            "bigint(20)", "timestamp(3,1)", "boolean(1)", "varchar(x)", "varchar(-1)", "numeric(10,2", "varchar()",
            "varchar(0)", "char(0)", "numeric(0)", "numeric(0,0)"})
    void rejectsModifiersThatDoNotFitTheType(String text) {
        assertThat(PostgresTypeNames.parse(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0}({1},{2},{3}) -> {4}({5},{6},{7})")
    @CsvSource(delimiter = '|', textBlock = """
            character varying           | 40 | 0  | 0 | VARCHAR          | 40 | 0  | 0
            character varying           | 0  | 0  | 0 | VARCHAR          | 0  | 0  | 0
            character                   | 1  | 0  | 0 | CHAR             | 1  | 0  | 0
            numeric                     | 0  | 10 | 2 | NUMERIC          | 0  | 10 | 2
            numeric                     | 0  | 19 | 0 | NUMERIC          | 0  | 19 | 0
            numeric                     | 0  | 0  | 0 | NUMERIC          | 0  | 0  | 0
            timestamp without time zone | 0  | 3  | 0 | TIMESTAMP        | 0  | 0  | 0
            timestamp without time zone | 0  | 0  | 0 | TIMESTAMP        | 0  | 0  | 0
            bigint                      | 0  | 0  | 0 | BIGINT           | 0  | 0  | 0
            double precision            | 0  | 0  | 0 | DOUBLE_PRECISION | 0  | 0  | 0
            text                        | 0  | 0  | 0 | TEXT             | 0  | 0  | 0
            """)
    void readsAColumnTypeAsThePostgresReaderReportsIt(String name, int length, int precision, int scale,
            PostgresType type, int targetLength, int targetPrecision, int targetScale) {
        assertThat(PostgresTypeNames.of(new ColumnType(name, length, precision, scale)))
                .contains(new TargetType(type, targetLength, targetPrecision, targetScale));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text[]", "mood", "interval", "USER-DEFINED"})
    void readsNoTypeForAColumnDbferryDoesNotWrite(String name) {
        assertThat(PostgresTypeNames.of(ColumnType.of(name))).isEmpty();
    }
}
