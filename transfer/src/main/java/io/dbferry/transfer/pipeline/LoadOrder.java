package io.dbferry.transfer.pipeline;

import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.introspect.model.ForeignKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders tables so that referenced tables load before the tables that reference them. That matters when a
 * pre-existing target keeps its foreign keys ({@code --if-exists truncate}). Tables in a reference cycle
 * keep their given order; self-references are ignored (COPY checks them at the end of the statement).
 */
final class LoadOrder {

    private LoadOrder() {}

    static List<MappedTable> parentsFirst(List<MappedTable> tables) {
        Map<String, MappedTable> pending = new LinkedHashMap<>();
        tables.forEach(t -> pending.put(t.target().name(), t));
        List<MappedTable> ordered = new ArrayList<>();
        while (!pending.isEmpty()) {
            MappedTable next = pending.values().stream()
                    .filter(t -> t.foreignKeys().stream().noneMatch(fk -> waitsFor(t, fk, pending)))
                    .findFirst()
                    .orElse(pending.values().iterator().next()); // a cycle: take the first and go on
            ordered.add(next);
            pending.remove(next.target().name());
        }
        return ordered;
    }

    private static boolean waitsFor(MappedTable table, ForeignKey fk, Map<String, MappedTable> pending) {
        String parent = fk.referencedTable().name();
        return !parent.equals(table.target().name()) && pending.containsKey(parent);
    }
}
