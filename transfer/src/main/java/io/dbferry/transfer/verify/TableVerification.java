package io.dbferry.transfer.verify;

import io.dbferry.introspect.model.TableId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What verifying one table found.
 *
 * @param source the source table, never null
 * @param target the target table, never null
 * @param method how the rows were compared, never null
 * @param sourceRows rows in the source table
 * @param targetRows rows in the target table (0 when it does not exist)
 * @param chunksCompared chunks whose digests were compared, 0 in counts mode (a multiset is one chunk)
 * @param chunksDiffering of those, the chunks whose digests differ
 * @param status equal or different, never null
 * @param differences the differing rows found, at most {@code --max-diffs}, in key order per chunk; never null
 * @param moreDifferences whether rows differ beyond those listed (the cap was reached, or differing chunks were
 *     not searched)
 * @param notes what the reader should know about how the table was compared, each a sentence; never null
 */
public record TableVerification(TableId source, TableId target, Method method, long sourceRows, long targetRows,
        int chunksCompared, int chunksDiffering, Status status, List<RowDifference> differences,
        boolean moreDifferences, List<String> notes) {

    /** How a table's rows were compared. */
    public enum Method {
        /** Row counts only. */
        COUNTS,
        /** Canonical rows hashed per primary-key range, differing ranges searched down to the rows. */
        CHUNKS,
        /** One count and hash over the whole table: no row-level diff is possible. */
        MULTISET;

        /**
         * The method as reports spell it.
         *
         * @return {@code counts}, {@code chunks} or {@code multiset}; never null
         */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Whether the target holds what it should. */
    public enum Status {
        /** Source and target agree. */
        EQUAL,
        /** They differ. */
        DIFFERENT;

        /**
         * The status as reports spell it.
         *
         * @return {@code equal} or {@code different}; never null
         */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Validates the parts and copies the lists. */
    public TableVerification {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(status, "status");
        differences = List.copyOf(differences);
        notes = List.copyOf(notes);
    }

    /**
     * Whether source and target agree on this table.
     *
     * @return true when the status is {@link Status#EQUAL}
     */
    public boolean matches() {
        return status == Status.EQUAL;
    }
}
