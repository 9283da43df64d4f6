package io.dbferry.transfer.transform;

/**
 * How numeric time values — INTEGER, REAL, and TEXT that is a number — are read: by {@link TimeNumber}'s
 * automatic detection, or strictly in the one unit a cast rule's {@code using} names (issue 3). Strict
 * reading exists because the automatic ranges overlap: 86400 is a day in seconds but 86.4 seconds in
 * milliseconds. Every result is microseconds since 1970-01-01T00:00 UTC, {@link TimeNumber#INVALID} or
 * {@link TimeNumber#TOO_EARLY}.
 */
enum TimeNumberUnit {
    /** Julian day, Unix seconds or (integers only) Unix milliseconds, by range; see {@link TimeNumber}. */
    AUTO("", 0),
    /** Unix time in seconds ({@code using epoch-s}). */
    UNIX_SECONDS("epoch-s", TimeText.MICROS_PER_SECOND),
    /** Unix time in milliseconds ({@code using epoch-ms}). */
    UNIX_MILLIS("epoch-ms", 1_000),
    /** Unix time in microseconds ({@code using epoch-us}). */
    UNIX_MICROS("epoch-us", 1),
    /** Julian day numbers ({@code using julian-day}). */
    JULIAN_DAY("julian-day", 0);

    private final String keyword;
    private final long unitMicros;

    TimeNumberUnit(String keyword, long unitMicros) {
        this.keyword = keyword;
        this.unitMicros = unitMicros;
    }

    /** Reads an INTEGER. */
    long fromInteger(long value) {
        return switch (this) {
            case AUTO -> TimeNumber.fromInteger(value);
            case JULIAN_DAY -> TimeNumber.fromJulianDay(value);
            default -> TimeNumber.fromUnix(value, unitMicros);
        };
    }

    /** Reads a REAL; NaN and infinities are {@link TimeNumber#INVALID}. */
    long fromReal(double value) {
        return switch (this) {
            case AUTO -> TimeNumber.fromReal(value);
            case JULIAN_DAY -> TimeNumber.fromJulianDay(value);
            default -> TimeNumber.fromUnix(value, unitMicros);
        };
    }

    /**
     * Reads TEXT that is a number: with a decimal point as a REAL, otherwise as an INTEGER.
     *
     * @param number an optional sign, digits and at most one decimal point, with at least one digit
     */
    long fromText(String number) {
        return number.indexOf('.') >= 0 ? fromReal(Double.parseDouble(number))
                : fromInteger(TimeNumber.integerOf(number));
    }

    /**
     * Says why a number was refused.
     *
     * @param result {@link TimeNumber#INVALID} or {@link TimeNumber#TOO_EARLY}
     * @return a clause for a reject message, never null
     */
    String problem(long result) {
        if (this == AUTO || result == TimeNumber.TOO_EARLY) {
            return TimeNumber.problem(result);
        }
        String range = switch (this) {
            case JULIAN_DAY -> "a Julian day number in [0, 5373484.5)";
            case UNIX_SECONDS -> "Unix time in seconds within ±" + TimeNumber.maxUnix(unitMicros);
            case UNIX_MILLIS -> "Unix time in milliseconds within ±" + TimeNumber.maxUnix(unitMicros);
            default -> "Unix time in microseconds within ±" + TimeNumber.maxUnix(unitMicros);
        };
        return "it is not " + range + ", as the cast rule's 'using " + keyword + "' requires";
    }
}
