package io.dbferry.introspect.mapping;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.mapping.CastRule.ColumnSelector;
import io.dbferry.introspect.mapping.CastRule.SourceName;
import io.dbferry.introspect.mapping.CastRule.TypeSelector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads one cast rule (grammar on {@link CastRules}). Keywords ignore case; a table or column name is
 * either a run of characters other than whitespace, {@code .} and {@code "}, or a double-quoted name in
 * which {@code ""} stands for one quote, as in SQL. One parser per rule: not thread-safe.
 */
final class CastRuleParser {

    private static final String COLUMN_EXAMPLE = "column events.payload to jsonb";
    private static final String TYPE_EXAMPLE = "type datetime to timestamptz";
    private static final String USING_EXAMPLE = "column t.created to timestamp using epoch-ms";

    /** {@code type DECLARED to REST}: the declared name runs up to the first word {@code to}. */
    private static final Pattern TYPE_RULE = Pattern.compile("(?i)type\\s+(.+?)\\s+to\\s+(.+)");
    /** A declared type: a name, optionally followed by {@code (a)} or {@code (a, b)}. */
    private static final Pattern DECLARED =
            Pattern.compile("([^()]+?)\\s*(?:\\(\\s*(\\d{1,9})\\s*(?:,\\s*(\\d{1,9})\\s*)?\\))?");
    /** {@code to REST} after a column name. */
    private static final Pattern TO = Pattern.compile("(?i)\\s+to\\s+(.+)");
    /** The start of a {@code using} clause. */
    private static final Pattern USING = Pattern.compile("(?i)\\s+using(?:\\s+|$)");

    private final String text;
    private final String origin;
    private int pos;

    private CastRuleParser(String text, String origin) {
        this.text = text.strip();
        this.origin = origin;
    }

    /**
     * Parses one rule.
     *
     * @param text the rule, surrounding whitespace ignored, never null
     * @param origin where the rule came from, prefixed to messages, e.g. {@code "casts.txt:3: "}; empty for
     *     none; never null
     * @return never null
     * @throws DbferryException with {@link ErrorCode#INVALID_CAST_RULE} quoting the rule, saying what was
     *     expected, with an example
     */
    static CastRule parse(String text, String origin) {
        return new CastRuleParser(text, origin).rule();
    }

    private CastRule rule() {
        String keyword = text.split("\\s", 2)[0].toLowerCase(Locale.ROOT);
        return switch (keyword) {
            case "column" -> columnRule();
            case "type" -> typeRule();
            default -> throw invalid("expected 'column' or 'type' first", COLUMN_EXAMPLE + ", or " + TYPE_EXAMPLE);
        };
    }

    private CastRule columnRule() {
        pos = "column".length();
        if (pos == text.length() || !Character.isWhitespace(text.charAt(pos))) {
            throw invalid("expected TABLE.COLUMN after 'column'", COLUMN_EXAMPLE);
        }
        while (Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        SourceName table = name("the table name");
        if (pos == text.length() || text.charAt(pos) != '.') {
            throw invalid("expected '.' and the column name after the table name " + table, COLUMN_EXAMPLE);
        }
        pos++;
        SourceName column = name("the column name");
        Matcher to = TO.matcher(text).region(pos, text.length());
        if (!to.matches()) {
            throw invalid("expected 'to TYPE' after the column name " + column
                    + " (quote names that contain spaces, dots or quotes)", COLUMN_EXAMPLE);
        }
        return target(new ColumnSelector(table, column), to.group(1));
    }

    private SourceName name(String what) {
        if (pos < text.length() && text.charAt(pos) == '"') {
            return quotedName(what);
        }
        int start = pos;
        while (pos < text.length() && !Character.isWhitespace(text.charAt(pos)) && text.charAt(pos) != '.'
                && text.charAt(pos) != '"') {
            pos++;
        }
        if (pos == start) {
            throw invalid("expected " + what + " at character " + (pos + 1), COLUMN_EXAMPLE);
        }
        return new SourceName(text.substring(start, pos), false);
    }

    private SourceName quotedName(String what) {
        StringBuilder name = new StringBuilder();
        for (pos++; pos < text.length(); pos++) {
            char c = text.charAt(pos);
            if (c == '"' && pos + 1 < text.length() && text.charAt(pos + 1) == '"') {
                name.append('"');
                pos++;
            } else if (c == '"') {
                pos++;
                if (name.isEmpty()) {
                    throw invalid("expected " + what + " inside the quotes", "column \"my table\".\"a.b\" to text");
                }
                return new SourceName(name.toString(), true);
            } else {
                name.append(c);
            }
        }
        throw invalid("expected a closing '\"' after " + what + " (write \"\" for a quote inside a name)",
                "column \"my table\".\"a.b\" to text");
    }

    private CastRule typeRule() {
        Matcher rule = TYPE_RULE.matcher(text);
        if (!rule.matches()) {
            throw invalid("expected 'type DECLARED to TYPE'", TYPE_EXAMPLE);
        }
        Matcher declared = DECLARED.matcher(rule.group(1));
        if (!declared.matches() || declared.group(1).isBlank()) {
            throw invalid("expected a declared type name, optionally with (n) or (p, s), before 'to', not '"
                    + rule.group(1) + "'", "type varchar(20) to text");
        }
        List<Integer> modifiers = new ArrayList<>();
        for (int group = 2; group <= 3 && declared.group(group) != null; group++) {
            modifiers.add(Integer.parseInt(declared.group(group)));
        }
        return target(new TypeSelector(declared.group(1), modifiers), rule.group(2));
    }

    /** Reads {@code TYPE [using TRANSFORM]}, the part after {@code to}. */
    private CastRule target(CastRule.Selector selector, String rest) {
        Matcher using = USING.matcher(rest);
        boolean hasUsing = using.find();
        TargetType target = targetType((hasUsing ? rest.substring(0, using.start()) : rest).strip());
        if (!hasUsing) {
            return new CastRule(text, selector, target, null);
        }
        String word = rest.substring(using.end()).strip();
        if (word.isEmpty() || word.chars().anyMatch(Character::isWhitespace)) {
            throw invalid("expected one transform after 'using', one of " + keywords(), USING_EXAMPLE);
        }
        CastTransform transform = CastTransform.of(word).orElseThrow(() -> invalid("unknown transform '" + word
                + "'; expected one of " + keywords(), USING_EXAMPLE));
        if (!transform.fits(target.type())) {
            throw invalid("using " + transform.keyword() + " does not fit " + target + "; the transforms fit: "
                    + CastTransform.combinations(), USING_EXAMPLE);
        }
        return new CastRule(text, selector, target, transform);
    }

    private TargetType targetType(String typeText) {
        int paren = typeText.indexOf('(');
        String name = (paren < 0 ? typeText : typeText.substring(0, paren)).strip();
        Optional<TargetType> base = PostgresTypeNames.parse(name);
        if (base.isEmpty()) {
            String advice = PostgresTypeNames.suggestion(name).map(s -> "; use " + s + " instead").orElse("");
            throw invalid("'" + typeText + "' is not a type dbferry writes" + advice + " (supported: "
                    + PostgresTypeNames.supported() + ")", COLUMN_EXAMPLE);
        }
        Optional<TargetType> target = PostgresTypeNames.parse(typeText);
        // PostgresTypeNames drops a time type's precision (it reads catalogs); a rule must not ask for one
        // that dbferry would not write.
        boolean precisionDropped = paren >= 0 && target.isPresent() && target.get().equals(base.get());
        if (target.isEmpty() || precisionDropped) {
            throw invalid("'" + typeText + "' has modifiers " + name + " does not take", modifiersExample(
                    base.get().type()));
        }
        return target.get();
    }

    private static String modifiersExample(PostgresType type) {
        return switch (type) {
            case VARCHAR, CHAR -> "type text to " + type.sqlName() + "(40)";
            case NUMERIC -> "type money to numeric(10,2)";
            default -> "type datetime to " + type.sqlName();
        };
    }

    private static String keywords() {
        return Arrays.stream(CastTransform.values()).map(CastTransform::keyword).collect(Collectors.joining(", "));
    }

    private DbferryException invalid(String expected, String example) {
        return new DbferryException(ErrorCode.INVALID_CAST_RULE, origin + "invalid cast rule \"" + text + "\": "
                + expected + " (example: " + example + ")");
    }
}
