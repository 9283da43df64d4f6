package io.dbferry.transfer.write;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Dates and timestamps in the ISO form PostgreSQL reads back exactly (PostgreSQL docs §8.5.1): years
 * below 1 are written as the positive year with {@code BC}, since PostgreSQL has no year 0 (ISO year 0 is
 * 1 BC); years above 9999 without the {@code +} sign {@link LocalDate#toString()} adds. A timestamp with
 * time zone is written in UTC with an explicit {@code +00}, so the session's {@code TimeZone} setting
 * cannot change the instant.
 */
final class TemporalText {

    private TemporalText() {}

    static String timestamp(LocalDateTime t) {
        return dateTime(t, "");
    }

    static String timestamptz(OffsetDateTime t) {
        return dateTime(t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime(), "+00");
    }

    static String date(LocalDate d) {
        int year = d.getYear();
        if (year >= 1 && year <= 9999) {
            return d.toString();
        }
        return year > 9999 ? String.format("%d-%02d-%02d", year, d.getMonthValue(), d.getDayOfMonth())
                : bcDate(d) + " BC";
    }

    /** Date, time and zone; the era comes last, as PostgreSQL prints it ({@code … 12:00:00+00 BC}). */
    private static String dateTime(LocalDateTime t, String zone) {
        return t.getYear() > 0 ? date(t.toLocalDate()) + " " + t.toLocalTime() + zone
                : bcDate(t.toLocalDate()) + " " + t.toLocalTime() + zone + " BC";
    }

    private static String bcDate(LocalDate d) {
        return String.format("%04d-%02d-%02d", 1 - d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }
}
