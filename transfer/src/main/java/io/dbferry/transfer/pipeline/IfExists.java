package io.dbferry.transfer.pipeline;

/** What a migration does when the target already has a table it would create. */
public enum IfExists {
    /** Refuse before changing anything (the default). */
    FAIL,
    /** Drop the existing table (CASCADE) and create it anew. */
    DROP,
    /** Keep the existing table, its keys and indexes; empty it and load into it. */
    TRUNCATE
}
