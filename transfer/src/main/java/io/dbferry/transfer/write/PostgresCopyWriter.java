package io.dbferry.transfer.write;

import io.dbferry.introspect.mapping.MappedColumn;
import io.dbferry.introspect.mapping.MappedTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows into one PostgreSQL table with {@code COPY … FROM STDIN} in text format, through pgjdbc's
 * {@code CopyManager}. Encoded rows are sent in batches of about {@link #BATCH_BYTES} bytes, so memory use
 * does not grow with the table.
 *
 * <p>The caller owns the connection and its transaction: the rows become visible when the caller commits.
 * Not thread-safe. Always {@link #close()}: a COPY that was not {@link #finish() finished} is cancelled.
 */
public final class PostgresCopyWriter implements AutoCloseable {

    /** Encoded bytes sent to the server in one round trip. */
    public static final int BATCH_BYTES = 256 * 1024;

    private static final DSLContext DSL_CONTEXT = DSL.using(SQLDialect.POSTGRES,
            new Settings().withRenderQuotedNames(RenderQuotedNames.ALWAYS));

    private final CopyIn copyIn;
    private final CopyTextEncoder encoder = new CopyTextEncoder();
    private long rows;

    /**
     * Starts a COPY into the target table's columns.
     *
     * @param connection a PostgreSQL connection, owned by the caller
     * @param table the mapped table, never null
     * @throws SQLException when the server refuses the COPY (e.g. the table does not exist)
     */
    public PostgresCopyWriter(Connection connection, MappedTable table) throws SQLException {
        this.copyIn = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql(table));
    }

    /**
     * The COPY statement for a table: {@code COPY "schema"."table" ("a", "b") FROM STDIN}.
     *
     * @param table the mapped table, never null
     * @return never null
     */
    public static String copySql(MappedTable table) {
        List<String> columns = table.columns().stream().map(MappedColumn::targetName)
                .map(name -> DSL_CONTEXT.render(DSL.name(name))).toList();
        return "COPY " + DSL_CONTEXT.render(DSL.name(table.target().schema(), table.target().name()))
                + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT text, ENCODING 'UTF8')";
    }

    /**
     * Encodes one row and sends the batch when it is full.
     *
     * @param values converted values in column order, null for NULL; not kept after the call
     * @throws SQLException when the server rejects the data (the message names the failing COPY line)
     */
    public void write(Object[] values) throws SQLException {
        encoder.appendRow(values);
        rows++;
        if (encoder.length() >= BATCH_BYTES) {
            flush();
        }
    }

    /**
     * Sends what is left and ends the COPY.
     *
     * @return the number of rows the server reports as copied
     * @throws SQLException when the server rejects the data
     */
    public long finish() throws SQLException {
        flush();
        return copyIn.endCopy();
    }

    /**
     * The rows handed to {@link #write} so far.
     *
     * @return rows, ≥ 0
     */
    public long rowsWritten() {
        return rows;
    }

    private void flush() throws SQLException {
        if (encoder.length() > 0) {
            copyIn.writeToCopy(encoder.buffer(), 0, encoder.length());
            encoder.clear();
        }
    }

    /** Cancels the COPY if it is still active; the caller then rolls back. */
    @Override
    public void close() throws SQLException {
        if (copyIn.isActive()) {
            copyIn.cancelCopy();
        }
    }
}
