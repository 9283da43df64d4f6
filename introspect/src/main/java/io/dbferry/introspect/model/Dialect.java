package io.dbferry.introspect.model;

/** The database kinds dbferry reads and writes. */
public enum Dialect {
    /** SQLite 3, read through sqlite-jdbc. */
    SQLITE,
    /** PostgreSQL 12 or later, read and written through pgjdbc. */
    POSTGRES
}
