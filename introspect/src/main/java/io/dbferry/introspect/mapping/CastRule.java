package io.dbferry.introspect.mapping;

import io.dbferry.introspect.model.ColumnType;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A user's override of the type mapping: which source columns it selects, the target type they get and,
 * optionally, the transform that reads their values. Written as {@code column TABLE.COLUMN to TYPE [using
 * TRANSFORM]} or {@code type DECLARED to TYPE [using TRANSFORM]}; {@link CastRules#parse(List)} reads them.
 *
 * @param text the rule as the user wrote it, trimmed, for messages; never null
 * @param selector which source columns the rule applies to, never null
 * @param target the target column type, never null
 * @param transform how values are read, null for the target type's default transform; when present it fits
 *     the target type ({@link CastTransform#fits(PostgresType)})
 */
public record CastRule(String text, Selector selector, TargetType target, CastTransform transform) {

    /** Validates the parts. */
    public CastRule {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(target, "target");
        if (transform != null && !transform.fits(target.type())) {
            throw new IllegalArgumentException("using " + transform.keyword() + " does not fit " + target);
        }
    }

    /** Returns the rule as written. */
    @Override
    public String toString() {
        return text;
    }

    /** Which source columns a rule applies to. */
    public sealed interface Selector permits ColumnSelector, TypeSelector {}

    /**
     * Selects one column of one table by name ({@code column TABLE.COLUMN}).
     *
     * @param table the source table's name, never null
     * @param column the source column's name, never null
     */
    public record ColumnSelector(SourceName table, SourceName column) implements Selector {
        /** Validates the parts. */
        public ColumnSelector {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
        }
    }

    /**
     * Selects every column with a declared type name ({@code type DECLARED}), compared ignoring case and
     * runs of whitespace, and, when the rule gives them, with the same modifiers.
     *
     * @param name the declared type name as written, without modifiers, never null or blank
     * @param modifiers the numbers in parentheses, empty to match any; a trailing 0 scale is dropped, so
     *     {@code numeric(10,0)} is {@code [10]}, as {@code NUMERIC(10)} is declared; never null
     */
    public record TypeSelector(String name, List<Integer> modifiers) implements Selector {
        /** Validates the name, copies the modifiers and drops a trailing 0 scale. */
        public TypeSelector {
            if (Objects.requireNonNull(name, "name").isBlank()) {
                throw new IllegalArgumentException("declared type name must not be blank");
            }
            modifiers = List.copyOf(modifiers.size() == 2 && modifiers.get(1) == 0 ? modifiers.subList(0, 1)
                    : modifiers);
        }

        /**
         * Whether a column declared with this type is selected.
         *
         * @param declared the column's declared type, never null
         * @return true when the names match ignoring case and whitespace runs, and the modifiers match when
         *     the rule gives any
         */
        public boolean matches(ColumnType declared) {
            return normalized(declared.name()).equals(normalized(name))
                    && (modifiers.isEmpty() || modifiers.equals(modifiersOf(declared)));
        }

        /** Returns the declared type as a rule writes it, e.g. {@code varchar(20)}. */
        @Override
        public String toString() {
            return modifiers.isEmpty() ? name : name + modifiers.stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(",", "(", ")"));
        }

        private static List<Integer> modifiersOf(ColumnType declared) {
            int first = declared.length() > 0 ? declared.length() : declared.precision();
            if (first == 0) {
                return List.of();
            }
            return declared.scale() > 0 ? List.of(first, declared.scale()) : List.of(first);
        }

        private static String normalized(String typeName) {
            return typeName.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A table or column name in a rule. Unquoted, it matches a source name exactly or, when no name is
     * exactly equal, ignoring case; quoted ({@code "my table"}), it matches exactly only.
     *
     * @param name the name without quotes, never null or empty
     * @param quoted whether it was written in double quotes
     */
    public record SourceName(String name, boolean quoted) {
        /** Validates the name. */
        public SourceName {
            if (Objects.requireNonNull(name, "name").isEmpty()) {
                throw new IllegalArgumentException("name must not be empty");
            }
        }

        /**
         * Whether a source name is exactly this name.
         *
         * @param sourceName never null
         * @return true when equal, case included
         */
        public boolean matchesExactly(String sourceName) {
            return name.equals(sourceName);
        }

        /**
         * Whether a source name is this name in another case; always false when quoted.
         *
         * @param sourceName never null
         * @return true when unquoted and equal ignoring case
         */
        public boolean matchesIgnoringCase(String sourceName) {
            return !quoted && name.equalsIgnoreCase(sourceName);
        }

        /** Returns the name in double quotes, as in messages. */
        @Override
        public String toString() {
            return '"' + name.replace("\"", "\"\"") + '"';
        }
    }
}
