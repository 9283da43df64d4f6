package io.dbferry.transfer.sync;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.mapping.MappedColumn;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.transfer.pipeline.RowKey;
import io.dbferry.transfer.pipeline.ValueText;
import io.dbferry.transfer.read.SqliteTableReader;
import io.dbferry.transfer.transform.TransformResult;
import io.dbferry.transfer.transform.Transforms;
import io.dbferry.transfer.transform.ValueTransform;
import io.dbferry.transfer.write.CopyBinaryEncoder;
import io.dbferry.transfer.write.CopyData;
import io.dbferry.transfer.write.CopyEncoder;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams the source rows that satisfy a condition through each column's transform into binary COPY data:
 * either one {@code COPY … FROM STDIN} on the target, sent in batches of about {@link CopyEncoder#BATCH_BYTES}
 * bytes ({@link #copy}), or complete COPY streams of a chosen size handed to the caller ({@link #batches}), so
 * memory does not grow with the number of rows. Not thread-safe: one thread at a time, the SQLite connection's.
 */
final class RowCopy {

    private final MappedTable table;
    private final ValueTransform[] transforms;
    private final Object[] converted;

    RowCopy(MappedTable table) {
        this.table = table;
        this.transforms = table.columns().stream().map(Transforms::forColumn).toArray(ValueTransform[]::new);
        this.converted = new Object[transforms.length];
    }

    /**
     * Copies the rows in one COPY statement, sending about every {@link CopyEncoder#BATCH_BYTES} bytes.
     *
     * @param source the SQLite connection, never null
     * @param target the target connection, in the caller's transaction; never null
     * @param copySql the COPY statement, binary format, for the table's columns in order; never null
     * @param where which source rows, never null
     * @param description the rows in words, for messages; never null
     * @return the rows read (and copied)
     * @throws DbferryException with {@code VALUE_REJECTED} for a value its transform rejects, {@code LOAD_FAILED}
     *     when SQLite or the COPY fails; the caller rolls back
     */
    long copy(Connection source, Connection target, String copySql, Condition where, String description) {
        try {
            CopyIn copyIn = target.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
            try {
                CopyEncoder encoder = encoder();
                encoder.begin();
                long rows = new SqliteTableReader(source).read(table, where, description, values -> {
                    encoder.appendRow(convert(values));
                    if (encoder.length() >= CopyEncoder.BATCH_BYTES) {
                        send(copyIn, encoder.take());
                    }
                });
                encoder.end();
                send(copyIn, encoder.take());
                copyIn.endCopy();
                return rows;
            } finally {
                if (copyIn.isActive()) {
                    copyIn.cancelCopy();
                }
            }
        } catch (SQLException e) {
            throw copyFailed(description, e);
        }
    }

    /**
     * Reads, converts and encodes the rows into batches, each a complete binary COPY stream (header, rows,
     * trailer) of at least {@code batchBytes} bytes but the last, and hands each to {@code sink}; no empty
     * batch. Touches no target connection.
     *
     * @param source the SQLite connection, never null
     * @param where which source rows, never null
     * @param description the rows in words, for messages; never null
     * @param batchBytes the size after which a batch is closed, in bytes, &gt; 0
     * @param sink receives the batches in order; it may throw a runtime exception to stop the read
     * @return the rows read (and handed over)
     * @throws CancellationException when the thread is interrupted: it checks after every row
     * @throws DbferryException with {@code VALUE_REJECTED} for a value its transform rejects, {@code LOAD_FAILED}
     *     when SQLite fails
     */
    long batches(Connection source, Condition where, String description, int batchBytes, Consumer<CopyData> sink) {
        CopyEncoder encoder = encoder();
        long[] pending = {0};
        encoder.begin();
        long rows = new SqliteTableReader(source).read(table, where, description, values -> {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("stopped while reading " + table.source().id().name());
            }
            encoder.appendRow(convert(values));
            pending[0]++;
            if (encoder.length() >= batchBytes) {
                encoder.end();
                sink.accept(encoder.take());
                encoder.begin();
                pending[0] = 0;
            }
        });
        if (pending[0] > 0) {
            encoder.end();
            sink.accept(encoder.take());
        }
        return rows;
    }

    /**
     * The error for a failed COPY of these rows.
     *
     * @param description the rows in words, never null
     * @param e the driver's exception, never null
     * @return a {@code LOAD_FAILED} exception naming source and target table, never null
     */
    DbferryException copyFailed(String description, SQLException e) {
        return new DbferryException(ErrorCode.LOAD_FAILED, "failed copying the rows of " + table.source().id().name()
                + " (" + description + ") to " + table.target() + " on the target: " + e.getMessage(), e);
    }

    private CopyEncoder encoder() {
        return new CopyBinaryEncoder(table.columns().stream().map(MappedColumn::targetType).toList());
    }

    private Object[] convert(Object[] values) {
        for (int i = 0; i < values.length; i++) {
            converted[i] = values[i] == null ? null : switch (transforms[i].apply(values[i])) {
                case TransformResult.Converted c -> c.value();
                case TransformResult.Rejected r -> throw new DbferryException(ErrorCode.VALUE_REJECTED,
                        "cannot sync \"" + table.source().id().name() + "\".\"" + table.columns().get(i).source().name()
                                + "\" at " + RowKey.describe(table, values) + ", value " + ValueText.quote(values[i])
                                + ": " + r.message() + " [" + r.reason() + "]. Fix the value "
                                + "in the source, or leave the table out with --exclude.");
            };
        }
        return converted;
    }

    private static void send(CopyIn copyIn, CopyData data) {
        try {
            copyIn.writeToCopy(data.bytes(), 0, data.length());
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.LOAD_FAILED, "failed sending COPY data to the target: "
                    + e.getMessage(), e);
        }
    }
}
