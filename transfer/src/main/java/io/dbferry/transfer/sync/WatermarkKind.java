package io.dbferry.transfer.sync;

/**
 * How a watermark column's values are stored and compared: SQLite has no timestamp type, so a "timestamp" is
 * text or a number (https://www.sqlite.org/lang_datefunc.html), and text compares as strings. Found by a scan
 * of the whole column on a table's first sync ({@link WatermarkScan#of}) and kept in its {@link SyncState}, so
 * that later runs read only the window through an index on the column where the kind allows it.
 */
public enum WatermarkKind {
    /**
     * Date-time text that starts with a {@code YYYY-MM-DD} date ({@code 2024-01-01 10:00:00},
     * {@code 2024-01-01T10:00:00.123Z}, with or without an offset): compared as
     * {@code unixepoch(col, 'subsec')}; a run's window is also bounded by a plain text range on the column
     * ({@link Watermark#candidates}), which an index on it serves.
     */
    ISO_TEXT,
    /**
     * Date-time text in any format SQLite's date functions accept, some not starting with a date (a time of
     * day alone, a Julian day number as text): compared as {@code unixepoch(col, 'subsec')}, seconds since 1970
     * in UTC with milliseconds; no text range bounds such values, so every run scans the whole column.
     */
    TIMESTAMP_TEXT,
    /**
     * Numbers only (epoch seconds, milliseconds, a version counter): compared as numbers; a run's window is a
     * plain range on the column.
     */
    NUMBER
}
