package io.dbferry.transfer.transform;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * Reads the text forms of SQLite time values (https://www.sqlite.org/lang_datefunc.html §2 "Time Values")
 * into microseconds since 1970-01-01T00:00 UTC: {@code YYYY-MM-DD}, optionally followed by a space or
 * {@code T} and {@code HH:MM}, {@code HH:MM:SS} or {@code HH:MM:SS.SSS}, then optionally by {@code Z} or
 * an offset {@code ±HH:MM}; or the time of day alone. Text that is a number (digits, optional sign and
 * fraction) is read as that number by {@link TimeNumber}, or in the {@link TimeNumberUnit} a cast rule names.
 *
 * <p>Rules, each with its source:
 * <ul>
 *   <li>Fixed field widths, an upper-case {@code T}, {@code Z} in either case, spaces before the zone,
 *       offsets up to ±14:59, seconds up to 59 and at least one digit after a decimal point: SQLite's
 *       parser ({@code parseYyyyMmDd}, {@code parseHhMmSs}, {@code parseTimezone} in {@code date.c}).
 *       PostgreSQL would also read a leap second {@code :60} and a bare trailing point.
 *   <li>Fractional seconds of any length, rounded to microseconds, PostgreSQL's resolution (PostgreSQL
 *       docs §8.5 "Date/Time Types"), exactly as PostgreSQL rounds them ({@link #fractionMicros()}); SQLite
 *       itself keeps milliseconds.
 *   <li>An offset is subtracted to give UTC, as SQLite's date functions do (lang_datefunc.html §2).
 *   <li>Dates that do not exist (2023-02-30) and hour 24 other than {@code 24:00:00} are rejected, as
 *       PostgreSQL rejects them (its times range up to 24:00:00, PostgreSQL docs §8.5, Table 8.9); SQLite
 *       would pass them.
 *   <li>Surrounding whitespace is ignored, as PostgreSQL's date/time input does ({@code ParseDateTime()}
 *       in its {@code datetime.c} skips it); SQLite ignores trailing whitespace only.
 *   <li>{@code now} is rejected: a migration must not invent values.
 * </ul>
 *
 * <p>One reader per value: not thread-safe. Failures return {@link #INVALID} and set {@link #problem()}.
 */
final class TimeText {

    /** Returned instead of microseconds when the text is not a time value; {@link #problem()} says why. */
    static final long INVALID = Long.MIN_VALUE;
    static final long MICROS_PER_SECOND = 1_000_000L;
    static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;
    /** The forms a date with an optional time may take, for messages. */
    static final String DATE_TIME_FORMS = "YYYY-MM-DD[ HH:MM[:SS[.SSS]]] with T or a space before the time,"
            + " optionally ending in Z or ±HH:MM; or a number";
    /** The forms a time of day may take, for messages. */
    static final String TIME_FORMS = "HH:MM[:SS[.SSS]], optionally ending in Z or ±HH:MM";

    private static final int MAX_ZONE_HOURS = 14;

    private final String text;
    /** The text's characters: array reads compile to far less machine code than {@code String.charAt}. */
    private final char[] chars;
    private final String forms;
    private final TimeNumberUnit unit;
    private final int end;
    private int pos;
    private long offsetMicros;
    private String problem = "";

    /**
     * A reader for one value.
     *
     * @param text the TEXT value, never null
     * @param forms the accepted forms a syntax problem lists, {@link #DATE_TIME_FORMS} or
     *     {@link #TIME_FORMS}; never null
     */
    TimeText(String text, String forms) {
        this(text, forms, TimeNumberUnit.AUTO);
    }

    /**
     * A reader for one value whose numbers are read in a given unit.
     *
     * @param text the TEXT value, never null
     * @param forms the accepted forms a syntax problem lists, never null
     * @param unit how text that is a number is read, never null
     */
    TimeText(String text, String forms, TimeNumberUnit unit) {
        this.text = text;
        this.chars = text.toCharArray();
        this.forms = forms;
        this.unit = unit;
        this.pos = Whitespace.start(text);
        this.end = Whitespace.end(text, pos);
    }

    /** Why the last read returned {@link #INVALID}; empty before that. */
    String problem() {
        return problem;
    }

    /** Whether the value starts like a date ({@code YYYY-}) rather than a time of day or a number. */
    boolean startsWithDate() {
        return end - pos >= 5 && isDigits(pos, 4) && chars[pos + 4] == '-';
    }

    /**
     * Reads a date with an optional time and zone, or a number.
     *
     * @return microseconds since 1970-01-01T00:00 UTC, or {@link #INVALID}
     */
    long dateTime() {
        if (!startsWithDate() && isNumber()) {
            long micros = unit.fromText(text.substring(pos, end));
            return TimeNumber.refused(micros) ? fail(unit.problem(micros)) : micros;
        }
        if (end - pos >= 3 && isDigits(pos, 2) && chars[pos + 2] == ':') {
            return fail("it is a time of day without a date");
        }
        long epochDay = date();
        if (epochDay == INVALID || pos == end) {
            return epochDay == INVALID ? INVALID : epochDay * MICROS_PER_DAY;
        }
        if (!skip(' ') && !skip('T')) {
            return expected("a space or T after the date");
        }
        long clock = clock();
        return clock == INVALID ? INVALID : epochDay * MICROS_PER_DAY + clock - offsetMicros;
    }

    /**
     * Reads a time of day with an optional zone up to the end of the value.
     *
     * @return microseconds since midnight in {@code [0, MICROS_PER_DAY]} (the upper bound is 24:00:00),
     *     before the zone's offset is applied; or {@link #INVALID}
     */
    long clock() {
        int hour = number(2, "a two-digit hour");
        int minute = hour < 0 || !expect(':') ? -1 : number(2, "two-digit minutes");
        if (minute < 0) {
            return INVALID;
        }
        int second = 0;
        long fraction = 0;
        if (skip(':')) {
            second = number(2, "two-digit seconds");
            fraction = second >= 0 && skip('.') ? fractionMicros() : 0;
            if (second < 0 || fraction < 0) {
                return INVALID;
            }
        }
        if (hour > 24 || minute > 59 || second > 59 || hour == 24 && (minute | second | fraction) != 0) {
            return fail(String.format("%02d:%02d:%02d is not a time of day (hour 24 only as 24:00:00)",
                    hour, minute, second));
        }
        if (!zone()) {
            return INVALID;
        }
        return pos == end ? ((hour * 60L + minute) * 60 + second) * MICROS_PER_SECOND + fraction
                : expected("the end of the value");
    }

    /** The zone offset read by the last {@link #clock()}, in microseconds east of UTC. */
    long offsetMicros() {
        return offsetMicros;
    }

    private long date() {
        int year = number(4, "a four-digit year");
        int month = year < 0 || !expect('-') ? -1 : number(2, "a two-digit month");
        int day = month < 0 || !expect('-') ? -1 : number(2, "a two-digit day");
        if (day < 0) {
            return INVALID;
        }
        if (month < 1 || month > 12) {
            return fail("month " + month + " does not exist");
        }
        if (day < 1 || day > Month.of(month).length(Year.isLeap(year))) {
            return fail(String.format("day %d does not exist in %04d-%02d", day, year, month));
        }
        return LocalDate.of(year, month, day).toEpochDay();
    }

    /**
     * Any number of digits after the point as microseconds; -1 when there are none. Up to six digits are
     * exact; more are rounded as PostgreSQL's {@code ParseFractionalSecond()} ({@code datetime.c}) rounds
     * them, {@code rint(strtod(fraction) * 1000000)}: to the nearest microsecond, ties of the binary value
     * to even ({@code .1234565} gives {@code .123456}, {@code .1234575} gives {@code .123458}).
     */
    private long fractionMicros() {
        int start = pos;
        while (pos < end && isDigit(chars[pos])) {
            pos++;
        }
        if (pos == start) {
            expected("digits after the decimal point");
            return -1;
        }
        if (pos - start > 6) {
            return (long) Math.rint(Double.parseDouble(text.substring(start - 1, pos)) * MICROS_PER_SECOND);
        }
        long micros = 0;
        for (int i = start; i < start + 6; i++) {
            micros = micros * 10 + (i < pos ? chars[i] - '0' : 0);
        }
        return micros;
    }

    /** Reads an optional zone, setting {@link #offsetMicros}; false with a problem when malformed. */
    private boolean zone() {
        offsetMicros = 0;
        while (pos < end && chars[pos] == ' ') {
            pos++;
        }
        if (pos == end || skip('Z') || skip('z')) {
            return true;
        }
        char sign = chars[pos];
        if (sign != '+' && sign != '-') {
            expected("Z or a ±HH:MM offset");
            return false;
        }
        pos++;
        int hours = number(2, "a two-digit offset hour");
        int minutes = hours < 0 || !expect(':') ? -1 : number(2, "two-digit offset minutes");
        if (minutes < 0) {
            return false;
        }
        if (hours > MAX_ZONE_HOURS || minutes > 59) {
            fail(String.format("offset %c%02d:%02d is out of range (at most ±14:59)", sign, hours, minutes));
            return false;
        }
        long micros = (hours * 60L + minutes) * 60 * MICROS_PER_SECOND;
        offsetMicros = sign == '-' ? -micros : micros;
        return true;
    }

    private boolean isNumber() {
        int i = pos < end && (chars[pos] == '-' || chars[pos] == '+') ? pos + 1 : pos;
        int digits = 0;
        boolean point = false;
        for (; i < end; i++) {
            char c = chars[i];
            if (c == '.' && !point) {
                point = true;
            } else if (isDigit(c)) {
                digits++;
            } else {
                return false;
            }
        }
        return digits > 0;
    }

    /** Reads exactly {@code width} digits; -1 with a problem naming {@code what} when they are not there. */
    private int number(int width, String what) {
        if (end - pos < width || !isDigits(pos, width)) {
            expected(what);
            return -1;
        }
        int value = 0;
        for (int i = 0; i < width; i++) {
            value = value * 10 + chars[pos++] - '0';
        }
        return value;
    }

    private boolean isDigits(int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (!isDigit(chars[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private boolean skip(char c) {
        if (pos < end && chars[pos] == c) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean expect(char c) {
        if (skip(c)) {
            return true;
        }
        expected("'" + c + "'");
        return false;
    }

    private long expected(String what) {
        return fail("expected " + what + " at character " + (pos + 1) + " (accepted: " + forms + ")");
    }

    private long fail(String why) {
        problem = why;
        return INVALID;
    }
}
