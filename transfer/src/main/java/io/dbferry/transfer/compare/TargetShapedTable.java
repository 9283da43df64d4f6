package io.dbferry.transfer.compare;

import io.dbferry.introspect.mapping.MappedColumn;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.introspect.model.Column;
import io.dbferry.introspect.model.Index;
import io.dbferry.introspect.model.PrimaryKey;
import io.dbferry.introspect.model.Table;
import io.dbferry.introspect.model.UniqueKey;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A mapped table reshaped to the rules an existing target table will really enforce — its NOT NULL columns,
 * primary key and unique keys — so the data profile finds NULLs and duplicates the target refuses. Column
 * types stay the mapped ones: migrate converts values with the mapped type's transform whatever the target
 * column is, and the schema comparison reports how that type fits the target's ({@code TYPE_*} codes).
 * Stateless.
 */
final class TargetShapedTable {

    private TargetShapedTable() {}

    /**
     * The mapped table with the existing target table's nullability, primary key and unique keys instead of
     * the mapped ones.
     *
     * @param mapped the table as dbferry would create it, never null
     * @param actual the existing target table, never null
     * @return never null
     */
    static MappedTable of(MappedTable mapped, Table actual) {
        List<MappedColumn> columns = mapped.columns().stream().map(c -> reshaped(c, actual)).toList();
        Set<String> names = columns.stream().map(MappedColumn::targetName).collect(Collectors.toSet());
        // Only the target's own keys: migrate creates no key on a table that already exists.
        PrimaryKey primaryKey = actual.primaryKey() != null && names.containsAll(actual.primaryKey().columns())
                ? actual.primaryKey() : null;
        List<UniqueKey> uniqueKeys = actual.uniqueKeys().stream().filter(u -> names.containsAll(u.columns())).toList();
        List<Index> indexes = actual.indexes().stream()
                .filter(i -> i.unique() && i.isPlain() && names.containsAll(i.columns()))
                .toList();
        return new MappedTable(mapped.source(), mapped.target(), columns, primaryKey, uniqueKeys,
                mapped.foreignKeys(), indexes);
    }

    private static MappedColumn reshaped(MappedColumn column, Table actual) {
        Optional<Column> target = actual.columns().stream().filter(c -> c.name().equals(column.targetName())).findFirst();
        if (target.isEmpty()) {
            return column;
        }
        return new MappedColumn(column.source(), column.targetName(), column.targetType(), target.get().nullable(),
                column.identity(), column.castRule());
    }
}
