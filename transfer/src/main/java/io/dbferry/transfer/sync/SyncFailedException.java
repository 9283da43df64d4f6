package io.dbferry.transfer.sync;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.model.TableId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Some tables of a sync failed while the others were synced: each table commits on its own, so one table's bad
 * value or refused deletes does not hold the others back run after run. Carries what was done. Its code and,
 * for one failed table, its message are that table's error's; for more, the message names each.
 */
public final class SyncFailedException extends DbferryException {

    private final transient SyncResult partial;
    private final transient Map<TableId, DbferryException> failures;

    /**
     * Creates the exception.
     *
     * @param partial the tables that were synced (and their verification), never null
     * @param failures per failed table its error, in the order they failed; never null or empty
     */
    public SyncFailedException(SyncResult partial, Map<TableId, DbferryException> failures) {
        super(failures.values().iterator().next().code(), message(failures),
                failures.values().iterator().next());
        this.partial = partial;
        this.failures = new LinkedHashMap<>(failures);
    }

    /**
     * What the sync did to the tables that did not fail.
     *
     * @return never null
     */
    public SyncResult partial() {
        return partial;
    }

    /**
     * The failed tables and their errors, in the order they failed.
     *
     * @return never null or empty; unmodifiable
     */
    public Map<TableId, DbferryException> failures() {
        return java.util.Collections.unmodifiableMap(failures);
    }

    private static String message(Map<TableId, DbferryException> failures) {
        if (failures.size() == 1) {
            return failures.values().iterator().next().getMessage();
        }
        StringBuilder message = new StringBuilder(failures.size() + " tables failed, the others were synced: ");
        failures.forEach((table, e) -> message.append(table).append(": ").append(e.getMessage()).append("; "));
        return message.substring(0, message.length() - 2);
    }
}
