package io.dbferry.introspect.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbferry.introspect.model.Column;
import io.dbferry.introspect.model.ColumnType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The PostgreSQL → SQLite type mapping, rule by rule, as the README's table states it. Sources: PostgreSQL docs
 * chapter 8 "Data Types" for the source names; https://www.sqlite.org/datatype3.html §3.1 for the affinity of each
 * declared name.
 */
class SqliteTypeMappingTest {

    private final SqliteTypeMapping mapping = new SqliteTypeMapping(Map.of("mood", List.of("sad", "ok", "happy")));

    @ParameterizedTest(name = "{0}({1},{2},{3}) -> {4}")
    @CsvSource(delimiter = '|', textBlock = """
            boolean                     | 0   | 0  | 0  | BOOLEAN      | BOOLEAN
            smallint                    | 0   | 0  | 0  | SMALLINT     | SMALLINT
            integer                     | 0   | 0  | 0  | INTEGER      | INTEGER
            bigint                      | 0   | 0  | 0  | BIGINT       | BIGINT
            real                        | 0   | 0  | 0  | REAL         | REAL
            double precision            | 0   | 0  | 0  | REAL         | REAL
            numeric                     | 0   | 10 | 2  | NUMERIC      | NUMERIC(10,2)
            numeric                     | 0   | 15 | 0  | NUMERIC      | NUMERIC(15,0)
            numeric                     | 0   | 16 | 2  | NUMERIC_TEXT | NUMERIC TEXT(16,2)
            numeric                     | 0   | 0  | 0  | NUMERIC_TEXT | NUMERIC TEXT
            text                        | 0   | 0  | 0  | TEXT         | TEXT
            character varying           | 160 | 0  | 0  | VARCHAR      | VARCHAR(160)
            character varying           | 0   | 0  | 0  | TEXT         | TEXT
            character                   | 3   | 0  | 0  | CHAR         | CHAR(3)
            bytea                       | 0   | 0  | 0  | BLOB         | BLOB
            date                        | 0   | 0  | 0  | DATE         | DATE
            time without time zone      | 0   | 0  | 0  | TIME         | TIME
            timestamp without time zone | 0   | 0  | 0  | TIMESTAMP    | TIMESTAMP
            timestamp with time zone    | 0   | 0  | 0  | TIMESTAMPTZ  | TIMESTAMPTZ
            uuid                        | 0   | 0  | 0  | UUID         | UUID
            json                        | 0   | 0  | 0  | JSON         | TEXT
            jsonb                       | 0   | 0  | 0  | JSON         | TEXT
            integer[]                   | 0   | 0  | 0  | ARRAY        | TEXT
            mood[]                      | 0   | 0  | 0  | ARRAY        | TEXT
            interval                    | 0   | 0  | 0  | OTHER        | TEXT
            time with time zone         | 0   | 0  | 0  | OTHER        | TEXT
            inet                        | 0   | 0  | 0  | OTHER        | TEXT
            """)
    void mapsEachPostgresTypeAsTheReadmeSays(String name, int length, int precision, int scale, SqliteType type,
            String declared) {
        SqliteColumnType mapped = mapping.map(new ColumnType(name, length, precision, scale));

        assertThat(mapped.type()).isEqualTo(type);
        assertThat(mapped.declared()).isEqualTo(declared);
    }

    @Test
    void mapsAnEnumToTextWithItsLabelsInDeclaredOrder() {
        SqliteColumnType mapped = mapping.map(ColumnType.of("mood"));

        assertThat(mapped.type()).isEqualTo(SqliteType.ENUM);
        assertThat(mapped.declared()).isEqualTo("TEXT");
        assertThat(mapped.enumLabels()).containsExactly("sad", "ok", "happy");
    }

    @Test
    void makesAnIdentityKeyInteger_evenWhenItIsBigint() {
        Column id = new Column("id", 1, ColumnType.of("bigint"), false, null, true, false);

        assertThat(mapping.map(id, true).declared()).isEqualTo("INTEGER");
        assertThat(mapping.map(id, false).declared()).isEqualTo("BIGINT");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            TIMESTAMP          | TIMESTAMP
            DATE               | DATE
            TIME               | TIME
            TIMESTAMPTZ        | TIMESTAMPTZ
            UUID               | UUID
            BOOLEAN            | BOOLEAN
            REAL               | DOUBLE_PRECISION
            NUMERIC TEXT       | NUMERIC
            """)
    void declaresNamesTheForwardMappingReadsBackAsTheSourceType(String declared, PostgresType type) {
        assertThat(TypeMapping.sqliteToPostgres().map(ColumnType.of(declared)).type()).isEqualTo(type);
    }

    @Test
    void comparesEachSqliteTypeAsThePostgresTypeItCameFrom() {
        assertThat(mapping.map(new ColumnType("numeric", 0, 30, 5)).postgresType())
                .isEqualTo(new TargetType(PostgresType.NUMERIC, 0, 30, 5));
        assertThat(mapping.map(ColumnType.of("integer[]")).postgresType()).isEqualTo(TargetType.of(PostgresType.JSONB));
        assertThat(mapping.map(ColumnType.of("mood")).postgresType()).isEqualTo(TargetType.of(PostgresType.TEXT));
        assertThat(mapping.map(new ColumnType("character varying", 40, 0, 0)).postgresType())
                .isEqualTo(new TargetType(PostgresType.VARCHAR, 40, 0, 0));
    }
}
