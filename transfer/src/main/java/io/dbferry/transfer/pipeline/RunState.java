package io.dbferry.transfer.pipeline;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.model.TableId;
import io.dbferry.transfer.read.Chunk;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import io.dbferry.transfer.reject.Reject;
import io.dbferry.transfer.reject.RejectFiles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * dbferry's own record of its runs on the target, in a schema of its own ({@code --state-schema}, default
 * {@code dbferry}): {@code migration_run} (one row a run: the source's path, size and modification time, the
 * target schema, the options, when it started and its state: {@code running}, {@code failed},
 * {@code interrupted}, {@code finished} or {@code abandoned}, and the tables {@code --if-exists truncate} kept),
 * {@code migration_chunk} (one checkpoint a finished chunk, inserted in the chunk's own transaction, so a chunk
 * is checkpointed exactly when its rows are committed) and {@code migration_reject} (the reject-file lines of
 * each checkpointed chunk, inserted with it).
 * Identifiers are rendered by jOOQ, values bound. Thread-safe: it holds no connection.
 */
final class RunState {

    /** A run that did not finish. */
    record Run(long id, String sourcePath, long sourceSize, long sourceModified, String state, String started,
            String options, List<String> keptTables) {}

    /** A finished chunk's counts. */
    record Checkpoint(long rowsRead, long rowsWritten, long rowsRejected) {}

    private final DSLContext dsl = DSL.using(SQLDialect.POSTGRES,
            new Settings().withRenderQuotedNames(RenderQuotedNames.ALWAYS));
    private final String schema;
    private final String runs;
    private final String chunks;
    private final String rejects;

    RunState(String schema) {
        this.schema = schema;
        this.runs = dsl.render(DSL.name(schema, "migration_run"));
        this.chunks = dsl.render(DSL.name(schema, "migration_chunk"));
        this.rejects = dsl.render(DSL.name(schema, "migration_reject"));
    }

    /** The statements creating the schema and tables when missing. */
    List<String> createStatements() {
        List<String> statements = new ArrayList<>(List.of(dsl.createSchemaIfNotExists(DSL.name(schema)).getSQL(),
                "create table if not exists " + runs + " (run_id bigint generated always as identity primary key, "
                        + "source_path text not null, source_size bigint not null, source_modified bigint not null, "
                        + "target_schema text not null, options text not null, "
                        + "started_at timestamptz not null default now(), ended_at timestamptz, state text not null)",
                "create table if not exists " + chunks + " (run_id bigint not null references " + runs + ", "
                        + "target_table text not null, chunk_index integer not null, bounds text not null, "
                        + "rows_read bigint not null, rows_written bigint not null, rows_rejected bigint not null, "
                        + "finished_at timestamptz not null default now(), "
                        + "primary key (run_id, target_table, chunk_index))"));
        statements.addAll(upgradeStatements());
        return statements;
    }

    /**
     * What state tables made by an earlier dbferry lack: the tables {@code --if-exists truncate} kept, and the
     * reject lines of each chunk. Idempotent.
     */
    private List<String> upgradeStatements() {
        return List.of("alter table " + runs + " add column if not exists kept_tables text[] not null default '{}'",
                "create table if not exists " + rejects + " (run_id bigint not null, target_table text not null, "
                        + "chunk_index integer not null, line_number integer not null, source_table text not null, "
                        + "line text not null, primary key (run_id, target_table, chunk_index, line_number), "
                        + "foreign key (run_id, target_table, chunk_index) references " + chunks + ")");
    }

