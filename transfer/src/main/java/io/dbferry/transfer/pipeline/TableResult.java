package io.dbferry.transfer.pipeline;

import io.dbferry.introspect.model.TableId;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What loading one table did.
 *
 * @param source the source table, never null
 * @param target the target table, never null
 * @param rowsRead rows read from the source
 * @param rowsWritten rows the target confirmed as copied
 * @param rowsRejected rows written to the reject file instead; {@code rowsRead = rowsWritten + rowsRejected}
 * @param rejectFile the table's reject file, null when nothing was rejected
 * @param textChanged values {@code --text-policy replace} or {@code strip} changed (0 with {@code reject})
 * @param millis wall time of the table's load in milliseconds
 */
public record TableResult(TableId source, TableId target, long rowsRead, long rowsWritten, long rowsRejected,
        Path rejectFile, long textChanged, long millis) {

    /** Validates the parts. */
    public TableResult {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
    }
}
