package io.dbferry.transfer.transform;

import static io.dbferry.transfer.transform.Outcomes.converted;
import static io.dbferry.transfer.transform.Outcomes.rejectMessage;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SQLite time values (lang_datefunc.html §2) to timestamp. Expectations were computed with the sqlite3 shell
 * (3.40.1), e.g. {@code select datetime(2460000.5)}, quoted next to each.
 */
class TimestampTransformTest {

    private final TimestampTransform transform = new TimestampTransform();

    private LocalDateTime read(Object value) {
        return (LocalDateTime) converted(transform.apply(value));
    }

    // Numbers: the 'auto' modifier.

    @Test
    void readsRealJulianDayNumber() {
        // datetime(2460000.5) = 2023-02-25 00:00:00
        assertThat(read(2460000.5)).isEqualTo(LocalDateTime.of(2023, 2, 25, 0, 0));
    }

    @Test
    void readsFractionOfJulianDay() {
        // strftime('%Y-%m-%d %H:%M:%f', 2460000.25) = 2023-02-24 18:00:00.000
        assertThat(read(2460000.25)).isEqualTo(LocalDateTime.of(2023, 2, 24, 18, 0));
    }

    @Test
    void readsIntegerJulianDayNumberAsNoon() {
        // datetime(2460000) = 2023-02-24 12:00:00
        assertThat(read(2460000L)).isEqualTo(LocalDateTime.of(2023, 2, 24, 12, 0));
    }

    @Test
    void readsJulianDayZeroAsNoonOf4714BC() {
        // datetime(0) = -4713-11-24 12:00:00
        assertThat(read(0L)).isEqualTo(LocalDateTime.of(-4713, 11, 24, 12, 0));
    }

    @Test
    void readsLastJulianDaysOfYear9999() {
        // datetime(5373484.4) = 9999-12-31 21:36:00
        assertThat(read(5373484.4)).isEqualTo(LocalDateTime.of(9999, 12, 31, 21, 36));
    }

    @Test
    void readsIntegersFromJulianRangeEndAsUnixSeconds() {
        // datetime(1700000000, 'unixepoch') = 2023-11-14 22:13:20
        assertThat(read(1700000000L)).isEqualTo(LocalDateTime.of(2023, 11, 14, 22, 13, 20));
    }

    @Test
    void readsRealAtJulianRangeEndAsUnixSeconds() {
        // datetime(5373484.5, 'auto') = 1970-03-04 04:38:04 (SQLite shows whole seconds)
        assertThat(read(5373484.5)).isEqualTo(LocalDateTime.of(1970, 3, 4, 4, 38, 4, 500_000_000));
    }

    @Test
    void readsNegativeUnixSeconds() {
        // datetime(-1, 'unixepoch') = 1969-12-31 23:59:59
        assertThat(read(-1L)).isEqualTo(LocalDateTime.of(1969, 12, 31, 23, 59, 59));
    }

    @Test
    void readsLargestUnixSeconds() {
        // datetime(253402300799, 'unixepoch') = 9999-12-31 23:59:59
        assertThat(read(253402300799L)).isEqualTo(LocalDateTime.of(9999, 12, 31, 23, 59, 59));
    }

    @Test
    void readsIntegersBeyondSecondsRangeAsUnixMilliseconds() {
        // strftime('%Y-%m-%d %H:%M:%f', 1700000000123/1000.0, 'unixepoch') = 2023-11-14 22:13:20.123
        assertThat(read(1700000000123L)).isEqualTo(LocalDateTime.of(2023, 11, 14, 22, 13, 20, 123_000_000));
        // datetime(-1000000000, 'unixepoch') = 1938-04-24 22:13:20
        assertThat(read(-1000000000000L)).isEqualTo(LocalDateTime.of(1938, 4, 24, 22, 13, 20));
    }

    @Test
    void keepsMicrosecondsOfRealUnixSeconds() {
        // strftime('%Y-%m-%d %H:%M:%f', 1700000000.123456, 'unixepoch') = 2023-11-14 22:13:20.123
        // (SQLite keeps milliseconds; PostgreSQL's to_timestamp() keeps the microseconds)
        assertThat(read(1700000000.123456)).isEqualTo(LocalDateTime.of(2023, 11, 14, 22, 13, 20, 123_456_000));
    }

    @Test
    void readsEarliestPostgresTimestamp() {
        // Julian day 0 is -210866760000 Unix seconds at noon; PostgreSQL starts 12 hours (43200 s) earlier.
        assertThat(read(-210866803200L)).isEqualTo(LocalDateTime.of(-4713, 11, 24, 0, 0));
    }

