package io.dbferry.transfer.pipeline;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.introspect.plan.PostgresDdl;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Builds the primary key, UNIQUE constraints and indexes of one loaded table, in one transaction on a
 * connection of its own, so that several tables build theirs at once.
 *
 * <p>With a {@code maintenanceWorkMem}, the transaction first sets {@code maintenance_work_mem} for itself
 * ({@code set_config(…, true)}, like {@code SET LOCAL}; PostgreSQL docs §20.4.1: the memory a
 * {@code CREATE INDEX} or {@code ADD PRIMARY KEY} may sort in before spilling to disk). Thread-safe.
 */
final class KeyBuilder {

    /** SQLSTATE unique_violation: a key could not be built because two rows hold the same key. */
    static final String DUPLICATE_KEY = "23505";

    private final DataSource target;
    private final String maintenanceWorkMem;
    private final PostgresDdl ddl = new PostgresDdl();

    /**
     * Creates a builder.
     *
     * @param target the target pool, never null
     * @param maintenanceWorkMem e.g. {@code "256MB"}, or null to keep the server's setting
     */
    KeyBuilder(DataSource target, String maintenanceWorkMem) {
        this.target = target;
        this.maintenanceWorkMem = maintenanceWorkMem;
    }

    /**
     * Builds the keys and indexes of a table.
     *
     * @throws DbferryException with {@code DDL_FAILED} naming the table (and the statement, when one failed); for
     *     duplicate keys, with the way to find and fix them, and the {@code SQLException} as its cause
     */
    void build(MappedTable table) {
        try (Connection connection = target.getConnection()) {
            connection.setAutoCommit(false);
            if (maintenanceWorkMem != null) {
                try (PreparedStatement set = connection.prepareStatement(
                        "select set_config('maintenance_work_mem', ?, true)")) {
                    set.setString(1, maintenanceWorkMem);
                    set.execute();
                }
            }
            new TargetDdl(connection).inTransaction("creating the keys and indexes of " + table.target(),
                    ddl.keysAndIndexes(table));
        } catch (DbferryException e) {
            if (e.getCause() instanceof SQLException s && DUPLICATE_KEY.equals(s.getSQLState())) {
                throw new DbferryException(ErrorCode.DDL_FAILED, e.getMessage() + ": rows that are distinct in SQLite "
                        + "became equal in PostgreSQL (e.g. one time written in two text forms, 1 and 1.0, or text "
                        + "compared by another collation), so the table has no key; dbferry compare lists them as "
                        + "DUPLICATE_KEY. Fix them in the source or give the column another type with --cast, then "
                        + "start over with --if-exists drop", s);
            }
            throw e;
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.DDL_FAILED, "creating the keys and indexes of " + table.target()
                    + " failed on the target: " + e.getMessage(), e);
        }
    }
}
