package io.dbferry.cli;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations as people write them on a command line: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 1d}. */
final class DurationText {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private DurationText() {}

    /**
     * Parses a duration.
     *
     * @param text the value given, never null
     * @param option the option's name for the message, e.g. {@code --lookback}
     * @return never null, not negative
     * @throws DbferryException with {@link ErrorCode#INVALID_OPTION} when the text is not a number and a unit
     */
    static Duration parse(String text, String option) {
        Matcher matcher = DURATION.matcher(text.strip());
        if (!matcher.matches()) {
            throw new DbferryException(ErrorCode.INVALID_OPTION, option + " must be a whole number and a unit "
                    + "(ms, s, m, h or d), e.g. 5m or 30s; was '" + text + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