    @Test
    void rejectsUnixTimeBeforeEarliestPostgresTimestamp() {
        assertThat(rejectMessage(transform.apply(-210866803201L), RejectReason.INVALID_TIMESTAMP))
                .isEqualTo("-210866803201 is not a timestamp: it is before 4714-11-24 BC, the earliest"
                        + " timestamp PostgreSQL stores");
    }

    @Test
    void rejectsIntegerBeyondMillisecondRange() {
        assertThat(rejectMessage(transform.apply(253402300800000L), RejectReason.INVALID_TIMESTAMP))
                .isEqualTo("253402300800000 is not a timestamp: it is neither a Julian day number in"
                        + " [0, 5373484.5) nor Unix time within ±253402300799 seconds (or, for integers,"
                        + " ±253402300799999 milliseconds)");
    }

    @Test
    void rejectsRealBeyondSecondsRange() {
        assertThat(rejectMessage(transform.apply(1.0e12), RejectReason.INVALID_TIMESTAMP)).startsWith("1.0E12 is not");
    }

    @Test
    void rejectsNaNAndInfinity() {
        rejectMessage(transform.apply(Double.NaN), RejectReason.INVALID_TIMESTAMP);
        rejectMessage(transform.apply(Double.NEGATIVE_INFINITY), RejectReason.INVALID_TIMESTAMP);
    }

    // Text.

    @Test
    void readsDateAloneAsMidnight() {
        assertThat(read("2023-01-01")).isEqualTo(LocalDateTime.of(2023, 1, 1, 0, 0));
    }

    @Test
    void readsMinutesSecondsAndFractionAfterSpaceOrT() {
        assertThat(read("2023-01-01 12:34")).isEqualTo(LocalDateTime.of(2023, 1, 1, 12, 34));
        assertThat(read("2023-01-01T12:34:56")).isEqualTo(LocalDateTime.of(2023, 1, 1, 12, 34, 56));
        assertThat(read("2023-01-01 12:34:56.5")).isEqualTo(LocalDateTime.of(2023, 1, 1, 12, 34, 56, 500_000_000));
    }

    @Test
    void roundsFractionToMicrosecondsAsPostgresDoes() {
        // PostgreSQL 15: '2023-01-01 12:00:00.1234565'::timestamp = 2023-01-01 12:00:00.123456
        assertThat(read("2023-01-01 12:00:00.1234565"))
                .isEqualTo(LocalDateTime.of(2023, 1, 1, 12, 0, 0, 123_456_000));
        // '2023-01-01 12:00:00.1234575'::timestamp = 2023-01-01 12:00:00.123458
        assertThat(read("2023-01-01 12:00:00.1234575"))
                .isEqualTo(LocalDateTime.of(2023, 1, 1, 12, 0, 0, 123_458_000));
        // '2023-01-01 12:00:00.12345649999'::timestamp = 2023-01-01 12:00:00.123456
        assertThat(read("2023-01-01 12:00:00.12345649999"))
                .isEqualTo(LocalDateTime.of(2023, 1, 1, 12, 0, 0, 123_456_000));
        assertThat(read("2023-01-01 12:00:00.1234566"))
                .isEqualTo(LocalDateTime.of(2023, 1, 1, 12, 0, 0, 123_457_000));
    }

    @Test
    void carriesRoundingIntoTheNextYear() {
        // PostgreSQL 15: '2023-12-31 23:59:59.9999995'::timestamp = 2024-01-01 00:00:00
        assertThat(read("2023-12-31 23:59:59.9999995")).isEqualTo(LocalDateTime.of(2024, 1, 1, 0, 0));
    }

    @Test
    void convertsOffsetsToUtc() {
        // datetime('2023-01-01T12:00+02:00') = 2023-01-01 10:00:00
        assertThat(read("2023-01-01T12:00+02:00")).isEqualTo(LocalDateTime.of(2023, 1, 1, 10, 0));
        // strftime('%Y-%m-%d %H:%M:%f', '2023-01-01 12:00:00.5-05:30') = 2023-01-01 17:30:00.500
        assertThat(read("2023-01-01 12:00:00.5-05:30"))
                .isEqualTo(LocalDateTime.of(2023, 1, 1, 17, 30, 0, 500_000_000));
        // datetime('2023-12-31T23:30-01:00') = 2024-01-01 00:30:00
        assertThat(read("2023-12-31T23:30-01:00")).isEqualTo(LocalDateTime.of(2024, 1, 1, 0, 30));
    }

