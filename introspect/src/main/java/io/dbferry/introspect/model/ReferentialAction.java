package io.dbferry.introspect.model;

import java.util.Locale;

/**
 * What a foreign key does when the referenced row is deleted or updated (SQLite:
 * https://www.sqlite.org/foreignkeys.html §4.3; PostgreSQL: CREATE TABLE, "REFERENCES").
 */
public enum ReferentialAction {
    /** The default: the check is made at the end of the statement. */
    NO_ACTION,
    /** The change is refused at once. */
    RESTRICT,
    /** The referencing rows are deleted or updated too. */
    CASCADE,
    /** The referencing columns are set to NULL. */
    SET_NULL,
    /** The referencing columns are set to their defaults. */
    SET_DEFAULT;

    /**
     * Parses the spelling SQLite's {@code PRAGMA foreign_key_list} and PostgreSQL's catalogs use.
     *
     * @param text e.g. {@code "NO ACTION"}, {@code "SET NULL"}, {@code "cascade"}; null or {@code "NONE"}
     *     means {@link #NO_ACTION}
     * @return never null
     * @throws IllegalArgumentException when the text names no action
     */
    public static ReferentialAction parse(String text) {
        if (text == null || text.isBlank() || text.equalsIgnoreCase("NONE")) {
            return NO_ACTION;
        }
        return valueOf(text.trim().toUpperCase(Locale.ROOT).replace(' ', '_'));
    }
}
