package io.dbferry.transfer.profile;

import java.util.Locale;

/**
 * The storage class of one SQLite value, as {@code typeof()} names it (https://www.sqlite.org/datatype3.html
 * §2 "Storage Classes and Datatypes"): SQLite is dynamically typed, so a column declared INTEGER may hold
 * TEXT in some rows.
 */
enum StorageClass {
    NULL,
    INTEGER,
    REAL,
    TEXT,
    BLOB;

    /**
     * The storage class {@code typeof()} reported.
     *
     * @param typeofResult {@code "null"}, {@code "integer"}, {@code "real"}, {@code "text"} or {@code "blob"}
     * @return never null
     * @throws IllegalArgumentException for any other name, which SQLite never returns
     */
    static StorageClass ofTypeof(String typeofResult) {
        return valueOf(typeofResult.toUpperCase(Locale.ROOT));
    }

    /** The name as {@code typeof()} spells it, e.g. {@code text}. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
