package io.dbferry.transfer.transform;

import static io.dbferry.transfer.transform.Outcomes.converted;
import static io.dbferry.transfer.transform.Outcomes.rejectMessage;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbferry.introspect.mapping.CastRule;
import io.dbferry.introspect.mapping.CastRules;
import io.dbferry.introspect.mapping.MappedColumn;
import io.dbferry.introspect.mapping.PostgresType;
import io.dbferry.introspect.mapping.TargetType;
import io.dbferry.introspect.model.Column;
import io.dbferry.introspect.model.ColumnType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Transforms#forColumn(MappedColumn)}: each {@code using} of a cast rule reads numbers strictly in its
 * unit. Expected instants are computed with java.time ({@code Instant.ofEpochSecond}, {@code ofEpochMilli},
 * Julian day 2440587.5 = 1970-01-01T00:00Z), not taken from the transform's output.
 */
class CastTransformsTest {

    private static final Column SOURCE = new Column("created", 1, ColumnType.of("INTEGER"), true, null, false, false);

    private static ValueTransform forRule(String rule) {
        CastRule cast = CastRules.parse(List.of(rule)).rules().getFirst();
        return Transforms.forColumn(new MappedColumn(SOURCE, "created", cast.target(), true, false, cast));
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    @Test
    void readsEpochSecondsStrictly() {
        ValueTransform transform = forRule("column t.created to timestamp using epoch-s");

        // Without the rule, 86400 is Julian day 86400, in 4478 BC.
        assertThat(converted(transform.apply(86_400L))).isEqualTo(utc(Instant.ofEpochSecond(86_400)));
        assertThat(converted(transform.apply(1.5))).isEqualTo(utc(Instant.ofEpochMilli(1_500)));
        assertThat(converted(transform.apply("-1"))).isEqualTo(utc(Instant.ofEpochSecond(-1)));
    }

    @Test
    void readsEpochMillisecondsStrictly() {
        ValueTransform transform = forRule("column t.created to timestamp using epoch-ms");

        assertThat(converted(transform.apply(1_000L))).isEqualTo(utc(Instant.ofEpochMilli(1_000)));
        LocalDateTime expected = utc(Instant.ofEpochMilli(1_700_000_000_123L));
        assertThat(converted(transform.apply(1_700_000_000_123L))).isEqualTo(expected);
        assertThat(converted(transform.apply(" 1700000000123 "))).isEqualTo(expected);
        assertThat(converted(transform.apply(-1L))).isEqualTo(utc(Instant.ofEpochMilli(-1)));
        assertThat(converted(transform.apply(2.5))).isEqualTo(utc(Instant.EPOCH.plus(2_500, ChronoUnit.MICROS)));
    }

    @Test
    void readsEpochMicrosecondsStrictly() {
        ValueTransform transform = forRule("column t.created to timestamp using epoch-us");

        assertThat(converted(transform.apply(1_700_000_000_123_456L)))
                .isEqualTo(utc(Instant.EPOCH.plus(1_700_000_000_123_456L, ChronoUnit.MICROS)));
        assertThat(converted(transform.apply("253402300799999999")))
                .isEqualTo(LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000));
    }

    @Test
    void readsJulianDayNumbersStrictly() {
        ValueTransform transform = forRule("column t.created to timestamp using julian-day");
        Instant day2460000 = Instant.EPOCH.plus(Duration.ofHours((2_460_000 - 2_440_588) * 24L + 12));

        assertThat(converted(transform.apply(2_460_000L))).isEqualTo(utc(day2460000));
        assertThat(converted(transform.apply(2_460_000.25))).isEqualTo(utc(day2460000.plus(Duration.ofHours(6))));
        assertThat(rejectMessage(transform.apply(1_700_000_000L), RejectReason.INVALID_TIMESTAMP)).isEqualTo(
                "1700000000 is not a timestamp: it is not a Julian day number in [0, 5373484.5), as the cast rule's"
                        + " 'using julian-day' requires");
    }

    @Test
    void stillReadsTextThatIsNoNumberAsADateAndTime() {
        ValueTransform transform = forRule("column t.created to timestamp using epoch-ms");

        assertThat(converted(transform.apply("2024-01-02 03:04:05+01:00")))
                .isEqualTo(LocalDateTime.of(2024, 1, 2, 2, 4, 5));
    }

    @Test
    void rejectsNumbersOutsideTheUnitsRange() {
        assertThat(rejectMessage(forRule("column t.created to timestamp using epoch-s").apply(253_402_300_800L),
                RejectReason.INVALID_TIMESTAMP)).isEqualTo("253402300800 is not a timestamp: it is not Unix time in"
                        + " seconds within ±253402300799, as the cast rule's 'using epoch-s' requires");
        assertThat(rejectMessage(forRule("column t.created to timestamp using epoch-ms").apply("1e3"),
                RejectReason.INVALID_TIMESTAMP)).startsWith("'1e3' is not a timestamp: expected");
        assertThat(rejectMessage(forRule("column t.created to timestamp using epoch-us").apply(Double.NaN),
                RejectReason.INVALID_TIMESTAMP)).contains("it is not Unix time in microseconds within"
                        + " ±253402300799999999");
        assertThat(rejectMessage(forRule("column t.created to timestamp using epoch-s").apply(-210_866_803_201L),
                RejectReason.INVALID_TIMESTAMP)).endsWith("it is before 4714-11-24 BC, the earliest timestamp"
                        + " PostgreSQL stores");
    }

    @Test
    void appliesUnitsToDatesAndTimestampsWithTimeZone() {
        ValueTransform date = forRule("column t.created to date using epoch-s");
        ValueTransform timestamptz = forRule("column t.created to timestamptz using epoch-ms");

        assertThat(converted(date.apply(86_400L))).isEqualTo(LocalDate.of(1970, 1, 2));
        assertThat(rejectMessage(date.apply(86_401L), RejectReason.LOSSY_CONVERSION))
                .isEqualTo("86401 is 1970-01-02T00:00:01 UTC, whose time of day a date column would drop");
        assertThat(converted(timestamptz.apply(1_000L)))
                .isEqualTo(OffsetDateTime.ofInstant(Instant.ofEpochSecond(1), ZoneOffset.UTC));
    }

    @Test
    void usingBooleanIsTheBooleanTransform() {
        ValueTransform transform = forRule("column t.created to boolean using boolean");

        assertThat(transform).isInstanceOf(BooleanTransform.class);
        assertThat(converted(transform.apply("yes"))).isEqualTo(true);
    }

    @Test
    void withoutAUsingPicksByType() {
        CastRule cast = CastRules.parse(List.of("type integer to timestamptz")).rules().getFirst();

        assertThat(Transforms.forColumn(new MappedColumn(SOURCE, "c", cast.target(), true, false, cast)))
                .isInstanceOf(TimestamptzTransform.class);
        assertThat(Transforms.forColumn(new MappedColumn(SOURCE, "c", TargetType.of(PostgresType.TIMESTAMP), true,
                false))).isInstanceOf(TimestampTransform.class);
        // Without a rule 1000 is a Julian day, as SQLite's 'auto' reads it.
        assertThat(converted(Transforms.forColumn(new MappedColumn(SOURCE, "c", TargetType.of(PostgresType.TIMESTAMP),
                true, false)).apply(1_000L))).isEqualTo(LocalDateTime.of(-4710, 8, 20, 12, 0));
    }
}
