package io.dbferry.transfer.reject;

/** What a migration does with a row it cannot write ({@code --on-error}). */
public enum OnError {
    /** Write the row to the table's reject file and go on (the default). */
    REJECT,
    /** Stop the migration at the first such row, naming it. */
    STOP
}
