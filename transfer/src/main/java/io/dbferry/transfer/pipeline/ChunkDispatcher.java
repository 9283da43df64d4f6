package io.dbferry.transfer.pipeline;

import io.dbferry.introspect.model.ForeignKey;
import io.dbferry.introspect.model.TableId;
import io.dbferry.transfer.read.Chunk;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hands out chunks to readers in load order, table after table, so that tables load in parallel as
 * readers free up.
 *
 * <p>With {@code parentsFirst}, a table's chunks are held back until every table it references that comes
 * earlier in the load order is completely loaded: a target table kept by {@code --if-exists truncate} keeps
 * its foreign keys, and a child row committed before its parent row would violate them. References to later
 * tables (cycles) are not waited for, so this never deadlocks; {@link LoadOrder} puts parents first.
 * Thread-safe.
 */
final class ChunkDispatcher {

    /** One chunk to read, with the load of its table. */
    record Work(TableLoad table, Chunk chunk) {}

    private final LinkedList<Work> pending = new LinkedList<>();
    private final Map<TableId, Set<TableId>> waitsFor = new HashMap<>();
    private final Set<TableId> loaded = new HashSet<>();

    ChunkDispatcher(List<TableLoad> tables, boolean parentsFirst) {
        List<TableId> earlier = new ArrayList<>();
        for (TableLoad table : tables) {
            table.chunks().forEach(chunk -> pending.add(new Work(table, chunk)));
            Set<TableId> parents = new HashSet<>();
            if (parentsFirst) {
                table.table().foreignKeys().stream().map(ForeignKey::referencedTable)
                        .filter(earlier::contains).forEach(parents::add);
            }
            waitsFor.put(table.table().target(), parents);
            earlier.add(table.table().target());
        }
    }

    /**
     * The next chunk whose table may be loaded now, waiting while every remaining one waits for a parent.
     *
     * @return the chunk, or null when every chunk has been handed out
     * @throws InterruptedException when the migration is cancelled while waiting
     */
    synchronized Work next() throws InterruptedException {
        while (!pending.isEmpty()) {
            for (Iterator<Work> it = pending.iterator(); it.hasNext(); ) {
                Work work = it.next();
                if (loaded.containsAll(waitsFor.get(work.table().table().target()))) {
                    it.remove();
                    return work;
                }
            }
            wait();
        }
        return null;
    }

    /** Notes that every chunk of a table is committed, releasing the tables that wait for it. */
    synchronized void tableLoaded(TableId table) {
        loaded.add(table);
        notifyAll();
    }
}
