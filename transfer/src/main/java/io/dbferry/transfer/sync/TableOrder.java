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
 * first. A self-reference does not order anything; tables in a cycle of foreign keys keep the given order.
 */
final class TableOrder {

    private TableOrder() {}

    /**
     * Orders tables parents first.
     *
     * @param tables the tables, never null; foreign keys to tables not in the list are ignored
     * @return the same tables, each after every other table of the list it references (but in a cycle); never null
     */
    static List<MappedTable> parentsFirst(List<MappedTable> tables) {
        List<MappedTable> ordered = new ArrayList<>();
        Set<TableId> placed = new LinkedHashSet<>();
        List<MappedTable> waiting = new ArrayList<>(tables);
        Set<TableId> listed = new LinkedHashSet<>(tables.stream().map(MappedTable::target).toList());
        while (!waiting.isEmpty()) {
            MappedTable next = waiting.stream().filter(t -> parentsPlaced(t, listed, placed)).findFirst()
                    .orElse(waiting.getFirst()); // a cycle: nothing can go first, so keep the given order
            waiting.remove(next);
            ordered.add(next);
            placed.add(next.target());
        }
        return ordered;
    }

    private static boolean parentsPlaced(MappedTable table, Set<TableId> listed, Set<TableId> placed) {
        for (ForeignKey fk : table.foreignKeys()) {
            TableId parent = fk.referencedTable();
            if (!parent.equals(table.target()) && listed.contains(parent) && !placed.contains(parent)) {
                return false;
            }
        }
        return true;
    }
}
