package io.dbferry.transfer.pipeline;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.introspect.plan.PostgresDdl;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * When a migration may continue an unfinished run ({@code --resume}) and when it must refuse to start: the
 * rules around {@link RunState}'s runs. Stateless.
 */
final class Resumption {

    private Resumption() {}

    /** The error for a target holding an unfinished run when {@code --resume} was not given. */
    static DbferryException unfinished(RunState.Run run, MigrationOptions options) {
        return new DbferryException(ErrorCode.UNFINISHED_RUN, "the target schema \"" + options.targetSchema()
                + "\" holds migration run " + run.id() + " of " + run.sourcePath() + ", started " + run.started()
                + ", which did not finish (" + run.state() + "); nothing was changed. "
                + "Run the same command with --resume to continue it, or with --if-exists drop to start over");
    }

    /**
     * Checks that a run can be continued: there is one, it was started with the same chunk-planning options,
     * and the source file is the one it started from.
     *
     * @param run the unfinished run, null when there is none
     * @throws DbferryException with {@link ErrorCode#CANNOT_RESUME} saying why not and what to do instead
     */
    static void check(RunState.Run run, Path sourcePath, MigrationOptions options) {
        if (run == null) {
            throw new DbferryException(ErrorCode.CANNOT_RESUME, "there is no unfinished migration into schema \""
                    + options.targetSchema() + "\" to resume (checked " + options.stateSchema() + ".migration_run); "
                    + "run without --resume");
        }
        if (!options.chunkPlanKey().equals(run.options())) {
            throw new DbferryException(ErrorCode.CANNOT_RESUME, "run " + run.id() + " was started with other "
                    + "options (" + run.options() + "; now " + options.chunkPlanKey() + "), so its checkpointed "
                    + "chunks would not match the chunks planned now; resume with the same --tables, --exclude, "
                    + "--identifiers, --cast, --batch-rows and --if-exists, or start over with --if-exists drop");
        }
        SourceFingerprint now = SourceFingerprint.of(sourcePath);
        if (now.size() != run.sourceSize() || now.modified() != run.sourceModified()) {
            throw new DbferryException(ErrorCode.CANNOT_RESUME, "the source " + now.path() + " changed since run "
                    + run.id() + " started (" + run.sourceSize() + " → " + now.size() + " bytes, modified at "
                    + run.sourceModified() + " → " + now.modified() + " ms), so its chunks cannot be continued; "
                    + "start over with --if-exists drop instead of --resume");
        }
    }

    /**
     * Checks that every target table holds exactly the rows its checkpointed chunks wrote: a table emptied,
     * reloaded or edited since the run stopped would otherwise end with missing or duplicated rows.
     *
     * @throws DbferryException with {@link ErrorCode#CANNOT_RESUME} naming the first table that differs
     */
    static void checkTargetUnchanged(Connection connection, List<MappedTable> tables,
            Map<String, Map<Integer, RunState.Checkpoint>> done, PostgresDdl ddl, RunState.Run run)
            throws SQLException {
        for (MappedTable table : tables) {
            long expected = done.getOrDefault(table.target().name(), Map.of()).values().stream()
                    .mapToLong(RunState.Checkpoint::rowsWritten).sum();
            long actual = rows(connection, ddl.qualifiedName(table.target()));
            if (actual != expected) {
                throw new DbferryException(ErrorCode.CANNOT_RESUME, "table " + table.target() + " holds " + actual
                        + " rows but the chunks run " + run.id() + " checkpointed wrote " + expected
                        + ", so the table changed since the run stopped; start over with --if-exists drop");
            }
        }
    }

    /** Rows of a table, 0 when it does not exist. */
    private static long rows(Connection connection, String qualifiedName) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("select to_regclass(?) is not null")) {
            exists.setString(1, qualifiedName);
            try (ResultSet rs = exists.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return 0;
                }
            }
        }
        try (PreparedStatement count = connection.prepareStatement("select count(*) from " + qualifiedName);
                ResultSet rs = count.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The tables that have no index yet: a resumed run builds their keys (keys come in one transaction). */
    static List<MappedTable> withoutKeys(Connection connection, List<MappedTable> tables, PostgresDdl ddl)
            throws SQLException {
        List<MappedTable> without = new ArrayList<>();
        try (PreparedStatement indexes = connection.prepareStatement(
                "select exists (select 1 from pg_index where indrelid = to_regclass(?))")) {
            for (MappedTable table : tables) {
                indexes.setString(1, ddl.qualifiedName(table.target()));
                try (ResultSet rs = indexes.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        without.add(table);
                    }
                }
            }
        }
        return without;
    }
}
