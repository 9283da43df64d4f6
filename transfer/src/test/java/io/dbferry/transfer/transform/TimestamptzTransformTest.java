package io.dbferry.transfer.transform;

import static io.dbferry.transfer.transform.Outcomes.converted;
import static io.dbferry.transfer.transform.Outcomes.rejectMessage;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * SQLite time values to timestamp with time zone. Expected instants are computed with java.time from the
 * value's own fields, not taken from the transform's output.
 */
class TimestamptzTransformTest {

    private final TimestamptzTransform transform = new TimestamptzTransform();

    private OffsetDateTime read(Object value) {
        return (OffsetDateTime) converted(transform.apply(value));
    }

    @Test
    void keepsTheInstantOfTextWithAnOffset() {
        Instant expected = OffsetDateTime.parse("2024-03-10T14:30:00.25+02:00").toInstant();

        assertThat(read("2024-03-10 14:30:00.25+02:00").toInstant()).isEqualTo(expected);
        assertThat(read("2024-03-10T12:30:00.25Z").toInstant()).isEqualTo(expected);
        assertThat(read("2024-03-09 23:30:00.25-13:00").toInstant()).isEqualTo(expected);
    }

    @Test
    void takesTextWithoutAnOffsetAsUtc() {
        assertThat(read("2024-03-10 14:30:00").toInstant())
                .isEqualTo(LocalDateTime.of(2024, 3, 10, 14, 30).toInstant(ZoneOffset.UTC));
        assertThat(read("2024-03-10").toInstant()).isEqualTo(Instant.parse("2024-03-10T00:00:00Z"));
    }

    @Test
    void takesNumbersAsUtcInstants() {
        assertThat(read(1_700_000_000L).toInstant()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(read(1_700_000_000_123L).toInstant()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
        // Julian day 2440587.5 is the Unix epoch (https://www.sqlite.org/lang_datefunc.html).
        assertThat(read(2_440_588.0).toInstant()).isEqualTo(Instant.parse("1970-01-01T12:00:00Z"));
    }

    @Test
    void answersInUtc() {
        assertThat(read("2024-03-10 14:30:00+02:00").getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(read(0.5).getOffset()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void rejectsTextThatIsNoTimestamp() {
        assertThat(rejectMessage(transform.apply("yesterday"), RejectReason.INVALID_TIMESTAMP))
                .startsWith("'yesterday' is not a timestamp: expected a four-digit year at character 1");
        assertThat(rejectMessage(transform.apply("12:30"), RejectReason.INVALID_TIMESTAMP))
                .isEqualTo("'12:30' is not a timestamp: it is a time of day without a date");
    }

    @Test
    void rejectsBlobsNamingTheType() {
        assertThat(rejectMessage(transform.apply(new byte[] {1}), RejectReason.UNSUPPORTED_STORAGE_CLASS))
                .isEqualTo("BLOB x'01' (1 byte) cannot be converted to timestamp with time zone");
    }
}
