package io.dbferry.introspect.postgres;

import java.util.Objects;

/**
 * A column exactly as PostgreSQL's catalog describes it, for creating the same column in another PostgreSQL
 * database or schema. SQL texts are as {@code format_type} and {@code pg_get_expr} print them for the reading
 * session's {@code search_path}: objects of a schema on that path print unqualified.
 *
 * @param name the column name, exact spelling, never null
 * @param type the type with its modifiers as {@code format_type(atttypid, atttypmod)} prints it, e.g.
 *     {@code numeric(30,10)}, {@code character varying(40)}, {@code timestamp(0) without time zone},
 *     {@code mood[]}; never null
 * @param notNull whether the column is NOT NULL
 * @param defaultSql the default expression, or the generation expression of a {@link ColumnGeneration#STORED}
 *     column; null when there is none, and for identity and serial columns
 * @param generation how the column is generated, never null
 * @param sequenceLastValue the last value the column's identity or serial sequence handed out
 *     ({@code pg_sequence_last_value}), null when it has none or never handed one out
 * @param userType the non-built-in type the column (or its array element) uses, null for a built-in type
 * @param needsTextCopy whether binary COPY cannot carry the column to another database: an array of a
 *     non-built-in type, or a composite type, whose binary form holds type OIDs that differ between databases
 *     (PostgreSQL docs, COPY "Binary Format": "binary-format files are less portable")
 * @param collation the column's collation as an identifier, e.g. {@code "C"} or {@code "de-x-icu"}, when it is not
 *     its type's default; null otherwise
 */
public record CatalogColumn(String name, String type, boolean notNull, String defaultSql, ColumnGeneration generation,
        Long sequenceLastValue, CatalogType userType, boolean needsTextCopy, String collation) {

    /** Validates the parts. */
    public CatalogColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(generation, "generation");
    }

    /**
     * A column with its type's default collation.
     *
     * @param name the column name, never null
     * @param type the type as {@code format_type} prints it, never null
     * @param notNull whether the column is NOT NULL
     * @param defaultSql the default or generation expression, null when there is none
     * @param generation how the column is generated, never null
     * @param sequenceLastValue the last value of its identity or serial sequence, null when none
     * @param userType the non-built-in type it uses, null for a built-in type
     * @param needsTextCopy whether binary COPY cannot carry it to another database
     */
    public CatalogColumn(String name, String type, boolean notNull, String defaultSql, ColumnGeneration generation,
            Long sequenceLastValue, CatalogType userType, boolean needsTextCopy) {
        this(name, type, notNull, defaultSql, generation, sequenceLastValue, userType, needsTextCopy, null);
    }

    /**
     * Whether COPY carries the column's values: every column but a {@link ColumnGeneration#STORED} one, which
     * PostgreSQL computes and COPY FROM refuses.
     *
     * @return false only for a stored generated column
     */
    public boolean copied() {
        return generation != ColumnGeneration.STORED;
    }
}