    @Test
    void readsZuluSuffixAsUtc() {
        // datetime('2024-02-29 23:59:59Z') = 2024-02-29 23:59:59
        assertThat(read("2024-02-29 23:59:59Z")).isEqualTo(LocalDateTime.of(2024, 2, 29, 23, 59, 59));
        assertThat(read("2024-02-29 23:59:59 z")).isEqualTo(LocalDateTime.of(2024, 2, 29, 23, 59, 59));
    }

    @Test
    void ignoresSurroundingWhitespace() {
        assertThat(read(" \t2023-01-01 12:00 \n")).isEqualTo(LocalDateTime.of(2023, 1, 1, 12, 0));
    }

    @Test
    void readsHour24AsMidnightOfTheNextDay() {
        // julianday('2023-01-01 24:00') = julianday('2023-01-02') = 2459946.5
        assertThat(read("2023-01-01 24:00")).isEqualTo(LocalDateTime.of(2023, 1, 2, 0, 0));
    }

    @Test
    void readsDigitsOnlyTextLikeTheNumber() {
        assertThat(read("1700000000")).isEqualTo(LocalDateTime.of(2023, 11, 14, 22, 13, 20));
        assertThat(read(" 2460000.5 ")).isEqualTo(LocalDateTime.of(2023, 2, 25, 0, 0));
        assertThat(read("-1")).isEqualTo(LocalDateTime.of(1969, 12, 31, 23, 59, 59));
    }

    @Test
    void rejectsDigitsOnlyTextOutOfRange() {
        assertThat(rejectMessage(transform.apply("99999999999999999999999"), RejectReason.INVALID_TIMESTAMP))
                .startsWith("'99999999999999999999999' is not a timestamp: it is neither a Julian day");
    }

    @Test
    void rejectsDayThatDoesNotExist() {
        assertThat(rejectMessage(transform.apply("2023-02-29"), RejectReason.INVALID_TIMESTAMP))
                .isEqualTo("'2023-02-29' is not a timestamp: day 29 does not exist in 2023-02");
        assertThat(read("2024-02-29")).isEqualTo(LocalDateTime.of(2024, 2, 29, 0, 0));
    }

    @Test
    void rejectsMonthThirteen() {
        assertThat(rejectMessage(transform.apply("2023-13-01"), RejectReason.INVALID_TIMESTAMP))
                .isEqualTo("'2023-13-01' is not a timestamp: month 13 does not exist");
    }

    @Test
    void namesWhereTheFormIsBroken() {
        assertThat(rejectMessage(transform.apply("2023-1-01"), RejectReason.INVALID_TIMESTAMP))
                .startsWith("'2023-1-01' is not a timestamp: expected a two-digit month at character 6 (accepted: "
                        + "YYYY-MM-DD");
    }

    @Test
    void rejectsTimeOfDayWithoutDate() {
        assertThat(rejectMessage(transform.apply("12:00"), RejectReason.INVALID_TIMESTAMP))
                .isEqualTo("'12:00' is not a timestamp: it is a time of day without a date");
    }

    @Test
    void rejectsHoursMinutesAndOffsetsOutOfRange() {
        assertThat(rejectMessage(transform.apply("2023-01-01 25:00"), RejectReason.INVALID_TIMESTAMP))
                .isEqualTo("'2023-01-01 25:00' is not a timestamp: 25:00:00 is not a time of day"
                        + " (hour 24 only as 24:00:00)");
        rejectMessage(transform.apply("2023-01-01 24:01"), RejectReason.INVALID_TIMESTAMP);
        rejectMessage(transform.apply("2023-01-01 12:60"), RejectReason.INVALID_TIMESTAMP);
        rejectMessage(transform.apply("2023-01-01 12:00:60"), RejectReason.INVALID_TIMESTAMP);
        assertThat(rejectMessage(transform.apply("2023-01-01 12:00+15:00"), RejectReason.INVALID_TIMESTAMP))
                .endsWith("offset +15:00 is out of range (at most ±14:59)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "now", "2023-01-01t12:00", "2023-01-01 12:00:00.", "2023-01-01 1:00",
        "2023-01-01 12:00+0200", "2023-01-01 12:00+02", "2023-01-01x", "23-01-01", "2023-01-01 12:00 UTC",
        "2023/01/01", "1.2.3", "-", "+"})
    void rejectsFormsSqliteDoesNotAccept(String text) {
        assertThat(rejectMessage(transform.apply(text), RejectReason.INVALID_TIMESTAMP))
                .startsWith(Rejections.quote(text) + " is not a timestamp: ");
    }

    @Test
    void rejectsBlobAsUnsupportedStorageClass() {
        rejectMessage(transform.apply(new byte[8]), RejectReason.UNSUPPORTED_STORAGE_CLASS);
    }
}
