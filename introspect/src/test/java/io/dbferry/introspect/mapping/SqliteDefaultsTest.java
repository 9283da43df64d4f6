package io.dbferry.introspect.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PostgreSQL defaults as {@code pg_get_expr} prints them, translated to SQLite literals
 * (https://www.sqlite.org/lang_createtable.html §3.2) or left out (NULL).
 */
class SqliteDefaultsTest {

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "NULL", textBlock = """
            0                                | INTEGER      | 0
            (-1)                             | BIGINT       | -1
            12.50                            | NUMERIC      | 12.50
            '0'::numeric                     | NUMERIC      | 0
            0                                | NUMERIC_TEXT | '0'
            'new'::character varying         | VARCHAR      | 'new'
            'it''s'::text                    | TEXT         | 'it''s'
            'happy'::mood                    | ENUM         | 'happy'
            true                             | BOOLEAN      | 1
            false                            | BOOLEAN      | 0
            now()                            | TIMESTAMPTZ  | NULL
            CURRENT_TIMESTAMP                | TIMESTAMP    | NULL
            gen_random_uuid()                | UUID         | NULL
            nextval('t_id_seq'::regclass)    | INTEGER      | NULL
            'abc'::text                      | INTEGER      | NULL
            '{}'::integer[]                  | ARRAY        | NULL
            """)
    void translatesLiteralsOnly(String postgres, SqliteType type, String sqlite) {
        assertThat(SqliteDefaults.translate(postgres, new SqliteColumnType(type, 0, 0, 0, List.of()))).isEqualTo(sqlite);
    }
}
