package io.dbferry.transfer.transform;

/**
 * Reads numeric SQLite time values into microseconds since 1970-01-01T00:00 UTC, the way SQLite's
 * {@code auto} modifier does (https://www.sqlite.org/lang_datefunc.html §3 "Modifiers"), extended with
 * epoch milliseconds:
 *
 * <ul>
 *   <li>A value in {@code [0, 5373484.5)} is a Julian day number (days since noon UTC on 4714-11-24 BC,
 *       proleptic Gregorian), rounded to milliseconds as SQLite computes it ({@code iJD} in {@code date.c});
 *       a REAL Julian day has no finer resolution (its ulp is about 40 microseconds today).
 *   <li>Otherwise a value within ±253402300799 (9999-12-31 23:59:59) is Unix time in seconds. A REAL is
 *       rounded to the nearest microsecond, as PostgreSQL's {@code to_timestamp(double precision)} does
 *       (PostgreSQL docs §9.9 "Date/Time Functions and Operators").
 *   <li>Otherwise an INTEGER within ±253402300799999 is Unix time in milliseconds, what Java and
 *       JavaScript applications commonly store. SQLite itself would reject it.
 *   <li>Anything else is {@link #INVALID}; a result before PostgreSQL's earliest timestamp, 4714-11-24
 *       00:00 BC (PostgreSQL docs §8.5, Table 8.9), is {@link #TOO_EARLY}.
 * </ul>
 *
 * <p>The single readings ({@link #fromJulianDay(long)}, {@link #fromUnix(long, long)}) are also what a
 * cast rule's {@code using} asks for instead of this detection; {@link TimeNumberUnit} picks one. Stateless.
 */
final class TimeNumber {

    /** Returned when the number is in none of the ranges. */
    static final long INVALID = TimeText.INVALID;
    /** Returned when the number maps to an instant before PostgreSQL's earliest timestamp. */
    static final long TOO_EARLY = Long.MIN_VALUE + 1;

    private static final double JULIAN_DAY_LIMIT = 5_373_484.5;
    private static final long MAX_UNIX_SECONDS = 253_402_300_799L;
    /** Julian day 2440587.5, the Unix epoch, in milliseconds. */
    private static final long UNIX_EPOCH_JULIAN_MILLIS = 210_866_760_000_000L;
    private static final long MILLIS_PER_DAY = 86_400_000L;
    /** 4714-11-24 00:00 BC (ISO year -4713) in Unix microseconds. */
    private static final long MIN_POSTGRES_MICROS = -210_866_803_200L * TimeText.MICROS_PER_SECOND;
    /** Larger than any accepted integer, small enough that ten times it plus 9 does not overflow. */
    private static final long TEXT_LIMIT = 900_000_000_000_000_000L;

    private TimeNumber() {}

    /**
     * Reads an INTEGER time value.
     *
     * @param value any integer
     * @return microseconds since the Unix epoch, {@link #INVALID} or {@link #TOO_EARLY}
     */
    static long fromInteger(long value) {
        if (value >= 0 && value < JULIAN_DAY_LIMIT) {
            return fromJulianDay(value);
        }
        if (value >= -MAX_UNIX_SECONDS && value <= MAX_UNIX_SECONDS) {
            return fromUnix(value, TimeText.MICROS_PER_SECOND);
        }
        return fromUnix(value, 1_000);
    }

    /**
     * Reads a REAL time value.
     *
     * @param value any double, including NaN and infinities (which are {@link #INVALID})
     * @return microseconds since the Unix epoch, {@link #INVALID} or {@link #TOO_EARLY}
     */
    static long fromReal(double value) {
        if (value >= 0 && value < JULIAN_DAY_LIMIT) {
            return fromJulianDay(value);
        }
        return fromUnix(value, TimeText.MICROS_PER_SECOND);
    }

