package io.dbferry.transfer.verify;

import io.dbferry.introspect.model.TableId;
import java.util.Objects;

/**
 * Row counts of one table on both sides.
 *
 * @param source the source table, never null
 * @param target the target table, never null
 * @param sourceRows rows in the source table
 * @param targetRows rows in the target table
 */
public record TableCount(TableId source, TableId target, long sourceRows, long targetRows) {

    /** Validates the parts. */
    public TableCount {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
    }

    /**
     * Whether both sides hold the same number of rows.
     *
     * @return true when the counts are equal
     */
    public boolean matches() {
        return sourceRows == targetRows;
    }
}
