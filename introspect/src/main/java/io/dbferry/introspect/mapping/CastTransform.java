package io.dbferry.introspect.mapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a cast rule's {@code using} clause says values are read, and the target types each one fits.
 *
 * <p>The time units replace the automatic detection of numeric time values (Julian day, Unix seconds or
 * milliseconds by range): a number, or text that is a number, is read strictly in the given unit; other
 * text is still read as a date and time. They exist because the ranges overlap: 86400 is day 1970-01-02 in
 * seconds but 1970-01-01 00:01:26.4 in milliseconds.
 */
public enum CastTransform {
    /** The boolean spellings; the default for {@code boolean} anyway, accepted to make a rule explicit. */
    BOOLEAN("boolean", EnumSet.of(PostgresType.BOOLEAN)),
    /** Numbers are Unix time in seconds. */
    EPOCH_SECONDS("epoch-s", Times.TARGETS),
    /** Numbers are Unix time in milliseconds. */
    EPOCH_MILLIS("epoch-ms", Times.TARGETS),
    /** Numbers are Unix time in microseconds. */
    EPOCH_MICROS("epoch-us", Times.TARGETS),
    /** Numbers are Julian day numbers (days since noon UTC, 4714-11-24 BC), as SQLite's julianday() returns. */
    JULIAN_DAY("julian-day", Times.TARGETS);

    private final String keyword;
    private final Set<PostgresType> targets;

    CastTransform(String keyword, Set<PostgresType> targets) {
        this.keyword = keyword;
        this.targets = Set.copyOf(targets);
    }

    /**
     * The word that names this transform after {@code using}.
     *
     * @return never null, e.g. {@code "epoch-ms"}
     */
    public String keyword() {
        return keyword;
    }

    /**
     * Whether this transform can write to a column of the given type.
     *
     * @param type the target type, never null
     * @return true when a rule may combine them
     */
    public boolean fits(PostgresType type) {
        return targets.contains(type);
    }

    /**
     * The transform a {@code using} word names.
     *
     * @param keyword the word as written, any case, never null
     * @return empty when no transform has that name
     */
    public static Optional<CastTransform> of(String keyword) {
        String lower = keyword.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.keyword.equals(lower)).findFirst();
    }

    /**
     * Every transform with the target types it fits, for messages.
     *
     * @return {@code "boolean with boolean; epoch-s, epoch-ms, epoch-us or julian-day with date, timestamp
     *     or timestamp with time zone"}; never null
     */
    public static String combinations() {
        Map<Set<PostgresType>, List<String>> byTargets = new LinkedHashMap<>();
        for (CastTransform t : values()) {
            byTargets.computeIfAbsent(t.targets, k -> new ArrayList<>()).add(t.keyword);
        }
        return byTargets.entrySet().stream().map(e -> or(e.getValue()) + " with "
                + or(e.getKey().stream().sorted().map(PostgresType::sqlName).toList()))
                .collect(Collectors.joining("; "));
    }

    private static String or(List<String> words) {
        return words.size() == 1 ? words.getFirst()
                : String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.getLast();
    }

    /** The target types of the time units (a holder, because enum constants cannot see static fields). */
    private static final class Times {
        static final Set<PostgresType> TARGETS = EnumSet.of(PostgresType.DATE, PostgresType.TIMESTAMP,
                PostgresType.TIMESTAMPTZ);
    }
}