    /**
     * Reads the digits of an integer, saturating at a value larger than any this class accepts.
     *
     * @param number an optional sign and digits, at least one; never null
     * @return the value, or ±{@value #TEXT_LIMIT} when it is larger
     */
    static long integerOf(String number) {
        char first = number.charAt(0);
        long value = 0;
        for (int i = first == '-' || first == '+' ? 1 : 0; i < number.length(); i++) {
            value = Math.min(value * 10 + number.charAt(i) - '0', TEXT_LIMIT);
        }
        return first == '-' ? -value : value;
    }

    /**
     * Reads a Julian day number, rounded to milliseconds as SQLite computes it.
     *
     * @param day days since noon UTC on 4714-11-24 BC
     * @return microseconds since the Unix epoch, or {@link #INVALID} outside {@code [0, 5373484.5)}
     */
    static long fromJulianDay(long day) {
        return day >= 0 && day < JULIAN_DAY_LIMIT ? (day * MILLIS_PER_DAY - UNIX_EPOCH_JULIAN_MILLIS) * 1_000
                : INVALID;
    }

    /**
     * Reads a fractional Julian day number, rounded to milliseconds as SQLite computes it.
     *
     * @param day days since noon UTC on 4714-11-24 BC; NaN is {@link #INVALID}
     * @return microseconds since the Unix epoch, or {@link #INVALID} outside {@code [0, 5373484.5)}
     */
    static long fromJulianDay(double day) {
        if (!(day >= 0 && day < JULIAN_DAY_LIMIT)) {
            return INVALID;
        }
        long julianMillis = (long) (day * MILLIS_PER_DAY + 0.5);
        return (julianMillis - UNIX_EPOCH_JULIAN_MILLIS) * 1_000;
    }

    /**
     * Reads Unix time in a unit, up to 9999-12-31 23:59:59 (plus the unit's fraction of a second).
     *
     * @param value a count of units since 1970-01-01T00:00 UTC
     * @param unitMicros microseconds per unit: 1 000 000, 1 000 or 1
     * @return microseconds since the Unix epoch, {@link #INVALID} or {@link #TOO_EARLY}
     */
    static long fromUnix(long value, long unitMicros) {
        long max = maxUnix(unitMicros);
        return value >= -max && value <= max ? notTooEarly(value * unitMicros) : INVALID;
    }

    /**
     * Reads fractional Unix time in a unit, rounded to the nearest microsecond as PostgreSQL's
     * {@code to_timestamp(double precision)} rounds.
     *
     * @param value a count of units since 1970-01-01T00:00 UTC; NaN and infinities are {@link #INVALID}
     * @param unitMicros microseconds per unit: 1 000 000, 1 000 or 1
     * @return microseconds since the Unix epoch, {@link #INVALID} or {@link #TOO_EARLY}
     */
    static long fromUnix(double value, long unitMicros) {
        long max = maxUnix(unitMicros);
        return value >= -max && value <= max ? notTooEarly((long) Math.rint(value * unitMicros)) : INVALID;
    }

    /** The largest accepted count of a unit: 9999-12-31 23:59:59 and the rest of that second. */
    static long maxUnix(long unitMicros) {
        return unitMicros == TimeText.MICROS_PER_SECOND ? MAX_UNIX_SECONDS
                : (MAX_UNIX_SECONDS + 1) * (TimeText.MICROS_PER_SECOND / unitMicros) - 1;
    }

    /**
     * Whether a result is {@link #INVALID} or {@link #TOO_EARLY} rather than microseconds.
     *
     * @param result a result of this class
     * @return true when the number was refused
     */
    static boolean refused(long result) {
        return result == INVALID || result == TOO_EARLY;
    }

    /**
     * Says why a number was refused.
     *
     * @param result {@link #INVALID} or {@link #TOO_EARLY}
     * @return a clause for a reject message, never null
     */
    static String problem(long result) {
        return result == TOO_EARLY
                ? "it is before 4714-11-24 BC, the earliest timestamp PostgreSQL stores"
                : "it is neither a Julian day number in [0, 5373484.5) nor Unix time within ±253402300799"
                        + " seconds (or, for integers, ±253402300799999 milliseconds)";
    }

    private static long notTooEarly(long micros) {
        return micros < MIN_POSTGRES_MICROS ? TOO_EARLY : micros;
    }
}
