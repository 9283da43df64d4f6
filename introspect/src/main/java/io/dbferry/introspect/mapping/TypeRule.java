package io.dbferry.introspect.mapping;

import io.dbferry.introspect.model.ColumnType;
import java.util.Locale;
import java.util.Objects;

/**
 * One row of a type mapping: which declared source types it matches and the target type they become.
 *
 * <p>Matching ignores case. An {@link Match#EXACT} rule matches the declared name itself; a
 * {@link Match#CONTAINS} rule matches any name containing the pattern, which is how SQLite decides a
 * column's affinity (https://www.sqlite.org/datatype3.html §3.1).
 *
 * @param match how {@code pattern} is compared with the declared name, never null
 * @param pattern the upper-case name or fragment, never null (empty with EXACT matches untyped columns)
 * @param target the PostgreSQL type, never null
 * @param modifiers what happens to the declared length/precision/scale, never null
 */
public record TypeRule(Match match, String pattern, PostgresType target, Modifiers modifiers) {

    /** How a rule's pattern is compared with a declared type name. */
    public enum Match {
        /** The declared name equals the pattern. */
        EXACT,
        /** The declared name contains the pattern. */
        CONTAINS
    }

    /** What a rule does with the declared type's modifiers. */
    public enum Modifiers {
        /** Modifiers are dropped: the target type has none. */
        DROP,
        /** A declared length is kept ({@code varchar(n)}); without one the target is {@code text}. */
        LENGTH_OR_TEXT,
        /** A declared precision and scale are kept; without them the target is unconstrained. */
        PRECISION_SCALE
    }

    /** Validates the parts and upper-cases the pattern. */
    public TypeRule {
        Objects.requireNonNull(match, "match");
        pattern = Objects.requireNonNull(pattern, "pattern").toUpperCase(Locale.ROOT);
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(modifiers, "modifiers");
    }

    /**
     * Whether this rule applies to a declared type.
     *
     * @param declared the declared source type, never null
     * @return true when the name matches
     */
    public boolean matches(ColumnType declared) {
        String name = declared.name().trim().toUpperCase(Locale.ROOT);
        return match == Match.EXACT ? name.equals(pattern) : name.contains(pattern);
    }

    /**
     * The target type for a declared type this rule matches.
     *
     * @param declared the declared source type, never null
     * @return never null
     */
    public TargetType apply(ColumnType declared) {
        return switch (modifiers) {
            case DROP -> TargetType.of(target);
            case LENGTH_OR_TEXT -> declared.length() > 0
                    ? new TargetType(target, declared.length(), 0, 0)
                    : TargetType.of(PostgresType.TEXT);
            case PRECISION_SCALE -> declared.precision() > 0
                    ? new TargetType(target, 0, declared.precision(), Math.min(declared.scale(), declared.precision()))
                    : TargetType.of(target);
        };
    }
}
