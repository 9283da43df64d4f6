package io.dbferry.introspect.mapping;

/**
 * The kinds of SQLite column dbferry creates for PostgreSQL columns, each with the type name it declares and the
 * storage class its values get (https://www.sqlite.org/datatype3.html §2 "Storage Classes", §3.1 "Determination
 * Of Column Affinity").
 *
 * <p>Declared names are chosen so that readers and ORMs see the PostgreSQL meaning, and so that dbferry's own
 * SQLite → PostgreSQL type mapping reads them back as the type they came from. Where the name's affinity would
 * convert a value (NUMERIC affinity turns text that looks like a number into a REAL, keeping 15 significant
 * digits, §3.0), the name is one with TEXT affinity instead.
 */
public enum SqliteType {
    /** {@code boolean} → BOOLEAN (NUMERIC affinity) holding INTEGER 0 or 1; SQLite has no boolean (§2.1). */
    BOOLEAN("BOOLEAN"),
    /** {@code smallint} → SMALLINT (INTEGER affinity, rule 1). */
    SMALLINT("SMALLINT"),
    /** {@code integer} → INTEGER: also the only spelling that makes a rowid alias (lang_createtable.html §3.5). */
    INTEGER("INTEGER"),
    /** {@code bigint} → BIGINT (INTEGER affinity); SQLite integers are 64-bit like bigint. */
    BIGINT("BIGINT"),
    /**
     * {@code double precision} and {@code real} → REAL, an IEEE 754 binary64; a {@code real} value is widened
     * exactly. Infinities are REAL; NaN is stored as the TEXT {@code NaN}, since SQLite stores a NaN REAL as
     * NULL.
     */
    REAL("REAL"),
    /**
     * {@code numeric(p,s)} with p ≤ 15 → NUMERIC(p,s), holding an INTEGER or a REAL: a double holds every decimal
     * of at most 15 significant digits exactly enough to print it back (§3.0 keeps 15 digits).
     */
    NUMERIC("NUMERIC"),
    /**
     * {@code numeric(p,s)} with p > 15, or unconstrained {@code numeric} → NUMERIC TEXT(p,s), holding the exact
     * decimal TEXT ({@code NaN}, {@code Infinity}, {@code -Infinity} included): the name contains TEXT, so the
     * column has TEXT affinity (rule 2) and SQLite does not round the text to a REAL.
     */
    NUMERIC_TEXT("NUMERIC TEXT"),
    /** {@code text} → TEXT. */
    TEXT("TEXT"),
    /** {@code character varying(n)} → VARCHAR(n) (TEXT affinity, rule 2; SQLite does not enforce n). */
    VARCHAR("VARCHAR"),
    /** {@code character(n)} → CHAR(n) (TEXT affinity), holding PostgreSQL's blank-padded value. */
    CHAR("CHAR"),
    /** {@code bytea} → BLOB. */
    BLOB("BLOB"),
    /** {@code date} → DATE holding TEXT {@code YYYY-MM-DD}, a form SQLite's date functions read. */
    DATE("DATE"),
    /** {@code time} → TIME holding TEXT {@code HH:MM:SS.SSSSSS}. */
    TIME("TIME"),
    /** {@code timestamp} → TIMESTAMP holding TEXT {@code YYYY-MM-DDTHH:MM:SS.SSSSSS}. */
    TIMESTAMP("TIMESTAMP"),
    /** {@code timestamp with time zone} → TIMESTAMPTZ holding TEXT in UTC, {@code YYYY-MM-DDTHH:MM:SS.SSSSSSZ}. */
    TIMESTAMPTZ("TIMESTAMPTZ"),
    /** {@code uuid} → UUID holding TEXT in canonical lower-case {@code 8-4-4-4-12} form. */
    UUID("UUID"),
    /** {@code json}, {@code jsonb} → TEXT holding the document (TEXT affinity keeps {@code 1.50} as written). */
    JSON("TEXT"),
    /** Arrays → TEXT holding a JSON array, as PostgreSQL's {@code to_jsonb()} renders it (docs §9.16). */
    ARRAY("TEXT"),
    /** Enums → TEXT holding the label, with a CHECK of the allowed labels. */
    ENUM("TEXT"),
    /** Every other type (interval, inet, money, …) → TEXT holding PostgreSQL's text output of the value. */
    OTHER("TEXT");

    private final String declaredName;

    SqliteType(String declaredName) {
        this.declaredName = declaredName;
    }

    /**
     * The type name the SQLite column declares, without modifiers.
     *
     * @return never null, e.g. {@code "TIMESTAMP"}
     */
    public String declaredName() {
        return declaredName;
    }
}
