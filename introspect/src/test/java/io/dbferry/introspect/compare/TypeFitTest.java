package io.dbferry.introspect.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbferry.introspect.mapping.PostgresType;
import io.dbferry.introspect.mapping.PostgresTypeNames;
import io.dbferry.introspect.mapping.TargetType;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How well an existing target type holds the values of the mapped type. Expected fits follow the ranges in
 * PostgreSQL docs §8.1 (smallint ±32767, integer ±2147483647, bigint ±9223372036854775807; numeric(p,s) holds
 * p − s integer digits; a double holds 15 significant digits exactly), §8.3 (varchar(n) limits length, char(n)
 * pads with blanks, text has no limit) and §8.5/§8.6 (date, timestamp, boolean input).
 */
class TypeFitTest {

    private static TypeFit fit(String mapped, String target) {
        return TypeFit.of(type(mapped), Optional.of(type(target)));
    }

    private static TargetType type(String name) {
        return PostgresTypeNames.parse(name).orElseThrow(() -> new AssertionError("not a type: " + name));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            bigint        | bigint
            numeric(10,2) | numeric(10,2)
            varchar(40)   | varchar(40)
            timestamp     | timestamp
            """)
    void findsEqualTypesTheSame(String mapped, String target) {
        assertThat(fit(mapped, target)).isEqualTo(TypeFit.SAME);
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            smallint | integer  | WIDENED
            smallint | bigint   | WIDENED
            integer  | bigint   | WIDENED
            bigint   | integer  | LOSSY
            bigint   | smallint | LOSSY
            integer  | smallint | LOSSY
            """)
    void comparesIntegerWidths(String mapped, String target, TypeFit expected) {
        assertThat(fit(mapped, target)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            numeric(10,2) | numeric(12,2) | WIDENED
            numeric(10,2) | numeric(12,4) | WIDENED
            numeric(10,2) | numeric       | WIDENED
            numeric(10,2) | numeric(9,2)  | LOSSY
            numeric(10,2) | numeric(10,1) | LOSSY
            numeric(10,2) | numeric(12,1) | LOSSY
            numeric       | numeric(38,6) | LOSSY
            bigint        | numeric(19,0) | WIDENED
            bigint        | numeric(18,0) | LOSSY
            bigint        | numeric(21,2) | WIDENED
            integer       | numeric(10,0) | WIDENED
            smallint      | numeric(5,0)  | WIDENED
            bigint        | numeric       | WIDENED
            numeric(9,0)  | integer       | WIDENED
            numeric(18,0) | bigint        | WIDENED
            numeric(10,2) | bigint        | LOSSY
            numeric       | bigint        | LOSSY
            """)
    void comparesNumericPrecisionAndScale(String mapped, String target, TypeFit expected) {
        assertThat(fit(mapped, target)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            numeric(4,0)  | smallint | WIDENED
            numeric(5,0)  | smallint | LOSSY
            numeric(10,0) | integer  | LOSSY
            numeric(19,0) | bigint   | LOSSY
            """)
    void findsAnIntegerTypeTooNarrowForEveryNumberOfItsLargestValuesDigits(String mapped, String target,
            TypeFit expected) {
        // integer's largest value, 2147483647, has 10 digits, but 9999999999 does not fit: it holds every
        // number of 9 digits only (smallint every number of 4, bigint of 18).
        assertThat(fit(mapped, target)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            double precision | numeric          | WIDENED
            double precision | numeric(30,10)   | LOSSY
            double precision | bigint           | LOSSY
            double precision | integer          | LOSSY
            integer          | double precision | WIDENED
            bigint           | double precision | LOSSY
            numeric(15,0)    | double precision | WIDENED
            numeric(16,0)    | double precision | LOSSY
            numeric(10,2)    | double precision | LOSSY
            numeric          | double precision | LOSSY
            """)
    void comparesDoublesWithExactNumbers(String mapped, String target, TypeFit expected) {
        assertThat(fit(mapped, target)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            varchar(40)  | varchar(80) | WIDENED
            varchar(80)  | varchar(40) | LOSSY
            text         | varchar(255)| LOSSY
            char(5)      | varchar(5)  | WIDENED
            char(5)      | char(10)    | WIDENED
            char(10)     | char(5)     | LOSSY
            varchar(40)  | char(40)    | LOSSY
            varchar(10)  | char(40)    | LOSSY
            text         | char(40)    | LOSSY
            """)
    void comparesTextLengthsAndBlankPadding(String mapped, String target, TypeFit expected) {
        assertThat(fit(mapped, target)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            varchar(40) | varchar     | WIDENED
            text        | varchar     | WIDENED
            char(5)     | varchar     | WIDENED
            varchar     | varchar(40) | LOSSY
            varchar     | text        | WIDENED
            """)
    void takesVarcharWithoutALengthAsUnlimited(String mapped, String target, TypeFit expected) {
        // "If character varying is used without length specifier, the type accepts strings of any size." (§8.3)
        assertThat(fit(mapped, target)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> text")
    @CsvSource(textBlock = """
            varchar(40)
            char(3)
            bigint
            'numeric(10,2)'
            double precision
            timestamp
            boolean
            jsonb
            uuid
            """)
    void findsTextWiderThanAnyType(String mapped) {
        assertThat(fit(mapped, "text")).isEqualTo(TypeFit.WIDENED);
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            bigint      | varchar(20) | LOSSY
            bigint      | char(20)    | LOSSY
            uuid        | char(36)    | LOSSY
            bytea       | text        | LOSSY
            timestamp   | varchar(40) | LOSSY
            varchar(40) | integer     | LOSSY
            text        | uuid        | LOSSY
            text        | jsonb       | LOSSY
            """)
    void leavesTextToAndFromOtherTypesToTheData(String mapped, String target, TypeFit expected) {
        assertThat(fit(mapped, target)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            date      | timestamp | WIDENED
            timestamp | date      | LOSSY
            timestamp | timestamptz | LOSSY
            timestamptz | timestamp | LOSSY
            date      | timestamptz | LOSSY
            time      | timestamp | INCOMPATIBLE
            date      | time      | INCOMPATIBLE
            timestamp | bigint    | INCOMPATIBLE
            """)
    void comparesDatesAndTimestamps(String mapped, String target, TypeFit expected) {
        assertThat(fit(mapped, target)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            boolean  | integer  | INCOMPATIBLE
            boolean  | smallint | INCOMPATIBLE
            boolean  | bigint   | INCOMPATIBLE
            bigint   | boolean  | LOSSY
            smallint | boolean  | LOSSY
            """)
    void comparesBooleansWithIntegers(String mapped, String target, TypeFit expected) {
        assertThat(fit(mapped, target)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            bytea | uuid
            jsonb | bigint
            uuid  | bytea
            """)
    void findsUnrelatedTypesIncompatible(String mapped, String target) {
        assertThat(fit(mapped, target)).isEqualTo(TypeFit.INCOMPATIBLE);
    }

    @Test
    void leavesATargetTypeDbferryDoesNotWriteToTheData() {
        assertThat(TypeFit.of(TargetType.of(PostgresType.TEXT), Optional.empty())).isEqualTo(TypeFit.LOSSY);
        assertThat(TypeFit.of(TargetType.of(PostgresType.BIGINT), Optional.empty())).isEqualTo(TypeFit.LOSSY);
    }
}
