package io.dbferry.transfer.sync;

/**
 * How a watermark column's values are compared: SQLite has no timestamp type, so a "timestamp" is text or a
 * number (https://www.sqlite.org/lang_datefunc.html), and text compares as strings.
 */
public enum WatermarkKind {
    /**
     * Date-time text in any format SQLite's date functions accept ({@code 2024-01-01 10:00:00},
     * {@code 2024-01-01T10:00:00.123Z}, with or without an offset): compared as {@code unixepoch(col, 'subsec')},
     * seconds since 1970 in UTC with milliseconds, so that mixed formats order correctly.
     */
    TIMESTAMP_TEXT,
    /** Numbers only (epoch seconds, milliseconds, a version counter): compared as numbers. */
    NUMBER
}
