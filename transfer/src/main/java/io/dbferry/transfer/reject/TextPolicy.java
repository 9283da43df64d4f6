package io.dbferry.transfer.reject;

/**
 * What happens to SQLite TEXT values PostgreSQL cannot hold as they are ({@code --text-policy}): TEXT whose
 * bytes are not valid UTF-8, and text containing NUL (U+0000), which PostgreSQL's text types refuse
 * (PostgreSQL docs §8.3 "Character Types"). BLOBs are not text and are never changed.
 */
public enum TextPolicy {
    /** The row is a reject ({@code INVALID_UTF8} or {@code NUL_IN_TEXT}); the default. */
    REJECT,
    /**
     * Each malformed byte sequence (as Java's UTF-8 decoder delimits it) becomes U+FFFD, and each NUL becomes
     * U+FFFD; the number of values changed is counted per table and reported.
     */
    REPLACE,
    /** Malformed byte sequences and NULs are removed; the number of values changed is counted and reported. */
    STRIP
}
