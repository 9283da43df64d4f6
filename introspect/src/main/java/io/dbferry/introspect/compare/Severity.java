package io.dbferry.introspect.compare;

import java.util.Locale;

/** How bad a {@link CompatibilityIssue} is. Declared from worst to mildest, so natural order sorts errors first. */
public enum Severity {
    /** The move will fail or lose data unless something is changed. */
    ERROR,
    /** The move will succeed but something changes: precision, a time-zone assumption, a dropped default. */
    WARNING,
    /** Worth knowing; nothing is lost (e.g. a table that will be created). */
    INFO;

    /**
     * The lower-case name used in reports and JSON ({@code error}, {@code warning}, {@code info}).
     *
     * @return never null
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
