package io.dbferry.transfer.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The COPY text format of PostgreSQL's docs (COPY, "File Formats", "Text Format"). */
class CopyTextEncoderTest {

    private static String encode(Object... values) {
        CopyTextEncoder encoder = new CopyTextEncoder();
        encoder.appendRow(values);
        return new String(encoder.buffer(), 0, encoder.length(), StandardCharsets.UTF_8);
    }

    @Test
    void separatesColumnsWithTabsAndEndsRowsWithNewline() {
        assertThat(encode(1L, "a", 2.5)).isEqualTo("1\ta\t2.5\n");
    }

    @Test
    void writesNullAsBackslashN() {
        assertThat(encode(null, "x")).isEqualTo("\\N\tx\n");
    }

    @Test
    void escapesBackslashTabNewlineAndCarriageReturn() {
        assertThat(encode("a\\b\tc\nd\re")).isEqualTo("a\\\\b\\tc\\nd\\re\n");
    }

    @Test
    void keepsTheLiteralTextBackslashN() {
        assertThat(encode("\\N")).isEqualTo("\\\\N\n");
    }

    @Test
    void encodesMultiByteCharactersAsUtf8() {
        CopyTextEncoder encoder = new CopyTextEncoder();
        encoder.appendRow(new Object[] {"é€😀"});
        byte[] expected = "é€😀\n".getBytes(StandardCharsets.UTF_8);
        assertThat(java.util.Arrays.copyOf(encoder.buffer(), encoder.length())).isEqualTo(expected);
    }

    @Test
    void writesBytesInHexWithTheBackslashEscaped() {
        assertThat(encode((Object) new byte[] {0, (byte) 0xff, 0x10})).isEqualTo("\\\\x00ff10\n");
    }

    @Test
    void writesBooleansUuidsAndNumbersInPostgresInputForm() {
        UUID uuid = UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        assertThat(encode(true, false, uuid, new BigDecimal("1E+3"), Double.NEGATIVE_INFINITY))
                .isEqualTo("t\tf\ta0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11\t1000\t-Infinity\n");
    }

    @Test
    void writesDatesAndTimesInIsoFormWithBcForYearsBeforeOne() {
        assertThat(encode(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000), LocalDate.of(2024, 2, 29),
                LocalTime.of(23, 59, 59))).isEqualTo("2024-01-02 03:04:05.123456\t2024-02-29\t23:59:59\n");
        assertThat(encode(LocalDate.of(0, 3, 15))).isEqualTo("0001-03-15 BC\n");
        assertThat(encode(LocalDate.of(12345, 1, 1))).isEqualTo("12345-01-01\n");
    }

    @Test
    void writesTimestampsWithTimeZoneInUtcWithAnExplicitOffset() {
        // 14:30:00.5 at +02:00 is 12:30:00.5 UTC; a timestamptz reads "+00" as UTC whatever the session's zone.
        assertThat(encode(OffsetDateTime.of(2024, 3, 10, 14, 30, 0, 500_000_000, ZoneOffset.ofHours(2))))
                .isEqualTo("2024-03-10 12:30:00.500+00\n");
        assertThat(encode(OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)))
                .isEqualTo("2024-01-01 00:00+00\n");
        assertThat(encode(OffsetDateTime.of(-4713, 11, 24, 12, 0, 0, 0, ZoneOffset.UTC)))
                .isEqualTo("4714-11-24 12:00+00 BC\n");
    }

    @Test
    void rejectsUnknownValueTypes() {
        assertThatThrownBy(() -> encode(new Object())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Object");
    }

    @Test
    void growsTheBufferForLargeValues() {
        String large = "x".repeat(200_000);
        assertThat(encode(large)).hasSize(200_001);
    }
}
