package io.dbferry.transfer.pgcopy;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.plan.PostgresCopyDdl;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Runs DDL on the target in one transaction with the target schema alone on the {@code search_path}, where the
 * catalog texts of {@link PostgresCopyDdl} resolve to the target schema's objects. Stateless.
 */
final class TargetStatements {

    private static final PostgresCopyDdl DDL = new PostgresCopyDdl();

    /** Work inside the transaction that may fail with an {@link SQLException}. */
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private TargetStatements() {}

    /**
     * Runs statements in one transaction and commits.
     *
     * @param connection a target connection in auto-commit mode, never null; left in auto-commit mode
     * @param schema the target schema, never null
     * @param statements the statements in order, never null
     * @throws DbferryException with {@link ErrorCode#DDL_FAILED} quoting the failing statement; nothing is kept
     */
    static void run(Connection connection, String schema, List<String> statements) {
        inTransaction(connection, schema, c -> {
            for (String sql : statements) {
                execute(c, sql);
            }
            return null;
        });
    }

    /**
     * Runs work in one transaction with the {@code search_path} set, and commits.
     *
     * @param connection a target connection in auto-commit mode, never null; left in auto-commit mode
     * @param schema the target schema, never null
     * @param work the work, never null
     * @return what the work returned
     * @throws DbferryException what the work threw, or {@link ErrorCode#DDL_FAILED} for an {@link SQLException};
     *     the transaction is rolled back
     */
    static <T> T inTransaction(Connection connection, String schema, Work<T> work) {
        try {
            connection.setAutoCommit(false);
            try {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(DDL.searchPath(schema));
                }
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.DDL_FAILED, e.getMessage(), e);
        }
    }

    /**
     * Runs one statement.
     *
     * @throws SQLException with the statement quoted in its message
     */
    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new SQLException("failed on the target running " + sql + ": " + e.getMessage(), e.getSQLState(), e);
        }
    }
}
