package io.dbferry.transfer.compare;

import io.dbferry.introspect.mapping.CastRule;
import io.dbferry.introspect.mapping.CastTransform;
import io.dbferry.introspect.mapping.MappedColumn;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.introspect.mapping.PostgresType;
import io.dbferry.introspect.mapping.PostgresTypeNames;
import io.dbferry.introspect.mapping.TargetType;
import io.dbferry.introspect.model.Column;
import io.dbferry.introspect.model.Index;
import io.dbferry.introspect.model.PrimaryKey;
import io.dbferry.introspect.model.Table;
import io.dbferry.introspect.model.UniqueKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A mapped table reshaped to what an existing target table will really enforce, so the data profile checks
 * the source's values against the target's column types, NOT NULL rules and unique keys instead of the ones
 * dbferry would create. Columns of a type dbferry does not write (e.g. {@code inet}) keep the mapped type.
 * Stateless.
 */
final class TargetShapedTable {

    private TargetShapedTable() {}

    /**
     * The mapped table with the existing target table's column types, nullability, primary key and unique keys.
     *
     * @param mapped the table as dbferry would create it, never null
     * @param actual the existing target table, never null
     * @return never null
     */
    static MappedTable of(MappedTable mapped, Table actual) {
        List<MappedColumn> columns = mapped.columns().stream().map(c -> reshaped(c, actual)).toList();
        Set<String> names = columns.stream().map(MappedColumn::targetName).collect(Collectors.toSet());
        PrimaryKey primaryKey = actual.primaryKey() != null && names.containsAll(actual.primaryKey().columns())
                ? actual.primaryKey() : mapped.primaryKey();
        List<UniqueKey> uniqueKeys = new ArrayList<>(mapped.uniqueKeys());
        actual.uniqueKeys().stream().filter(u -> names.containsAll(u.columns())).forEach(uniqueKeys::add);
        List<Index> indexes = new ArrayList<>(mapped.indexes());
        actual.indexes().stream().filter(i -> i.unique() && names.containsAll(i.columns())).forEach(indexes::add);
        return new MappedTable(mapped.source(), mapped.target(), columns, primaryKey, uniqueKeys,
                mapped.foreignKeys(), indexes);
    }

    private static MappedColumn reshaped(MappedColumn column, Table actual) {
        Optional<Column> target = actual.columns().stream().filter(c -> c.name().equals(column.targetName())).findFirst();
        if (target.isEmpty()) {
            return column;
        }
        TargetType type = PostgresTypeNames.of(target.get().type()).orElse(column.targetType());
        return new MappedColumn(column.source(), column.targetName(), type, target.get().nullable(), column.identity(),
                fits(column.castRule(), type) ? column.castRule() : null);
    }

    /** Whether the rule's {@code using} transform (an epoch or Julian-day unit) can write the target type. */
    private static boolean fits(CastRule rule, TargetType type) {
        if (rule == null || rule.transform() == null || rule.transform() == CastTransform.BOOLEAN) {
            return true;
        }
        return type.type() == PostgresType.DATE || type.type() == PostgresType.TIMESTAMP
                || type.type() == PostgresType.TIMESTAMPTZ;
    }
}
