package io.dbferry.transfer.transform;

import static io.dbferry.transfer.transform.Outcomes.converted;
import static io.dbferry.transfer.transform.Outcomes.rejectMessage;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SQLite time-of-day values (lang_datefunc.html §2, formats 8–10) to time. */
class TimeTransformTest {

    private final TimeTransform transform = new TimeTransform();

    private LocalTime read(String text) {
        return (LocalTime) converted(transform.apply(text));
    }

    @Test
    void readsHoursAndMinutes() {
        assertThat(read("12:34")).isEqualTo(LocalTime.of(12, 34));
    }

    @Test
    void readsSecondsAndFraction() {
        assertThat(read("12:34:56")).isEqualTo(LocalTime.of(12, 34, 56));
        assertThat(read("12:34:56.789")).isEqualTo(LocalTime.of(12, 34, 56, 789_000_000));
    }

    @Test
    void roundsFractionToMicrosecondsAsPostgresDoes() {
        // PostgreSQL 15: '12:00:00.0000005'::time = 12:00:00, '12:00:00.0000015'::time = 12:00:00.000002,
        // '12:00:00.0000025'::time = 12:00:00.000002, '12:00:00.0000004999'::time = 12:00:00
        assertThat(read("12:00:00.0000005")).isEqualTo(LocalTime.of(12, 0));
        assertThat(read("12:00:00.0000015")).isEqualTo(LocalTime.of(12, 0, 0, 2_000));
        assertThat(read("12:00:00.0000025")).isEqualTo(LocalTime.of(12, 0, 0, 2_000));
        assertThat(read("12:00:00.0000004999")).isEqualTo(LocalTime.of(12, 0));
        assertThat(read("12:00:00.123456")).isEqualTo(LocalTime.of(12, 0, 0, 123_456_000));
    }

    @Test
    void convertsOffsetToUtcWrappingAroundMidnight() {
        // time('23:30-02:00') = 01:30:00
        assertThat(read("23:30-02:00")).isEqualTo(LocalTime.of(1, 30));
        // time('00:30+01:00') = 23:30:00
        assertThat(read("00:30+01:00")).isEqualTo(LocalTime.of(23, 30));
        assertThat(read(" 08:15Z ")).isEqualTo(LocalTime.of(8, 15));
    }

    @Test
    void rejectsDateTimeAsLossy() {
        assertThat(rejectMessage(transform.apply("2023-01-01 12:00"), RejectReason.LOSSY_CONVERSION))
                .isEqualTo("'2023-01-01 12:00' has a date, which a time column would drop");
    }

    @Test
    void rejectsInvalidDateTimeAsInvalidTime() {
        assertThat(rejectMessage(transform.apply("2023-02-30 12:00"), RejectReason.INVALID_TIME))
                .isEqualTo("'2023-02-30 12:00' is not a time of day: day 30 does not exist in 2023-02");
    }

    @Test
    void rejectsEndOfDayThatLocalTimeCannotHold() {
        assertThat(rejectMessage(transform.apply("24:00"), RejectReason.INVALID_TIME))
                .startsWith("'24:00' is not a time of day: 24:00:00, PostgreSQL's end of the day,");
        // PostgreSQL 15: '23:59:59.9999999'::time = 24:00:00
        rejectMessage(transform.apply("23:59:59.9999999"), RejectReason.INVALID_TIME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"25:00", "12:60", "12:00:60", "1:00", "noon", "12:00 x", "12", "12:00:00.", "",
        "12:00+14:60"})
    void rejectsOtherText(String text) {
        assertThat(rejectMessage(transform.apply(text), RejectReason.INVALID_TIME))
                .startsWith(Rejections.quote(text) + " is not a time of day: ");
    }

    @Test
    void namesAcceptedFormsWhenTheFormIsBroken() {
        assertThat(rejectMessage(transform.apply("1:00"), RejectReason.INVALID_TIME))
                .isEqualTo("'1:00' is not a time of day: expected a two-digit hour at character 1 (accepted:"
                        + " HH:MM[:SS[.SSS]], optionally ending in Z or ±HH:MM)");
    }

    @Test
    void rejectsNumbers() {
        rejectMessage(transform.apply(43200L), RejectReason.INVALID_TIME);
        assertThat(rejectMessage(transform.apply(0.5), RejectReason.INVALID_TIME))
                .startsWith("0.5 is not a time of day: a number is a point in time");
    }

    @Test
    void rejectsBlobAsUnsupportedStorageClass() {
        rejectMessage(transform.apply(new byte[0]), RejectReason.UNSUPPORTED_STORAGE_CLASS);
    }
}
