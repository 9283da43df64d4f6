package io.dbferry.transfer.pipeline;

import io.dbferry.transfer.verify.VerificationReport;
import java.util.List;
import java.util.Objects;

/**
 * What a finished migration did.
 *
 * @param tables one result per loaded table, in load order; never null
 * @param verification what the verification at the end found (every table matching, else the migration
 *     failed), null when verification was off
 * @param notes objects that were not carried over, each a sentence; never null, possibly empty
 * @param millis wall time of the whole migration in milliseconds
 * @param untranslatable schema objects (defaults, CHECKs, indexes, views) that could not be translated and were
 *     not created, ≥ 0; each is also one of the {@code notes}
 */
public record MigrationResult(List<TableResult> tables, VerificationReport verification, List<String> notes,
        long millis, int untranslatable) {

    /** Copies the lists. */
    public MigrationResult {
        tables = List.copyOf(Objects.requireNonNull(tables, "tables"));
        notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
    }

    /**
     * Rows read from the source over all tables.
     *
     * @return rows
     */
    public long rowsRead() {
        return tables.stream().mapToLong(TableResult::rowsRead).sum();
    }

    /**
     * Rows rejected over all tables.
     *
     * @return rows
     */
    public long rowsRejected() {
        return tables.stream().mapToLong(TableResult::rowsRejected).sum();
    }

    /**
     * Rows written to the target over all tables.
     *
     * @return rows
     */
    public long rowsWritten() {
        return tables.stream().mapToLong(TableResult::rowsWritten).sum();
    }
}
