package io.dbferry.transfer.pipeline;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.mapping.MappedColumn;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.transfer.read.SqliteTableReader;
import io.dbferry.transfer.transform.TransformResult;
import io.dbferry.transfer.transform.Transforms;
import io.dbferry.transfer.transform.ValueTransform;
import io.dbferry.transfer.write.PostgresCopyWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Loads one table: reads it from the source, passes every value through its column's transform and COPYs
 * the rows into the target in one transaction, so a failure leaves the target table empty.
 *
 * <p>A value a transform rejects stops the load with a message naming the table, primary key, column,
 * value and reason. Not thread-safe; one loader per table at a time.
 */
final class TableLoader {

    private final Connection source;
    private final Connection target;

    TableLoader(Connection source, Connection target) {
        this.source = source;
        this.target = target;
    }

    TableResult load(MappedTable table) {
        long started = System.nanoTime();
        ValueTransform[] transforms = table.columns().stream()
                .map(Transforms::forColumn).toArray(ValueTransform[]::new);
        Object[] converted = new Object[transforms.length];
        try {
            target.setAutoCommit(false);
            long written;
            long read;
            try (PostgresCopyWriter writer = new PostgresCopyWriter(target, table)) {
                read = new SqliteTableReader(source).read(table, values -> {
                    convert(table, transforms, values, converted);
                    write(writer, converted, table);
                });
                written = writer.finish();
            }
            target.commit();
            return new TableResult(table.source().id(), table.target(), read, written,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException e) {
            throw rollbackAfter(new DbferryException(ErrorCode.LOAD_FAILED, "failed loading " + table.target()
                    + " on the target: " + e.getMessage(), e));
        } catch (RuntimeException e) {
            throw rollbackAfter(e);
        }
    }

    private static void convert(MappedTable table, ValueTransform[] transforms, Object[] values, Object[] out) {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                out[i] = null;
                continue;
            }
            switch (transforms[i].apply(value)) {
                case TransformResult.Converted c -> out[i] = c.value();
                case TransformResult.Rejected r -> throw rejected(table, i, values, r);
            }
        }
    }

    private static void write(PostgresCopyWriter writer, Object[] row, MappedTable table) {
        try {
            writer.write(row);
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.LOAD_FAILED, "failed loading " + table.target()
                    + " on the target after " + writer.rowsWritten() + " rows: " + e.getMessage(), e);
        }
    }

    private static DbferryException rejected(MappedTable table, int index, Object[] values,
            TransformResult.Rejected reject) {
        MappedColumn column = table.columns().get(index);
        return new DbferryException(ErrorCode.VALUE_REJECTED, "cannot load \"" + table.source().id().name() + "\"."
                + '"' + column.source().name() + "\" (" + column.source().type() + " → " + column.targetType()
                + ") at " + rowKey(table, values) + ": " + reject.message() + " [" + reject.reason() + "]. "
                + "Fix the value in the source, or leave the table out with --exclude.");
    }

    /** {@code primary key (a, b) = (1, 'x')}, or the whole row when the table has no primary key. */
    private static String rowKey(MappedTable table, Object[] values) {
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

    private RuntimeException rollbackAfter(RuntimeException failure) {
        try {
            target.rollback();
        } catch (SQLException e) {
            // A failed rollback means the connection is gone; the server then rolls back by itself.
            failure.addSuppressed(e);
        }
        return failure;
    }
}
