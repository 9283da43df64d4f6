package io.dbferry.transfer.profile;

import java.util.List;
import java.util.Objects;

/**
 * One source row as the profile reads it.
 *
 * @param values the values of every column of the table, in column order; never null
 * @param rowid the row's rowid, null for a {@code WITHOUT ROWID} table (or one whose rowid names are all
 *     taken by columns)
 */
record ProfiledRow(List<SourceValue> values, Long rowid) {

    /** Checks the values are present. */
    ProfiledRow {
        Objects.requireNonNull(values, "values");
    }

    /**
     * The value of one column.
     *
     * @param index the 0-based column index
     * @return never null
     */
    SourceValue value(int index) {
        return values.get(index);
    }
}
