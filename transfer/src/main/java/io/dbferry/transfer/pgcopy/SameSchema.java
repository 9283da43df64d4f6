package io.dbferry.transfer.pgcopy;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Refuses a source and target that are one schema of one database: a copy onto itself (which
 * {@code --if-exists drop} would destroy) or a verification that would compare a schema with itself and prove
 * nothing. The same database is recognised by what the server says, not by the URLs (which may name one server
 * differently): its name and the server's start time ({@code pg_postmaster_start_time()}, PostgreSQL docs §9.26).
 */
final class SameSchema {

    private SameSchema() {}

    /**
     * Refuses one schema of one database on both sides.
     *
     * @param source an open connection to the source, never null; only read
     * @param target an open connection to the target, never null; only read
     * @param options the source and target schema, never null
     * @throws DbferryException with {@link ErrorCode#INVALID_OPTION} when both sides are the same schema of the same
     *     database
     * @throws SQLException when either server cannot be asked who it is
     */
    static void refuse(Connection source, Connection target, PostgresCopyOptions options) throws SQLException {
        if (options.sourceSchema().equals(options.targetSchema())
                && databaseIdentity(source).equals(databaseIdentity(target))) {
            throw new DbferryException(ErrorCode.INVALID_OPTION, "source and target are schema \""
                    + options.sourceSchema() + "\" of the same database \"" + databaseName(target)
                    + "\" on the same server; choose another --target-schema or another target database");
        }
    }

    private static String databaseName(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT pg_catalog.current_database()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String databaseIdentity(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT pg_catalog.current_database() || '@' "
                     + "|| pg_catalog.pg_postmaster_start_time()::text")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
