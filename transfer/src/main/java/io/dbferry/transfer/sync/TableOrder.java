package io.dbferry.transfer.sync;

import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.introspect.model.ForeignKey;
import io.dbferry.introspect.model.TableId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The order in which a sync writes its tables: each table after the tables its foreign keys reference, so that
 * a new row's parent is already in the target when the row arrives (the target's foreign keys are checked at
 * the end of each statement, not deferred to the commit: https://www.postgresql.org/docs/current/sql-createtable.html,
 * {@code DEFERRABLE}). Among tables free to go, the given order is kept. Deletes go the other way: children
 * first. A self-reference does not order anything; a cycle of foreign keys is broken at its first table in the
 * given order, and the tables that depend on the cycle still come after it.
 */
final class TableOrder {

    private TableOrder() {}

    /**
     * Orders tables parents first.
     *
     * @param tables the tables, never null; foreign keys to tables not in the list are ignored
     * @return the same tables, each after every other table of the list it references (but within a cycle);
     *     never null
     */
    static List<MappedTable> parentsFirst(List<MappedTable> tables) {
        List<MappedTable> ordered = new ArrayList<>();
        Set<TableId> placed = new LinkedHashSet<>();
        List<MappedTable> waiting = new ArrayList<>(tables);
        Set<TableId> listed = new LinkedHashSet<>(tables.stream().map(MappedTable::target).toList());
        while (!waiting.isEmpty()) {
            // None free: a cycle blocks; break it at its first table in the given order, never at a table that
            // only depends on the cycle.
            MappedTable next = waiting.stream().filter(t -> parentsPlaced(t, listed, placed)).findFirst()
                    .orElseGet(() -> waiting.stream().filter(t -> inCycle(t, waiting, listed, placed)).findFirst()
                            .orElseThrow());
            waiting.remove(next);
            ordered.add(next);
            placed.add(next.target());
        }
        return ordered;
    }

    /** Whether the table reaches itself through the unplaced tables its foreign keys reference. */
    private static boolean inCycle(MappedTable table, List<MappedTable> waiting, Set<TableId> listed,
            Set<TableId> placed) {
        Set<TableId> seen = new LinkedHashSet<>();
        List<TableId> next = new ArrayList<>(unplacedParents(table, listed, placed));
        while (!next.isEmpty()) {
            TableId id = next.removeLast();
            if (id.equals(table.target())) {
                return true;
            }
            if (seen.add(id)) {
                waiting.stream().filter(t -> t.target().equals(id)).findFirst()
                        .ifPresent(t -> next.addAll(unplacedParents(t, listed, placed)));
            }
        }
        return false;
    }

    private static List<TableId> unplacedParents(MappedTable table, Set<TableId> listed, Set<TableId> placed) {
        return table.foreignKeys().stream().map(ForeignKey::referencedTable)
                .filter(p -> !p.equals(table.target()) && listed.contains(p) && !placed.contains(p)).toList();
    }

    private static boolean parentsPlaced(MappedTable table, Set<TableId> listed, Set<TableId> placed) {
        return unplacedParents(table, listed, placed).isEmpty();
    }
}
