package io.dbferry.transfer.profile;

import java.util.Locale;

/**
 * The storage class of one SQLite value, as {@code typeof()} names it (https://www.sqlite.org/datatype3.html
 * §2 "Storage Classes and Datatypes"): SQLite is dynamically typed, so a column declared INTEGER may hold
 * TEXT in some rows.
 */
public enum StorageClass {
    /** The SQL NULL. */
    NULL,
    /** A signed integer of up to 8 bytes. */
    INTEGER,
    /** An 8-byte IEEE 754 floating point number. */
    REAL,
    /** A text string in the database encoding (UTF-8 for dbferry's sources). */
    TEXT,
    /** Bytes, stored exactly as given. */
    BLOB;

    /**
     * The storage class {@code typeof()} reported.
     *
     * @param typeofResult {@code "null"}, {@code "integer"}, {@code "real"}, {@code "text"} or {@code "blob"}
     * @return never null
     * @throws IllegalArgumentException for any other name, which SQLite never returns
     */
    public static StorageClass ofTypeof(String typeofResult) {
        return valueOf(typeofResult.toUpperCase(Locale.ROOT));
    }

    /** The name as {@code typeof()} spells it, e.g. {@code text}. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