    /**
     * The last run into a target schema that did not finish.
     *
     * @return the run, or null when there is none (or no state schema yet)
     */
    Run unfinished(Connection connection, String targetSchema) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("select to_regclass(?) is not null")) {
            exists.setString(1, runs);
            try (ResultSet rs = exists.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return null;
                }
            }
        }
        try (java.sql.Statement upgrade = connection.createStatement()) {
            for (String sql : upgradeStatements()) {
                upgrade.execute(sql);
            }
        }
        try (PreparedStatement select = connection.prepareStatement("select run_id, source_path, source_size, "
                + "source_modified, state, started_at::text, options, kept_tables from " + runs + " where target_schema = ? and state in "
                + "('running', 'failed', 'interrupted') order by run_id desc limit 1")) {
            select.setString(1, targetSchema);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? new Run(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getString(5), rs.getString(6), rs.getString(7),
                        List.of((String[]) rs.getArray(8).getArray())) : null;
            }
        }
    }

    /**
     * Inserts a run in state {@code running}; commits with the connection's transaction.
     *
     * @param keptTables the target tables {@code --if-exists truncate} kept (with their keys) rather than created
     */
    long start(Connection connection, SourceFingerprint source, String targetSchema, String options,
            List<String> keptTables) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into " + runs + " (source_path, "
                + "source_size, source_modified, target_schema, options, kept_tables, state) "
                + "values (?, ?, ?, ?, ?, ?, 'running') returning run_id")) {
            insert.setString(1, source.path());
            insert.setLong(2, source.size());
            insert.setLong(3, source.modified());
            insert.setString(4, targetSchema);
            insert.setString(5, options);
            insert.setArray(6, connection.createArrayOf("text", keptTables.toArray()));
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Sets a run's state (and its end time unless it is {@code running}), in its own transaction. */
    void setState(Connection connection, long run, String state) {
        try (PreparedStatement update = connection.prepareStatement("update " + runs + " set state = ?, ended_at = "
                + "case when ? = 'running' then null else now() end where run_id = ?")) {
            update.setString(1, state);
            update.setString(2, state);
            update.setLong(3, run);
            update.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.LOAD_FAILED, "cannot record run " + run + " as " + state + " in "
                    + runs + " on the target: " + e.getMessage(), e);
        }
    }

    /** The checkpoints of a run, by target table name and chunk index. */
    Map<String, Map<Integer, Checkpoint>> checkpoints(Connection connection, long run) throws SQLException {
        Map<String, Map<Integer, Checkpoint>> found = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("select target_table, chunk_index, rows_read, "
                + "rows_written, rows_rejected from " + chunks + " where run_id = ?")) {
            select.setLong(1, run);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.computeIfAbsent(rs.getString(1), t -> new HashMap<>()).put(rs.getInt(2),
                            new Checkpoint(rs.getLong(3), rs.getLong(4), rs.getLong(5)));
                }
            }
        }
        return found;
    }

    /**
     * Checkpoints a chunk in the writer's open transaction, which commits it with the chunk's rows: its counts,
     * and its rejects as their reject-file lines, from which {@link #rejectLines} rebuilds the files.
     */
    void checkpoint(Connection connection, long run, TableId target, Chunk chunk, long read, long written,
            List<Reject> rejected) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into " + chunks + " (run_id, "
                + "target_table, chunk_index, bounds, rows_read, rows_written, rows_rejected) "
                + "values (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, run);
            insert.setString(2, target.name());
            insert.setInt(3, chunk.index());
            insert.setString(4, chunk.bounds().describe());
            insert.setLong(5, read);
            insert.setLong(6, written);
            insert.setLong(7, rejected.size());
            insert.executeUpdate();
        }
        if (rejected.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into " + rejects + " (run_id, "
                + "target_table, chunk_index, line_number, source_table, line) values (?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < rejected.size(); i++) {
                insert.setLong(1, run);
                insert.setString(2, target.name());
                insert.setInt(3, chunk.index());
                insert.setInt(4, i);
                insert.setString(5, rejected.get(i).table());
                insert.setString(6, RejectFiles.line(rejected.get(i)));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Whether a chunk of a run is checkpointed (committed). */
    boolean checkpointed(Connection connection, long run, TableId target, Chunk chunk) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select exists (select 1 from " + chunks
                + " where run_id = ? and target_table = ? and chunk_index = ?)")) {
            select.setLong(1, run);
            select.setString(2, target.name());
            select.setInt(3, chunk.index());
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /**
     * The reject-file lines of a run's checkpointed chunks, by source table, in chunk order.
     *
     * @return the lines, each ending in a newline; never null
     */
    Map<String, List<String>> rejectLines(Connection connection, long run) throws SQLException {
        Map<String, List<String>> lines = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("select source_table, line from " + rejects
                + " where run_id = ? order by target_table, chunk_index, line_number")) {
            select.setLong(1, run);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    lines.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return lines;
    }
}
