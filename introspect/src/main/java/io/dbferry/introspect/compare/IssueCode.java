package io.dbferry.introspect.compare;

import static io.dbferry.introspect.compare.Severity.ERROR;
import static io.dbferry.introspect.compare.Severity.INFO;
import static io.dbferry.introspect.compare.Severity.WARNING;

import java.util.Objects;

/**
 * Stable codes of compatibility issues, each with its fixed severity. Codes appear in every report format
 * and scripts match on them: add new ones, never rename or reuse one. The README lists them all.
 */
public enum IssueCode {
    // Schema: the target as it is against the mapped source.
    /** A source table has no target table yet; migrate will create it. */
    TABLE_TO_BE_CREATED(INFO, "the target table does not exist yet and will be created"),
    /** A target table already exists and migrate's {@code --if-exists fail} (the default) refuses to run. */
    TARGET_TABLE_EXISTS(ERROR, "a target table already exists and --if-exists fail refuses to touch it"),
    /** A target table already exists and {@code --if-exists truncate} deletes its rows before the load. */
    TABLE_TO_BE_EMPTIED(WARNING, "a target table already exists and --if-exists truncate deletes its rows"),
    /** A target table already exists and {@code --if-exists drop} drops it (and what depends on it) and recreates it. */
    TABLE_TO_BE_REPLACED(WARNING, "a target table already exists and --if-exists drop replaces it"),
    /** The target has a table the source does not; it is left alone. */
    TABLE_NOT_IN_SOURCE(INFO, "the target has a table the source does not"),
    /** A source column has no target column; loading into the existing table fails. */
    COLUMN_MISSING_IN_TARGET(ERROR, "a source column has no column in the existing target table"),
    /** The target table has a nullable or defaulted column the source does not; it is left NULL/default. */
    COLUMN_NOT_IN_SOURCE(INFO, "the target table has a column the source does not"),
    /** The target table has a NOT NULL column without a default that the source cannot fill. */
    TARGET_COLUMN_REQUIRED(ERROR, "the target has a NOT NULL column without a default that the source does not have"),
    /** The target column's type holds every value of the mapped type, and more. */
    TYPE_WIDENED(INFO, "the target column's type is wider than the mapped type"),
    /** The target column's type can hold only some values of the mapped type (range, length, precision). */
    TYPE_LOSSY(WARNING, "the target column's type may not hold every value of the mapped type"),
    /** The target column's type cannot hold the mapped type's values at all. */
    TYPE_INCOMPATIBLE(ERROR, "the target column's type cannot hold the mapped type's values"),
    /** The target column is NOT NULL where the source allows NULL, or the other way round. */
    NULLABILITY_DIFFERS(WARNING, "nullability differs between the source and the target column"),
    /** The target column's default differs from the source's. */
    DEFAULT_DIFFERS(INFO, "the target column's default differs from the source's"),
    /** The target table's primary key differs from the mapped one. */
    PRIMARY_KEY_DIFFERS(WARNING, "the target table's primary key differs from the source's"),
    /** A source unique key has no counterpart in the existing target table. */
    UNIQUE_KEY_MISSING_IN_TARGET(WARNING, "a source unique key or unique index is missing in the target"),
    /** The target enforces a unique key the source does not. */
    UNIQUE_KEY_NOT_IN_SOURCE(WARNING, "the target enforces a unique key the source does not"),
    /** A source foreign key has no counterpart in the existing target table. */
    FOREIGN_KEY_MISSING_IN_TARGET(WARNING, "a source foreign key is missing in the target"),
    /** The target has a foreign key the source does not. */
    FOREIGN_KEY_NOT_IN_SOURCE(INFO, "the target has a foreign key the source does not"),
    /** A source index has no counterpart in the existing target table. */
    INDEX_MISSING_IN_TARGET(INFO, "a source index is missing in the target"),

    // Mapping: what the type mapping and schema translation do not carry over.
    /** A column default is not carried over. */
    DEFAULT_NOT_CARRIED(WARNING, "a column default is not carried over to the target"),
    /** A schema object (partial or expression index, generated column, virtual table) is not carried over. */
    SCHEMA_OBJECT_NOT_CARRIED(WARNING, "a schema object is not carried over to the target"),
    /** A foreign key references a table outside the selection and is not created. */
    FOREIGN_KEY_OUTSIDE_SELECTION(WARNING, "a foreign key references a table that is not migrated"),
    /** A declared type name was mapped only by SQLite's affinity rules, with a surprising result. */
    AFFINITY_FALLBACK(WARNING, "a declared type is mapped by SQLite's affinity rules, probably not as meant"),

    // Identifiers.
    /** A name is longer than PostgreSQL's 63 bytes and will be truncated. */
    IDENTIFIER_TOO_LONG(WARNING, "a name is longer than 63 bytes and is truncated by PostgreSQL"),
    /** Two names become the same target name (case folding or truncation). */
    IDENTIFIER_COLLISION(ERROR, "two source names become the same target name"),
    /** An index, constraint or view gets a numeric suffix because another object has its name in the target. */
    IDENTIFIER_RENAMED(WARNING, "an index, constraint or view gets a numeric suffix because its name is taken"),
    /** A name must be double-quoted in every PostgreSQL query (upper case, spaces, symbols). */
    IDENTIFIER_NEEDS_QUOTING(INFO, "a name must be double-quoted in PostgreSQL queries"),
    /** A name is a PostgreSQL reserved key word and must always be double-quoted. */
    RESERVED_WORD(INFO, "a name is a PostgreSQL reserved key word"),

