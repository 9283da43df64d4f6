package io.dbferry.transfer.tosqlite;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.mapping.SqliteColumn;
import io.dbferry.introspect.mapping.SqliteTable;
import io.dbferry.introspect.model.TableId;
import io.dbferry.transfer.pipeline.MigrationEvent;
import io.dbferry.transfer.pipeline.MigrationListener;
import io.dbferry.transfer.pipeline.TableResult;
import io.dbferry.transfer.reject.OnError;
import io.dbferry.transfer.reject.Reject;
import io.dbferry.transfer.reject.RejectFiles;
import io.dbferry.transfer.transform.TransformResult;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * Loads one table: streams its PostgreSQL rows, converts each value ({@link SqliteValueReader}) and inserts the rows
 * with one prepared {@code INSERT}, sent in JDBC batches and committed every {@code batchRows} rows. A row with a
 * value that cannot be converted is rejected — written to the table's reject file, or with {@link OnError#STOP} the
 * load fails naming the table, column, key and value; rows read = rows written + rows rejected. Not thread-safe.
 */
final class SqliteTableLoad {

    /** Rows sent to SQLite in one {@code executeBatch()}. */
    private static final int JDBC_BATCH = 1_000;

    private static final DSLContext NAMES = DSL.using(SQLDialect.POSTGRES,
            new Settings().withRenderQuotedNames(RenderQuotedNames.ALWAYS));

    private final SqliteTable table;
    private final String schema;
    private final long batchRows;
    private final OnError onError;
    private final RejectFiles rejects;
    private final MigrationListener listener;

    /**
     * Prepares the load of one table.
     *
     * @param table the mapped table, never null
     * @param schema the PostgreSQL source schema, never null
     * @param batchRows rows per SQLite transaction, ≥ 1
     * @param onError what a value that cannot be converted does, never null
     * @param rejects where rejects go, never null
     * @param listener receives a {@link MigrationEvent.ChunkLoaded} per commit, never null
     */
    SqliteTableLoad(SqliteTable table, String schema, long batchRows, OnError onError, RejectFiles rejects,
            MigrationListener listener) {
        this.table = table;
        this.schema = schema;
        this.batchRows = batchRows;
        this.onError = onError;
        this.rejects = rejects;
        this.listener = listener;
    }

    /**
     * Loads the table.
     *
     * @param source the PostgreSQL connection inside the run's read-only transaction, never null
     * @param target the SQLite connection, not in auto-commit mode, never null
     * @param estimatedRows the table's row count, for progress
     * @return the counts, never null
     * @throws DbferryException with {@link ErrorCode#LOAD_FAILED} naming the table when reading or writing fails
     *     (the rows committed before stay), {@link ErrorCode#VALUE_REJECTED} on a reject with {@link OnError#STOP}
     */
    TableResult load(Connection source, Connection target, long estimatedRows) {
        long started = System.nanoTime();
        Counts counts = new Counts();
        try (PostgresTableCursor cursor = new PostgresTableCursor(source, schema, table, JDBC_BATCH * 10);
                PreparedStatement insert = target.prepareStatement(insertSql())) {
            ResultSet rs = cursor.rows();
            while (rs.next()) {
                counts.read++;
                if (bindRow(rs, insert)) {
                    insert.addBatch();
                    counts.pending++;
                } else {
                    counts.rejected++;
                }
                if (counts.pending % JDBC_BATCH == 0 && counts.pending > 0) {
                    insert.executeBatch();
                }
                if (counts.read % batchRows == 0) {
                    commit(insert, target, counts, estimatedRows, started);
                }
            }
            commit(insert, target, counts, estimatedRows, started);
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.LOAD_FAILED, "failed loading " + table.source().id()
                    + " into SQLite table \"" + table.name() + "\" after " + counts.written + " committed rows: "
                    + e.getMessage(), e);
        }
        Path rejectFile = counts.rejected == 0 ? null : rejects.file(table.name());
        TableResult result = new TableResult(table.source().id(), new TableId("main", table.name()), counts.read,
                counts.written, counts.rejected, rejectFile, 0, (System.nanoTime() - started) / 1_000_000);
        listener.on(new MigrationEvent.TableLoaded(result));
        return result;
    }

    /** Rows read, written (committed), pending in the open transaction, rejected, and commits made. */
    private static final class Counts {
        long read;
        long written;
        long pending;
        long rejected;
        int commits;
    }

    private void commit(PreparedStatement insert, Connection target, Counts counts, long estimatedRows,
            long started) throws SQLException {
        insert.executeBatch();
        target.commit();
        counts.written += counts.pending;
        counts.pending = 0;
        counts.commits++;
        listener.on(new MigrationEvent.ChunkLoaded(new TableId("main", table.name()), counts.written, estimatedRows,
                counts.commits, (int) Math.max(counts.commits, (estimatedRows + batchRows - 1) / batchRows),
                (System.nanoTime() - started) / 1_000_000));
    }

    /** Binds a row's converted values; false when a value was rejected (the row is then not inserted). */
    private boolean bindRow(ResultSet rs, PreparedStatement insert) throws SQLException {
        List<SqliteColumn> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            TransformResult value = SqliteValueReader.read(rs, i + 1, columns.get(i));
            switch (value) {
                case null -> insert.setObject(i + 1, null);
                case TransformResult.Converted c -> insert.setObject(i + 1, c.value());
                case TransformResult.Rejected r -> {
                    reject(rs, i, r);
                    return false;
                }
            }
        }
        return true;
    }

    private void reject(ResultSet rs, int index, TransformResult.Rejected rejected) throws SQLException {
        SqliteColumn column = table.columns().get(index);
        Map<String, Object> key = new LinkedHashMap<>();
        List<String> keyColumns = table.primaryKey() != null ? table.primaryKey().columns()
                : table.columns().stream().map(SqliteColumn::name).toList();
        List<String> names = table.columns().stream().map(SqliteColumn::name).toList();
        for (String name : keyColumns) {
            key.put(name, rs.getString(names.indexOf(name) + 1));
        }
        String value = rs.getString(index + 1);
        if (onError == OnError.STOP) {
            throw new DbferryException(ErrorCode.VALUE_REJECTED, "cannot write " + table.source().id() + " column \""
                    + column.name() + "\" (primary key " + key + ") value " + value + ": " + rejected.message() + " ["
                    + rejected.reason() + "]; use --on-error reject to write such rows to the reject files and go on");
        }
        rejects.write(List.of(new Reject(table.name(), key, column.name(), value, rejected.reason(),
                rejected.message())));
    }

    private String insertSql() {
        return "INSERT INTO " + NAMES.render(DSL.name(table.name())) + " ("
                + table.columns().stream().map(c -> NAMES.render(DSL.name(c.name()))).collect(Collectors.joining(", "))
                + ") VALUES (" + table.columns().stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    }
}
