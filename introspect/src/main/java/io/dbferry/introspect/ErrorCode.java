package io.dbferry.introspect;

/**
 * Stable codes for every failure dbferry reports; scripts may match on {@link #name()}.
 *
 * <p>Codes are API: add new ones, never rename or reuse an old one.
 */
public enum ErrorCode {
    /** A source or target URL could not be understood. */
    INVALID_URL,
    /** The SQLite source file does not exist or is not a regular file. */
    SOURCE_NOT_FOUND,
    /** The source file exists but is not an SQLite database. */
    SOURCE_NOT_SQLITE,
    /** A database could not be reached or refused the credentials. */
    CONNECTION_FAILED,
    /** Reading a schema through jOOQ-meta or the catalog failed. */
    SCHEMA_READ_FAILED,
    /** A name asked for (table, schema) does not exist. */
    NOT_FOUND,
    /** Two source names map to the same target name under the identifier policy. */
    IDENTIFIER_COLLISION,
    /** The target already has a table the migration would create. */
    TARGET_TABLE_EXISTS,
    /** A DDL statement failed on the target. */
    DDL_FAILED,
    /** A value could not be transformed for its target column. */
    VALUE_REJECTED,
    /** Reading from the source or writing to the target failed while loading rows. */
    LOAD_FAILED,
    /** Source and target disagree after the load. */
    VERIFICATION_MISMATCH,
    /** The embedded PostgreSQL server could not be started. */
    EMBEDDED_SERVER_FAILED,
    /** An option was given an invalid value. */
    INVALID_OPTION,
    /**
     * A cast rule ({@code --cast} or a line of a {@code --cast-file}) cannot be parsed, names a type or
     * transform dbferry does not support, or its file cannot be read; the message quotes the rule.
     */
    INVALID_CAST_RULE,
    /** A cast rule matched no column of the tables being migrated; the message names the rule. */
    CAST_RULE_UNMATCHED,
    /** A report or other file dbferry was asked to write could not be written; the message names the file. */
    OUTPUT_FAILED,
    /** Reading counts or rows for verification failed on the source or the target; the message names which. */
    VERIFY_FAILED,
    /**
     * A table cannot be synced incrementally (no primary key, no watermark column, or watermark values that
     * cannot be compared); the message names the table and says what to do.
     */
    SYNC_REFUSED,
    /** Another sync holds the target's sync lock; the message names the target schema. */
    SYNC_LOCKED,
    /** Reading or writing the sync state in the target's {@code dbferry} schema failed. */
    SYNC_STATE_FAILED,
    /** The target schema holds a migration that did not finish; the message says how to resume or start over. */
    UNFINISHED_RUN,
    /** {@code --resume} found no unfinished run, or the source changed since it started. */
    CANNOT_RESUME,
    /**
     * A PostgreSQL target lacks a type a source column needs, or has a table, enum or domain whose definition
     * differs from the source's, so a copy with identical types is impossible; the message names the table,
     * column and type and says what to do.
     */
    INCOMPATIBLE_TARGET,
    /**
     * A page of a SQLite file is not as the file format describes it, or of a kind dbferry's own page reader does
     * not read; where it reads pages (verify), it then reads the same rows through SQLite instead.
     */
    SOURCE_PAGE_UNREADABLE
}