    // Data: what the rows hold.
    /** Values are stored in a SQLite storage class unusual for the column (text in an INTEGER column). */
    MIXED_STORAGE_CLASS(WARNING, "a column holds values of more than one SQLite storage class"),
    /** A time column holds both numbers (epoch or Julian day) and text. */
    EPOCH_ISO_MIXTURE(WARNING, "a time column mixes numeric (epoch) and text (ISO-8601) values"),
    /** Text timestamps carry a UTC offset that a {@code timestamp} column drops after converting to UTC. */
    TIME_ZONE_DROPPED(WARNING, "timestamps with a UTC offset are converted to UTC and the offset dropped"),
    /** A number is outside the target type's range or precision. */
    VALUE_OUT_OF_RANGE(ERROR, "a value is outside the target type's range or precision"),
    /** Text is longer than the target column's declared length. */
    TEXT_TOO_LONG(ERROR, "a text value is longer than the target column's declared length"),
    /** A value in a boolean column is not a boolean spelling. */
    INVALID_BOOLEAN(ERROR, "a value in a boolean column is not a boolean"),
    /** A value in a JSON column is not valid JSON. */
    INVALID_JSON(ERROR, "a value in a JSON column is not valid JSON"),
    /** A value in a UUID column is not a UUID. */
    INVALID_UUID(ERROR, "a value in a UUID column is not a UUID"),
    /** A value in a timestamp column cannot be read as a timestamp. */
    INVALID_TIMESTAMP(ERROR, "a value in a timestamp column cannot be read as a timestamp"),
    /** A value in a date column cannot be read as a date. */
    INVALID_DATE(ERROR, "a value in a date column cannot be read as a date"),
    /** A value in a time column cannot be read as a time of day. */
    INVALID_TIME(ERROR, "a value in a time column cannot be read as a time of day"),
    /** A value would lose information (a time of day written to a date column). */
    LOSSY_CONVERSION(ERROR, "a value would lose information in the target type"),
    /** A value in a numeric column is not a number. */
    NOT_A_NUMBER(ERROR, "a value in a numeric column is not a number"),
    /** A value in an integer column is not an integer. */
    NOT_AN_INTEGER(ERROR, "a value in an integer column is not an integer"),
    /** A value's storage class cannot be converted to the target type (a BLOB to an integer). */
    UNSUPPORTED_STORAGE_CLASS(ERROR, "a value's storage class cannot be converted to the target type"),
    /** Text contains a NUL character, which PostgreSQL text cannot hold. */
    NUL_IN_TEXT(ERROR, "a text value contains a NUL character"),
    /** Text is not valid UTF-8. */
    INVALID_UTF8(ERROR, "a text value is not valid UTF-8"),
    /** A column whose target is NOT NULL holds NULLs. */
    NULL_IN_NOT_NULL(ERROR, "a column whose target is NOT NULL holds NULLs"),
    /** Rows would break a target primary or unique key. */
    DUPLICATE_KEY(ERROR, "rows would break a primary or unique key in the target"),
    /** Rows reference a parent row that does not exist. */
    ORPHAN_ROW(ERROR, "rows reference a parent row that does not exist"),
    /** A foreign key's parent columns are not a primary or unique key, so PostgreSQL cannot create it. */
    FOREIGN_KEY_MISMATCH(ERROR, "a foreign key's parent columns are not a primary or unique key"),
    /** A REAL column holds Infinity or -Infinity. */
    NAN_OR_INFINITY(WARNING, "a REAL column holds NaN or Infinity"),

    // Sync: with --watermark-column or --table-watermark.
    /** The watermark column leads no index in the source, so each incremental sync reads the whole table. */
    WATERMARK_NOT_INDEXED(WARNING, "the sync watermark column has no index in the source, so each sync reads "
            + "the whole table"),


    // PostgreSQL → SQLite (issue 9): what SQLite keeps of a PostgreSQL type.
    /**
     * A PostgreSQL type SQLite has no equal of (json, jsonb, arrays, enums, interval, …) is stored as TEXT; the
     * value is kept, but migrating the file back to PostgreSQL gives a {@code text} column.
     */
    STORED_AS_TEXT(INFO, "a PostgreSQL type SQLite has no equal of is stored as text, and comes back as text"),
    /** {@code timestamptz} values are stored as UTC text ending in {@code Z}: the instant is kept, the zone shown is UTC. */
    STORED_IN_UTC(INFO, "timestamptz values are stored as UTC text; the instant is kept");

    private final Severity severity;
    private final String description;

    IssueCode(Severity severity, String description) {
        this.severity = Objects.requireNonNull(severity);
        this.description = Objects.requireNonNull(description);
    }

    /**
     * The severity every issue with this code has.
     *
     * @return never null
     */
    public Severity severity() {
        return severity;
    }

    /**
     * What the code means, one lower-case phrase for the README and {@code --help}.
     *
     * @return never null
     */
    public String description() {
        return description;
    }
}
