package io.dbferry.transfer.pipeline;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.model.SchemaSnapshot;
import io.dbferry.introspect.model.Table;
import java.util.ArrayList;
import java.util.List;

/** Applies {@code --tables} and {@code --exclude} to a source schema. Stateless. */
public final class TableSelection {

    private TableSelection() {}

    /**
     * The tables to migrate, in the snapshot's order.
     *
     * @param source the source schema, never null
     * @param options whose {@code tables} and {@code exclude} select, never null
     * @return the selected tables, never null, possibly empty
     * @throws DbferryException with {@link ErrorCode#INVALID_OPTION} when an option names a table the source does
     *     not have (names are exact, case-sensitive), listing the tables it has
     */
    public static List<Table> select(SchemaSnapshot source, MigrationOptions options) {
        List<String> known = source.tables().stream().map(t -> t.id().name()).toList();
        checkKnown("--tables", options.tables(), known);
        checkKnown("--exclude", options.exclude(), known);
        List<Table> selected = new ArrayList<>();
        for (Table table : source.tables()) {
            String name = table.id().name();
            if ((options.tables().isEmpty() || options.tables().contains(name)) && !options.exclude().contains(name)) {
                selected.add(table);
            }
        }
        return selected;
    }

    private static void checkKnown(String option, List<String> names, List<String> known) {
        List<String> unknown = names.stream().filter(n -> !known.contains(n)).toList();
        if (!unknown.isEmpty()) {
            throw new DbferryException(ErrorCode.INVALID_OPTION, option + " names " + unknown
                    + " but the source has no such table (names are case-sensitive); it has " + known);
        }
    }
}
