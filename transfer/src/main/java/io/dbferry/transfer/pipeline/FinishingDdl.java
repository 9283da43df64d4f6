package io.dbferry.transfer.pipeline;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.introspect.model.ForeignKey;
import io.dbferry.introspect.plan.PostgresDdl;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The DDL a migration runs once every table is loaded: the foreign keys (they need every parent's rows), then the
 * identity sequences restarted after the largest loaded value. Each step is one transaction, so a resumed run finds
 * either all of a step's objects or none.
 */
final class FinishingDdl {

    private final Connection connection;
    private final TargetDdl targetDdl;
    private final PostgresDdl ddl;
    private final Path rejects;

    /**
     * @param connection the target connection, never null
     * @param ddl renders the statements, never null
     * @param rejects the reject-file directory, named when a foreign key fails after rows were rejected; never null
     */
    FinishingDdl(Connection connection, PostgresDdl ddl, Path rejects) {
        this.connection = connection;
        this.targetDdl = new TargetDdl(connection);
        this.ddl = ddl;
        this.rejects = rejects;
    }

    /**
     * Creates the foreign keys of the tables this run created, but those the target has already (a resumed run
     * that stopped after creating them: they come in one transaction); when rows were rejected, a failure says
     * that a parent row may be among them.
     *
     * @param created the tables this run created, never null
     * @param results the tables' load results, for the rejected-row count; never null
     * @throws DbferryException with {@link ErrorCode#DDL_FAILED} when the target's keys cannot be read or one cannot
     *     be created
     */
    void createForeignKeys(List<MappedTable> created, List<TableResult> results) {
        List<String> statements = new ArrayList<>();
        try (PreparedStatement exists = connection.prepareStatement("select exists (select 1 from pg_constraint "
                + "where conrelid = to_regclass(?) and conname = ?::name and contype = 'f')")) {
            for (MappedTable table : created) {
                for (ForeignKey fk : table.foreignKeys()) {
                    exists.setString(1, ddl.qualifiedName(table.target()));
                    exists.setString(2, fk.name());
                    try (ResultSet rs = exists.executeQuery()) {
                        rs.next();
                        if (!rs.getBoolean(1)) {
                            statements.add(ddl.addForeignKey(table.target(), fk));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.DDL_FAILED, "cannot read the foreign keys of the target: "
                    + e.getMessage(), e);
        }
        try {
            targetDdl.inTransaction("creating the foreign keys", statements);
        } catch (DbferryException e) {
            long rejected = results.stream().mapToLong(TableResult::rowsRejected).sum();
            if (rejected == 0) {
                throw e;
            }
            throw new DbferryException(e.code(), e.getMessage() + " " + rejected + " rows were rejected (see "
                    + rejects + "): a referenced row may be among them. Fix them in the source, or use "
                    + "--on-error stop to stop at the first one.", e);
        }
    }

    /**
     * Restarts every identity column's sequence after the largest value loaded.
     *
     * @param tables the migrated tables, never null
     * @throws DbferryException with {@link ErrorCode#DDL_FAILED} when a restart fails
     */
    void restartIdentities(List<MappedTable> tables) {
        targetDdl.inTransaction("restarting identity sequences", tables.stream()
                .flatMap(t -> t.identityColumns().stream().map(c -> ddl.restartIdentity(t.target(), c.targetName())))
                .toList());
    }
}
