package io.dbferry.transfer.verify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Runs one query on PostgreSQL through a server-side cursor, so that a chunk of any size is fetched a bounded number
 * of rows at a time: pgjdbc fetches by cursor only with a fetch size and auto-commit off (pgjdbc docs, "Getting
 * results based on a cursor"), so an auto-commit connection is switched off for the query and back after it.
 */
final class PostgresCursor {

    private PostgresCursor() {}

    /**
     * Runs the query and hands its result to {@code reader}.
     *
     * @param connection an open PostgreSQL connection, never null; left in the auto-commit mode it had
     * @param sql the query, with {@code ?} for each bind value; never null
     * @param binds the bind values in order, never null
     * @param fetchSize rows fetched per round trip, ≥ 1
     * @param reader reads the result, never null
     * @return what {@code reader} returns
     * @throws SQLException when the query, the reader or the commit that ends the cursor's transaction fails
     */
    static <T> T read(Connection connection, String sql, List<Object> binds, int fetchSize,
            TableRows.ResultReader<T> reader) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        if (autoCommit) {
            connection.setAutoCommit(false);
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(fetchSize);
            for (int i = 0; i < binds.size(); i++) {
                statement.setObject(i + 1, binds.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                return reader.read(rs);
            }
        } finally {
            if (autoCommit) {
                connection.commit();
                connection.setAutoCommit(true);
            }
        }
    }
}
