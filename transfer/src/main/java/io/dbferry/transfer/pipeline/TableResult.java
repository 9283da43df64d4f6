package io.dbferry.transfer.pipeline;

import io.dbferry.introspect.model.TableId;
import java.util.Objects;

/**
 * What loading one table did.
 *
 * @param source the source table, never null
 * @param target the target table, never null
 * @param rowsRead rows read from the source
 * @param rowsWritten rows the target confirmed as copied
 * @param millis wall time of the table's load in milliseconds
 */
public record TableResult(TableId source, TableId target, long rowsRead, long rowsWritten, long millis) {

    /** Validates the parts. */
    public TableResult {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
    }
}
