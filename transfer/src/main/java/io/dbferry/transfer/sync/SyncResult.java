package io.dbferry.transfer.sync;

import io.dbferry.transfer.verify.VerificationReport;
import java.util.List;

/**
 * What one sync did.
 *
 * @param tables per table: first-run tables first, then the others in source-name order; never null
 * @param millis wall time of the whole sync in milliseconds, the verification included
 * @param verification the verification at the end of the sync, with {@code differing()} empty when the target
 *     matched; null when the sync was not verified
 */
public record SyncResult(List<TableSyncResult> tables, long millis, VerificationReport verification) {

    /** Copies the list. */
    public SyncResult {
        tables = List.copyOf(tables);
    }

    /** A sync not verified. */
    public SyncResult(List<TableSyncResult> tables, long millis) {
        this(tables, millis, null);
    }

    /** Whether the sync was verified and the target differed. */
    public boolean verificationFailed() {
        return verification != null && !verification.differing().isEmpty();
    }

    /** Rows read from the source, over all tables. */
    public long rowsRead() {
        return tables.stream().mapToLong(TableSyncResult::rowsRead).sum();
    }

    /** Target rows deleted by {@code --deletes detect}, over all tables. */
    public long rowsDeleted() {
        return tables.stream().mapToLong(TableSyncResult::rowsDeleted).sum();
    }

    /** Rows inserted or changed in the target, over all tables. */
    public long rowsUpserted() {
        return tables.stream().mapToLong(TableSyncResult::rowsUpserted).sum();
    }
}
