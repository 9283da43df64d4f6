package io.dbferry.transfer.pgcopy;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.plan.PostgresCopyDdl;
import io.dbferry.transfer.connect.PostgresUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * One consistent, read-only view of the source: a coordinator session in a {@code REPEATABLE READ READ ONLY}
 * transaction that exports its snapshot ({@code pg_export_snapshot()}), and worker sessions that import it
 * ({@code SET TRANSACTION SNAPSHOT}), so every table is read as of the same moment however many workers read
 * (PostgreSQL docs §9.27.5 "Snapshot Synchronization Functions", SET TRANSACTION). Every session has the source
 * schema alone on its {@code search_path}, so catalog texts name the schema's objects unqualified.
 *
 * <p>Nothing is ever written: the transactions are read-only and are rolled back. The coordinator must stay
 * open while workers import its snapshot. Not thread-safe; each session belongs to one thread at a time.
 */
final class SourceSnapshot implements AutoCloseable {

    private static final PostgresCopyDdl DDL = new PostgresCopyDdl();

    private final PostgresUrl url;
    private final String schema;
    private final Connection coordinator;
    private final String snapshotId;

    private SourceSnapshot(PostgresUrl url, String schema, Connection coordinator, String snapshotId) {
        this.url = url;
        this.schema = schema;
        this.coordinator = coordinator;
        this.snapshotId = snapshotId;
    }

    /**
     * Connects the coordinator and exports its snapshot.
     *
     * @param url the source, password resolved, never null
     * @param schema the source schema, exact spelling, never null
     * @return never null; the caller closes it
     * @throws DbferryException with {@link ErrorCode#CONNECTION_FAILED} when the source cannot be reached or the
     *     snapshot cannot be taken (e.g. on a hot standby, where {@code pg_export_snapshot} is not allowed)
     */
    static SourceSnapshot open(PostgresUrl url, String schema) {
        Connection connection = connect(url, schema, null);
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT pg_catalog.pg_export_snapshot()")) {
            rs.next();
            return new SourceSnapshot(url, schema, connection, rs.getString(1));
        } catch (SQLException e) {
            closeQuietly(connection, e);
            throw new DbferryException(ErrorCode.CONNECTION_FAILED, "cannot export a snapshot of source "
                    + url.redacted() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The coordinator session, for reading the schema and verifying against the same snapshot.
     *
     * @return never null; owned by this object, do not close it or end its transaction
     */
    Connection coordinator() {
        return coordinator;
    }

    /**
     * Opens a worker session that sees the coordinator's snapshot.
     *
     * @return a new connection in a read-only transaction, never null; the caller closes it
     * @throws DbferryException with {@link ErrorCode#CONNECTION_FAILED} when it cannot be opened
     */
    Connection openWorker() {
        return connect(url, schema, snapshotId);
    }

    /** Ends the coordinator's transaction (rolling back: nothing was written) and closes it. */
    @Override
    public void close() {
        try {
            coordinator.rollback();
            coordinator.close();
        } catch (SQLException e) {
            // Closing a read-only session cannot lose anything; the server ends the transaction when we go.
        }
    }

    private static Connection connect(PostgresUrl url, String schema, String snapshotId) {
        Connection connection = null;
        try {
            connection = DriverManager.getConnection(url.jdbcUrl(), url.jdbcCredentials());
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                // The first statement of the transaction; pgjdbc sends BEGIN before it.
                statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                if (snapshotId != null) {
                    statement.execute("SET TRANSACTION SNAPSHOT "
                            + DSL.using(SQLDialect.POSTGRES).render(DSL.inline(snapshotId)));
                }
                statement.execute(DDL.searchPath(schema));
            }
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection, e);
            throw new DbferryException(ErrorCode.CONNECTION_FAILED, "cannot open a read-only session on source "
                    + url.redacted() + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Connection connection, SQLException failure) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
