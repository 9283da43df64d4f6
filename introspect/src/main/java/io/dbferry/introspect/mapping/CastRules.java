package io.dbferry.introspect.mapping;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The user's cast rules in the order they are tried, read from {@code --cast} options or a rules file
 * (issue 3, "compare"). Grammar, keywords in any case:
 *
 * <pre>
 * column TABLE.COLUMN to TYPE [using TRANSFORM]
 * type DECLARED to TYPE [using TRANSFORM]
 * </pre>
 *
 * <ul>
 *   <li>TABLE and COLUMN are source names; write them in double quotes when they contain spaces, dots or
 *       quotes ({@code "my table"."a.b"}, {@code ""} for a quote). Unquoted, they match a source name
 *       exactly or, when none is exactly equal, ignoring case.
 *   <li>DECLARED is a SQLite declared type name, possibly of several words ({@code floating point}), matched
 *       ignoring case; with modifiers ({@code varchar(20)}) only columns declared with the same ones match.
 *   <li>TYPE is a PostgreSQL type dbferry writes ({@link PostgresTypeNames#supported()}), with modifiers
 *       where the type takes them ({@code varchar(40)}, {@code numeric(10,2)}).
 *   <li>TRANSFORM is one of {@link CastTransform}, and must fit TYPE.
 * </ul>
 *
 * <p>For each column the first matching {@code column} rule wins, else the first matching {@code type}
 * rule, else the type mapping; see {@link SchemaMapper}.
 *
 * @param rules the rules in the order they are tried, never null, possibly empty
 */
public record CastRules(List<CastRule> rules) {

    private static final CastRules NONE = new CastRules(List.of());

    /** Copies the list. */
    public CastRules {
        rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
    }

    /**
     * No rules: every column gets the type mapping's type.
     *
     * @return never null
     */
    public static CastRules none() {
        return NONE;
    }

    /**
     * Parses rules given one per string, e.g. one per {@code --cast} option.
     *
     * @param rules the rules, never null, possibly empty
     * @return the rules in the same order, never null
     * @throws DbferryException with {@link ErrorCode#INVALID_CAST_RULE} for the first rule that cannot be
     *     parsed, quoting it, saying what was expected and showing an example
     */
    public static CastRules parse(List<String> rules) {
        return new CastRules(rules.stream().map(r -> CastRuleParser.parse(r, "")).toList());
    }

    /**
     * Parses a rules file: UTF-8 text, one rule a line; blank lines are ignored and {@code #} starts a
     * comment that runs to the end of the line (outside double-quoted names).
     *
     * @param file the file, never null
     * @return the rules in file order, never null
     * @throws DbferryException with {@link ErrorCode#INVALID_CAST_RULE} when the file cannot be read, or for
     *     the first rule that cannot be parsed, the message starting with {@code file:line:}
     */
    public static CastRules parseFile(Path file) {
        List<String> lines = read(file);
        List<CastRule> rules = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String rule = withoutComment(lines.get(i));
            if (!rule.isBlank()) {
                rules.add(CastRuleParser.parse(rule, file + ":" + (i + 1) + ": "));
            }
        }
        return new CastRules(rules);
    }

    /**
     * These rules, then {@code later} ones: with the same column matched by both, these win.
     *
     * @param later rules tried after these, never null
     * @return never null
     */
    public CastRules followedBy(CastRules later) {
        List<CastRule> combined = new ArrayList<>(rules);
        combined.addAll(later.rules);
        return new CastRules(combined);
    }

    /**
     * Whether there are no rules.
     *
     * @return true when empty
     */
    public boolean isEmpty() {
        return rules.isEmpty();
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            String why = switch (e) {
                case NoSuchFileException n -> "the file does not exist";
                case AccessDeniedException a -> "permission denied";
                case CharacterCodingException c -> "it is not UTF-8 text";
                default -> e.getMessage();
            };
            throw new DbferryException(ErrorCode.INVALID_CAST_RULE, "cannot read cast rules from " + file + ": "
                    + why + "; check the path of the rules file", e);
        }
    }

    /** The line up to a {@code #} that is not inside a double-quoted name. */
    private static String withoutComment(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '#' && !quoted) {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
