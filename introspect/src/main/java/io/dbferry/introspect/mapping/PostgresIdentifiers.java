package io.dbferry.introspect.mapping;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PostgreSQL's rules for identifiers (PostgreSQL docs §4.1.1 "Identifiers and Key Words"): the 63-byte limit,
 * which names must be double-quoted, and the reserved key words. Stateless and thread-safe.
 */
public final class PostgresIdentifiers {

    /** Longer identifiers are truncated: NAMEDATALEN − 1 bytes of UTF-8 (§4.1.1). */
    public static final int MAX_BYTES = 63;

    /**
     * Key words that cannot be used as unquoted names: PostgreSQL 15's {@code pg_get_keywords()} with
     * {@code catcode} R (reserved) or T (reserved, can be function or type), Appendix C.
     */
    private static final Set<String> RESERVED = Set.of(("all analyse analyze and any array as asc asymmetric "
            + "authorization binary both case cast check collate collation column concurrently constraint create "
            + "cross current_catalog current_date current_role current_schema current_time current_timestamp "
            + "current_user default deferrable desc distinct do else end except false fetch for foreign freeze "
            + "from full grant group having ilike in initially inner intersect into is isnull join lateral leading "
            + "left like limit localtime localtimestamp natural not notnull null offset on only or order outer "
            + "overlaps placing primary references returning right select session_user similar some symmetric "
            + "table tablesample then to trailing true union unique user using variadic verbose when where window "
            + "with").split(" "));

    /**
     * An unquoted identifier PostgreSQL keeps as written: a lower-case ASCII letter, _ or any non-ASCII
     * character, then those, digits and $ (§4.1.1; the lexer's ident_start/ident_cont in scan.l). Upper-case
     * ASCII letters would be folded to lower case; non-ASCII ones are kept.
     */
    private static final Pattern PLAIN = Pattern.compile("[a-z_\\x{80}-\\x{10FFFF}][a-z0-9_$\\x{80}-\\x{10FFFF}]*");

    private PostgresIdentifiers() {}

    /**
     * The identifier as PostgreSQL stores it: the longest prefix of whole characters within {@link #MAX_BYTES}
     * bytes of UTF-8.
     *
     * @param identifier never null
     * @return never null; the identifier itself when it fits
     */
    public static String truncate(String identifier) {
        return truncate(identifier, MAX_BYTES);
    }

    /**
     * The longest prefix of whole characters within {@code maxBytes} bytes of UTF-8.
     *
     * @param identifier never null
     * @param maxBytes the byte budget, ≥ 0
     * @return never null
     */
    public static String truncate(String identifier, int maxBytes) {
        int end = identifier.length();
        while (utf8Length(identifier.substring(0, end)) > maxBytes) {
            end = identifier.offsetByCodePoints(end, -1);
        }
        return identifier.substring(0, end);
    }

    /**
     * The length in bytes of UTF-8.
     *
     * @param text never null
     * @return ≥ 0
     */
    public static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * Whether the name must be double-quoted to be used as written: it has upper-case letters, spaces or
     * symbols, starts with a digit, or is a reserved key word.
     *
     * @param name never null
     * @return true when every query must quote it
     */
    public static boolean needsQuoting(String name) {
        return !PLAIN.matcher(name).matches() || isReserved(name);
    }

    /**
     * Whether the name, in any case, is a reserved key word.
     *
     * @param name never null
     * @return true for e.g. {@code user}, {@code Order}, {@code TABLE}
     */
    public static boolean isReserved(String name) {
        return RESERVED.contains(name.toLowerCase(Locale.ROOT));
    }
}
