package io.dbferry.transfer.pgcopy;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.model.TableId;
import io.dbferry.introspect.postgres.CatalogColumn;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOut;

/**
 * Copies one table by piping {@code COPY (SELECT …) TO STDOUT} on the source into {@code COPY … FROM STDIN} on
 * the target through pgjdbc's {@code CopyOut} and {@code CopyIn}: the data passes through as the server sent it,
 * buffer by buffer, never decoded (PostgreSQL docs, COPY). The binary format is used unless a column's binary form
 * names type OIDs, which differ between databases (then text); both need the same column types on both ends.
 * The target side is one transaction: the table is loaded whole or not at all. Stateless.
 */
final class TablePipe {

    private static final DSLContext POSTGRES = DSL.using(SQLDialect.POSTGRES,
            new Settings().withRenderQuotedNames(RenderQuotedNames.ALWAYS));

    /**
     * Rows of one copied table.
     *
     * @param rowsRead rows the source's COPY sent
     * @param rowsWritten rows the target's COPY stored
     */
    record Counts(long rowsRead, long rowsWritten) {}

    private TablePipe() {}

    /**
     * Copies the table and commits the target's transaction.
     *
     * @param source a source session in its snapshot transaction, never null; its transaction is left open
     * @param target a target connection, never null; left in auto-commit mode
     * @param table the table, never null
     * @return the counts, equal, never null
     * @throws DbferryException with {@link ErrorCode#LOAD_FAILED} naming the source and target table and what the
     *     server said (for a bad value its COPY context: line and column); the target's transaction is rolled back
     */
    static Counts copy(Connection source, Connection target, CopyTable table) {
        boolean text = table.definition().copiedColumns().stream().anyMatch(CatalogColumn::needsTextCopy);
        String format = text ? "text" : "binary";
        String columns = table.definition().copiedColumns().stream()
                .map(c -> POSTGRES.render(DSL.name(c.name()))).collect(Collectors.joining(", "));
        // ONLY: the rows of tables that inherit from this one are theirs, copied with them (docs §5.10).
        String copyOut = "COPY (SELECT " + columns + " FROM ONLY " + name(table.source().id()) + ") TO STDOUT "
                + "(FORMAT " + format + ")";
        String copyIn = "COPY " + name(table.target()) + " (" + columns + ") FROM STDIN (FORMAT " + format + ")";
        try {
            target.setAutoCommit(false);
            try {
                Counts counts = pipe(source, target, copyOut, copyIn);
                target.commit();
                return counts;
            } catch (SQLException | RuntimeException e) {
                target.rollback();
                throw e;
            } finally {
                target.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.LOAD_FAILED, "failed copying " + table.source().id() + " to "
                    + table.target() + " on the target: " + e.getMessage(), e);
        }
    }

    private static Counts pipe(Connection source, Connection target, String copyOut, String copyIn)
            throws SQLException {
        CopyOut out = source.unwrap(PGConnection.class).getCopyAPI().copyOut(copyOut);
        CopyIn in = null;
        try {
            in = target.unwrap(PGConnection.class).getCopyAPI().copyIn(copyIn);
            for (byte[] buffer = out.readFromCopy(); buffer != null; buffer = out.readFromCopy()) {
                in.writeToCopy(buffer, 0, buffer.length);
            }
            long written = in.endCopy();
            long read = out.getHandledRowCount();
            if (read != written) {
                throw new SQLException("the source sent " + read + " rows but the target stored " + written);
            }
            return new Counts(read, written);
        } catch (SQLException | RuntimeException e) {
            cancel(out, in, e);
            throw e;
        }
    }

    /** Ends whichever COPY is still running, so both connections can be used (and rolled back) again. */
    private static void cancel(CopyOut out, CopyIn in, Exception failure) {
        try {
            if (out.isActive()) {
                out.cancelCopy();
            }
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
        try {
            if (in != null && in.isActive()) {
                in.cancelCopy();
            }
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static String name(TableId table) {
        return POSTGRES.render(DSL.name(table.schema(), table.name()));
    }
}
