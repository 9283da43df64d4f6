package io.dbferry.introspect.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Splits SQLite SQL into tokens the way SQLite's own tokenizer does (https://www.sqlite.org/lang_keywords.html,
 * https://www.sqlite.org/lang_expr.html §3 "Literal Values", and {@code tokenize.c}): string literals in single
 * quotes, identifiers quoted with {@code "…"}, {@code `…`} or {@code […]}, bare words, numbers, and one-character
 * punctuation; comments and white space separate tokens and are dropped. Each token keeps its offsets, so callers
 * can cut the original text of an expression out of a statement verbatim.
 *
 * <p>It is a lexer, not a parser: it never rejects input (an unterminated literal runs to the end). Stateless and
 * thread-safe.
 */
public final class SqliteTokenizer {

    /** What a token is. */
    public enum Kind {
        /** A bare word: a key word or an unquoted identifier. */
        WORD,
        /** An identifier in double quotes, backquotes or square brackets. */
        QUOTED_IDENTIFIER,
        /** A string literal in single quotes. */
        STRING,
        /** A numeric literal. */
        NUMBER,
        /** Any other character, e.g. {@code (}, {@code ,}, {@code =}. */
        PUNCTUATION
    }

    /**
     * One token.
     *
     * @param kind what it is, never null
     * @param start the offset of its first character in the tokenized text
     * @param end the offset just after its last character
     * @param value a word as written, an identifier or string without its quotes (doubled quotes undone), a number
     *     or punctuation as written; never null
     */
    public record Token(Kind kind, int start, int end, String value) {

        /** Validates the parts. */
        public Token {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(value, "value");
        }

        /**
         * Whether this is the given key word, in any case.
         *
         * @param keyword an upper-case key word, never null
         * @return true for a bare word spelling it
         */
        public boolean is(String keyword) {
            return kind == Kind.WORD && value.toUpperCase(Locale.ROOT).equals(keyword);
        }

        /**
         * Whether this is the given punctuation character.
         *
         * @param c the character
         * @return true when the token is exactly {@code c}
         */
        public boolean is(char c) {
            return kind == Kind.PUNCTUATION && value.length() == 1 && value.charAt(0) == c;
        }

        /**
         * Whether this token can name something: a bare word or a quoted identifier.
         *
         * @return true for {@code name}, {@code "Name"}, {@code [Name]}
         */
        public boolean isName() {
            return kind == Kind.WORD || kind == Kind.QUOTED_IDENTIFIER;
        }
    }

    private SqliteTokenizer() {}

    /**
     * Tokenizes SQL.
     *
     * @param sql the text, never null
     * @return the tokens in order, never null, possibly empty
     */
    public static List<Token> tokenize(String sql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (sql.startsWith("--", i)) {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? sql.length() : eol + 1;
            } else if (sql.startsWith("/*", i)) {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? sql.length() : close + 2;
            } else if (c == '\'') {
                i = quoted(sql, i, '\'', Kind.STRING, tokens);
            } else if (c == '"' || c == '`') {
                i = quoted(sql, i, c, Kind.QUOTED_IDENTIFIER, tokens);
            } else if (c == '[') {
                int close = sql.indexOf(']', i + 1);
                int end = close < 0 ? sql.length() : close + 1;
                tokens.add(new Token(Kind.QUOTED_IDENTIFIER, i, end, sql.substring(i + 1, close < 0 ? end : close)));
                i = end;
            } else if (Character.isDigit(c) || c == '.' && i + 1 < sql.length() && Character.isDigit(sql.charAt(i + 1))) {
                i = number(sql, i, tokens);
            } else if (isWordStart(c)) {
                int end = i + 1;
                while (end < sql.length() && isWordPart(sql.charAt(end))) {
                    end++;
                }
                tokens.add(new Token(Kind.WORD, i, end, sql.substring(i, end)));
                i = end;
            } else {
                tokens.add(new Token(Kind.PUNCTUATION, i, i + 1, String.valueOf(c)));
                i++;
            }
        }
        return tokens;
    }

    /**
     * The index of the token that closes the parenthesis opened at {@code open}.
     *
     * @param tokens the tokens, never null
     * @param open the index of a {@code (} token
     * @return the index of the matching {@code )}, or {@code tokens.size()} when it is missing
     */
    public static int closing(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).is('(')) {
                depth++;
            } else if (tokens.get(i).is(')') && --depth == 0) {
                return i;
            }
        }
        return tokens.size();
    }

    /**
     * Splits the tokens between two indexes at the commas outside parentheses.
     *
     * @param tokens the tokens, never null
     * @param from the first index, inclusive
     * @param to the last index, exclusive
     * @return the pieces as {@code [from, to)} index pairs, never null; one piece when there is no comma
     */
    public static List<int[]> splitAtCommas(List<Token> tokens, int from, int to) {
        List<int[]> pieces = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i < to; i++) {
            Token token = tokens.get(i);
            if (token.is('(')) {
                depth++;
            } else if (token.is(')')) {
                depth--;
            } else if (token.is(',') && depth == 0) {
                pieces.add(new int[] {start, i});
                start = i + 1;
            }
        }
        pieces.add(new int[] {start, to});
        return pieces;
    }

    /**
     * The original text from the first token of a range to the last, comments inside included.
     *
     * @param sql the tokenized text, never null
     * @param tokens its tokens, never null
     * @param from the first token index, inclusive
     * @param to the last token index, exclusive; {@code from == to} gives an empty string
     * @return never null
     */
    public static String text(String sql, List<Token> tokens, int from, int to) {
        return from >= to ? "" : sql.substring(tokens.get(from).start(), tokens.get(to - 1).end());
    }

    private static int quoted(String sql, int start, char quote, Kind kind, List<Token> tokens) {
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    value.append(quote);
                    i += 2;
                    continue;
                }
                i++;
                break;
            }
            value.append(c);
            i++;
        }
        tokens.add(new Token(kind, start, i, value.toString()));
        return i;
    }

    private static int number(String sql, int start, List<Token> tokens) {
        int i = start;
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.'
                || (sql.charAt(i) == '+' || sql.charAt(i) == '-') && (sql.charAt(i - 1) == 'e' || sql.charAt(i - 1) == 'E'))) {
            i++;
        }
        tokens.add(new Token(Kind.NUMBER, start, i, sql.substring(start, i)));
        return i;
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_' || c >= 0x80;
    }

    private static boolean isWordPart(char c) {
        return isWordStart(c) || Character.isDigit(c) || c == '$';
    }
}
