package io.dbferry.introspect.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbferry.introspect.model.ColumnType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Declared types as SQLite's grammar allows them (https://www.sqlite.org/syntax/type-name.html). */
class DeclaredTypeParserTest {

    @Test
    void readsOneNumberOfACharacterTypeAsItsLength() {
        assertThat(DeclaredTypeParser.parse("NVARCHAR(160)")).isEqualTo(new ColumnType("NVARCHAR", 160, 0, 0));
        assertThat(DeclaredTypeParser.parse("CHARACTER VARYING(20)"))
                .isEqualTo(new ColumnType("CHARACTER VARYING", 20, 0, 0));
        assertThat(DeclaredTypeParser.parse("nchar(55)")).isEqualTo(new ColumnType("nchar", 55, 0, 0));
    }

    @Test
    void readsOneNumberOfAnyOtherTypeAsItsPrecision() {
        assertThat(DeclaredTypeParser.parse("DECIMAL(5)")).isEqualTo(new ColumnType("DECIMAL", 0, 5, 0));
        assertThat(DeclaredTypeParser.parse("FLOAT(24)")).isEqualTo(new ColumnType("FLOAT", 0, 24, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NUMERIC(10,2)", "NUMERIC(10, 2)", " NUMERIC ( 10 , 2 ) ", "NUMERIC(+10,+2)"})
    void readsTwoNumbersAsPrecisionAndScaleWhateverTheSpacing(String declared) {
        assertThat(DeclaredTypeParser.parse(declared)).isEqualTo(new ColumnType("NUMERIC", 0, 10, 2));
    }

    @Test
    void keepsAMultiWordNameWithoutModifiersVerbatim() {
        assertThat(DeclaredTypeParser.parse("UNSIGNED BIG INT")).isEqualTo(ColumnType.of("UNSIGNED BIG INT"));
        assertThat(DeclaredTypeParser.parse("  DOUBLE PRECISION ")).isEqualTo(ColumnType.of("DOUBLE PRECISION"));
        assertThat(DeclaredTypeParser.parse("DATETIME")).isEqualTo(ColumnType.of("DATETIME"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void readsAnUntypedColumnAsTheEmptyName(String declared) {
        assertThat(DeclaredTypeParser.parse(declared)).isEqualTo(ColumnType.of(""));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            VARCHAR(-5)          | VARCHAR | 0 | 0 | 0
            NUMERIC(-10,2)       | NUMERIC | 0 | 0 | 0
            VARCHAR(99999999999) | VARCHAR | 0 | 0 | 0
            """)
    void ignoresNegativeAndOverlongNumbers(String declared, String name, int length, int precision, int scale) {
        assertThat(DeclaredTypeParser.parse(declared)).isEqualTo(new ColumnType(name, length, precision, scale));
    }

    @Test
    void capsTheScaleAtThePrecision() {
        // SQLite accepts NUMERIC(5,7); PostgreSQL before 15 would not, and the type mapping expects scale ≤ precision.
        assertThat(DeclaredTypeParser.parse("NUMERIC(5,7)")).isEqualTo(new ColumnType("NUMERIC", 0, 5, 5));
    }
}
