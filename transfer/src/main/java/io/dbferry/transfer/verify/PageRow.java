package io.dbferry.transfer.verify;

import io.dbferry.transfer.profile.StorageClass;
import io.dbferry.transfer.read.sqlitefile.Record;

/**
 * A row read from the SQLite file's pages ({@link io.dbferry.transfer.read.sqlitefile.TableCursor}) as the
 * {@link SourceRow} sqlite-jdbc would give: the rowid for the column that is its alias (its field is NULL in the
 * record, https://www.sqlite.org/lang_createtable.html#rowid), and a whole number stored as an integer in a column
 * of REAL affinity as the REAL that {@code typeof()} reports (https://www.sqlite.org/datatype3.html §3.4). A row
 * {@link #at} refuses is read through SQLite instead. Not thread-safe: one per cursor.
 */
final class PageRow implements SourceRow {

    private final int[] fields;
    private final boolean[] realAffinity;
    private final boolean[] jsonb;
    private final int alias;
    private final int needed;
    private Record record;
    private long rowid;

    /**
     * Makes the row of a table's column layout; {@link #at} moves it to a record.
     *
     * @param fields per mapped column: its field in the table's records
     * @param realAffinity per mapped column: whether its declared type gives it REAL affinity
     * @param jsonb per mapped column: whether its target type is {@code jsonb}, where SQLite's {@code json()} makes
     *     text of a JSONB BLOB before {@code migrate} reads it ({@code SqliteTableReader#valueField})
     * @param alias the mapped column that is the rowid's alias, -1 for none
     */
    PageRow(int[] fields, boolean[] realAffinity, boolean[] jsonb, int alias) {
        this.fields = fields.clone();
        this.realAffinity = realAffinity.clone();
        this.jsonb = jsonb.clone();
        this.alias = alias;
        int most = -1;
        for (int field : fields) {
            most = Math.max(most, field);
        }
        this.needed = most + 1;
    }

    /** The mapped column that is the rowid's alias, -1 for none. */
    int alias() {
        return alias;
    }

    /**
     * Moves to a record.
     *
     * @param record the record, never null; read until the next call
     * @param rowid its rowid
     * @return false when its values are not what SQLite would return as they are: fewer fields than the columns
     *     (a row older than an {@code ALTER TABLE … ADD COLUMN}, whose missing values are the column's default),
     *     a value in the rowid alias's field, a BLOB for a {@code jsonb} column
     */
    boolean at(Record record, long rowid) {
        if (record.fields() < needed || alias >= 0 && record.storageClass(fields[alias]) != StorageClass.NULL) {
            return false;
        }
        for (int i = 0; i < jsonb.length; i++) {
            if (jsonb[i] && record.storageClass(fields[i]) == StorageClass.BLOB) {
                return false;
            }
        }
        this.record = record;
        this.rowid = rowid;
        return true;
    }

    @Override
    public StorageClass storageClass(int column) {
        if (column == alias) {
            return StorageClass.INTEGER;
        }
        StorageClass stored = record.storageClass(fields[column]);
        return stored == StorageClass.INTEGER && realAffinity[column] ? StorageClass.REAL : stored;
    }

    @Override
    public Object value(int column, StorageClass storageClass) {
        if (column == alias) {
            return rowid;
        }
        int field = fields[column];
        return switch (storageClass) {
            case NULL -> null;
            case INTEGER -> record.integer(field);
            case REAL -> record.storageClass(field) == StorageClass.INTEGER ? (double) record.integer(field)
                    : record.real(field);
            case TEXT -> StorageClasses.text(record.utf8Text(field), () -> record.bytes(field)); // UTF-8 only
            case BLOB -> record.bytes(field);
        };
    }

    @Override
    public byte[] bytes(int column) {
        return record.bytes(fields[column]);
    }
}
