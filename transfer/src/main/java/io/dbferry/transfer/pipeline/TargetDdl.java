package io.dbferry.transfer.pipeline;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Runs groups of DDL statements on the target, each group in one transaction, so a failure leaves nothing
 * of the group behind (PostgreSQL DDL is transactional).
 */
final class TargetDdl {

    private final Connection connection;

    TargetDdl(Connection connection) {
        this.connection = connection;
    }

    /**
     * Runs the statements in one transaction.
     *
     * @param what the group in words, for the error message (e.g. {@code "creating the tables"})
     * @throws DbferryException with {@link ErrorCode#DDL_FAILED} naming the group, the statement and the
     *     server's message
     */
    void inTransaction(String what, List<String> statements) {
        String current = "";
        try (Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            for (String sql : statements) {
                current = sql;
                runStatement(statement, sql);
            }
            connection.commit();
        } catch (SQLException e) {
            DbferryException failure = new DbferryException(ErrorCode.DDL_FAILED,
                    what + " failed on the target: " + e.getMessage() + " (statement: " + current + ")", e);
            try {
                connection.rollback();
            } catch (SQLException rollbackFailure) {
                failure.addSuppressed(rollbackFailure);
            }
            throw failure;
        }
    }

    private static void runStatement(Statement statement, String sql) throws SQLException {
        if (statement.execute(sql)) {
            try (ResultSet ignored = statement.getResultSet()) {
                // a SELECT such as setval(): its value is not needed
            }
        }
    }
}
