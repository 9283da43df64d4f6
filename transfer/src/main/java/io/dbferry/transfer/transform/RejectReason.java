package io.dbferry.transfer.transform;

/**
 * Stable codes for why a value was rejected; they appear in error messages and reject files, so they are
 * API: add new ones, never rename one.
 */
public enum RejectReason {
    /** The value is not one of the accepted boolean spellings. */
    NOT_A_BOOLEAN,
    /** The value is not a single valid JSON document PostgreSQL's jsonb accepts. */
    INVALID_JSON,
    /** The value is not a UUID in any accepted form. */
    INVALID_UUID,
    /** The value is not a timestamp in any accepted form. */
    INVALID_TIMESTAMP,
    /** The value is not a date in any accepted form. */
    INVALID_DATE,
    /** The value is not a time of day in any accepted form. */
    INVALID_TIME,
    /** Writing the value would drop information (e.g. a time of day written to a date column). */
    LOSSY_CONVERSION,
    /** The value is not a number. */
    NOT_A_NUMBER,
    /** The value is not an integer. */
    NOT_AN_INTEGER,
    /** The value is outside the target type's range or precision. */
    OUT_OF_RANGE,
    /** The text is longer than the target column's declared length. */
    TEXT_TOO_LONG,
    /** The text contains a NUL character, which PostgreSQL text cannot hold. */
    NUL_IN_TEXT,
    /** The bytes are not valid UTF-8. */
    INVALID_UTF8,
    /** The value's storage class cannot be converted to the target type at all (e.g. a BLOB to integer). */
    UNSUPPORTED_STORAGE_CLASS,
    /** PostgreSQL refused the row during COPY (e.g. a constraint of a kept table); the message is the server's. */
    REFUSED_BY_TARGET
}
