package io.dbferry.transfer.pipeline;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.mapping.MappedColumn;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.transfer.transform.TransformResult;
import io.dbferry.transfer.transform.Transforms;
import io.dbferry.transfer.transform.ValueTransform;
import java.util.List;

/**
 * Passes every value of a source row through its column's transform. A value a transform rejects stops
 * the load with a message naming the table, primary key, column, value and reason. Not thread-safe: one
 * converter per reading thread (it reuses its output array).
 */
final class RowConverter {

    private final MappedTable table;
    private final ValueTransform[] transforms;
    private final Object[] converted;

    RowConverter(MappedTable table) {
        this.table = table;
        this.transforms = table.columns().stream().map(Transforms::forColumn).toArray(ValueTransform[]::new);
        this.converted = new Object[transforms.length];
    }

    /**
     * Converts one row.
     *
     * @param values the source values, in column order
     * @return the converted values, in an array reused by the next call
     * @throws DbferryException with {@link ErrorCode#VALUE_REJECTED} for the first rejected value
     */
    Object[] convert(Object[] values) {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                converted[i] = null;
                continue;
            }
            switch (transforms[i].apply(value)) {
                case TransformResult.Converted c -> converted[i] = c.value();
                case TransformResult.Rejected r -> throw rejected(i, values, r);
            }
        }
        return converted;
    }

    private DbferryException rejected(int index, Object[] values, TransformResult.Rejected reject) {
        MappedColumn column = table.columns().get(index);
        return new DbferryException(ErrorCode.VALUE_REJECTED, "cannot load \"" + table.source().id().name() + "\"."
                + '"' + column.source().name() + "\" (" + column.source().type() + " → " + column.targetType()
                + ") at " + rowKey(values) + ": " + reject.message() + " [" + reject.reason() + "]. "
                + "Fix the value in the source, or leave the table out with --exclude.");
    }

    /** {@code primary key (a, b) = (1, 'x')}, or the whole row when the table has no primary key. */
    private String rowKey(Object[] values) {
        List<String> names = table.source().primaryKey() == null
                ? table.columns().stream().map(c -> c.source().name()).toList()
                : table.source().primaryKey().columns();
        StringBuilder keys = new StringBuilder();
        for (String name : names) {
            int i = table.source().columns().indexOf(table.source().column(name));
            keys.append(keys.isEmpty() ? "" : ", ").append(name).append('=').append(ValueText.quote(values[i]));
        }
        return (table.source().primaryKey() == null ? "row (" : "primary key (") + keys + ")";
    }
}
