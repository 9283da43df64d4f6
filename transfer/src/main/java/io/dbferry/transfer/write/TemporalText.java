package io.dbferry.transfer.write;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Dates and timestamps in the ISO form PostgreSQL reads back exactly (PostgreSQL docs §8.5.1): years
 * below 1 are written as the positive year with {@code BC}, since PostgreSQL has no year 0 (ISO year 0 is
 * 1 BC); years above 9999 without the {@code +} sign {@link LocalDate#toString()} adds.
 */
final class TemporalText {

    private TemporalText() {}

    static String timestamp(LocalDateTime t) {
        String text = date(t.toLocalDate().withYear(Math.max(1, t.getYear()))) + " " + t.toLocalTime();
        return t.getYear() > 0 ? text : bcDate(t.toLocalDate()) + " " + t.toLocalTime() + " BC";
    }

    static String date(LocalDate d) {
        int year = d.getYear();
        if (year >= 1 && year <= 9999) {
            return d.toString();
        }
        return year > 9999 ? String.format("%d-%02d-%02d", year, d.getMonthValue(), d.getDayOfMonth())
                : bcDate(d) + " BC";
    }

    private static String bcDate(LocalDate d) {
        return String.format("%04d-%02d-%02d", 1 - d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }
}
