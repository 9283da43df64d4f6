package io.dbferry.introspect.mapping;

import io.dbferry.introspect.model.Column;
import java.util.Objects;

/**
 * A PostgreSQL source column and the SQLite column it becomes; the name is kept exactly.
 *
 * @param source the PostgreSQL column, never null
 * @param type the SQLite type, never null
 * @param nullable whether NULL is allowed (as in the source)
 * @param rowidAlias whether the column becomes {@code INTEGER PRIMARY KEY AUTOINCREMENT}: an identity or serial
 *     column (which has a sequence) that is its table's whole primary key (lang_createtable.html §3.5,
 *     autoinc.html)
 * @param defaultSql the default as a SQLite literal, null when the source has none or it is not translatable
 */
public record SqliteColumn(Column source, SqliteColumnType type, boolean nullable, boolean rowidAlias,
        String defaultSql) {

    /** Validates the parts. */
    public SqliteColumn {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
    }

    /**
     * The column name, the same on both sides.
     *
     * @return never null
     */
    public String name() {
        return source.name();
    }
}
