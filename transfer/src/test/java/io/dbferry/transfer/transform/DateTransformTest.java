package io.dbferry.transfer.transform;

import static io.dbferry.transfer.transform.Outcomes.converted;
import static io.dbferry.transfer.transform.Outcomes.rejectMessage;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** SQLite time values to date; expectations computed with the sqlite3 shell, quoted next to each. */
class DateTransformTest {

    private final DateTransform transform = new DateTransform();

    @Test
    void readsDateText() {
        assertThat(converted(transform.apply("2023-01-01"))).isEqualTo(LocalDate.of(2023, 1, 1));
    }

    @Test
    void acceptsMidnightTimestampText() {
        assertThat(converted(transform.apply("2024-02-29T00:00:00.000"))).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void readsJulianDayNumberAtMidnight() {
        // date(2460000.5) = 2023-02-25
        assertThat(converted(transform.apply(2460000.5))).isEqualTo(LocalDate.of(2023, 2, 25));
    }

    @Test
    void readsUnixSecondsAtMidnight() {
        // datetime(1672531200, 'unixepoch') = 2023-01-01 00:00:00
        assertThat(converted(transform.apply(1672531200L))).isEqualTo(LocalDate.of(2023, 1, 1));
    }

    @Test
    void readsUnixMillisecondsAtMidnight() {
        assertThat(converted(transform.apply(1672531200000L))).isEqualTo(LocalDate.of(2023, 1, 1));
    }

    @Test
    void rejectsTimeOfDayAsLossy() {
        assertThat(rejectMessage(transform.apply("2023-01-01 12:00"), RejectReason.LOSSY_CONVERSION))
                .isEqualTo("'2023-01-01 12:00' is 2023-01-01T12:00 UTC, whose time of day a date column would drop");
    }

    @Test
    void rejectsIntegerJulianDayAsLossyBecauseItIsNoon() {
        // datetime(2460000) = 2023-02-24 12:00:00
        assertThat(rejectMessage(transform.apply(2460000L), RejectReason.LOSSY_CONVERSION))
                .isEqualTo("2460000 is 2023-02-24T12:00 UTC, whose time of day a date column would drop");
    }

    @Test
    void judgesMidnightAfterConvertingTheOffsetToUtc() {
        assertThat(converted(transform.apply("2023-01-02T02:00+02:00"))).isEqualTo(LocalDate.of(2023, 1, 2));
        rejectMessage(transform.apply("2023-01-02T00:00+02:00"), RejectReason.LOSSY_CONVERSION);
    }

    @Test
    void rejectsDayThatDoesNotExist() {
        assertThat(rejectMessage(transform.apply("2023-02-29"), RejectReason.INVALID_DATE))
                .isEqualTo("'2023-02-29' is not a date: day 29 does not exist in 2023-02");
    }

    @Test
    void rejectsNumberOutOfRange() {
        assertThat(rejectMessage(transform.apply(-1e12), RejectReason.INVALID_DATE))
                .startsWith("-1.0E12 is not a date: it is neither a Julian day number");
    }

    @Test
    void rejectsTimeOfDayAlone() {
        rejectMessage(transform.apply("12:00"), RejectReason.INVALID_DATE);
    }

    @Test
    void rejectsBlobAsUnsupportedStorageClass() {
        assertThat(rejectMessage(transform.apply(new byte[] {1, 2}), RejectReason.UNSUPPORTED_STORAGE_CLASS))
                .isEqualTo("BLOB x'0102' (2 bytes) cannot be converted to date");
    }
}
