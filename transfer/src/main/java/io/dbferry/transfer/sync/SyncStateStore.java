package io.dbferry.transfer.sync;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.model.TableId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads and writes {@code dbferry.sync_state} in the target. {@link #save} runs on the caller's connection and
 * transaction, so a table's state commits together with the rows it covers. The statements are constant
 * text; values are bound. Stateless and thread-safe.
 */
public final class SyncStateStore {

    /** The schema dbferry keeps its own tables in. */
    public static final String SCHEMA = "dbferry";

    private static final String CREATE = """
            CREATE TABLE IF NOT EXISTS dbferry.sync_state (
              target_schema text NOT NULL,
              target_table text NOT NULL,
              watermark_column text,
              high_watermark_source text,
              high_watermark_normalised numeric,
              last_run_at timestamptz NOT NULL,
              rows_read bigint NOT NULL,
              rows_upserted bigint NOT NULL,
              watermark_kind text,
              PRIMARY KEY (target_schema, target_table))""";

    /**
     * {@code watermark_kind} came after the first release of sync: a state table without it gets it (states
     * written before have NULL, read as "not known"). Checked first, since ALTER TABLE locks the table even when
     * the column exists.
     */
    private static final String HAS_KIND = "SELECT 1 FROM information_schema.columns WHERE table_schema = "
            + "'dbferry' AND table_name = 'sync_state' AND column_name = 'watermark_kind'";
    private static final String ADD_KIND = "ALTER TABLE dbferry.sync_state ADD COLUMN IF NOT EXISTS watermark_kind text";

    private static final String SELECT = "SELECT target_table, watermark_column, high_watermark_source, "
            + "high_watermark_normalised, last_run_at, rows_read, rows_upserted, watermark_kind "
            + "FROM dbferry.sync_state WHERE target_schema = ?";

    private static final String UPSERT = "INSERT INTO dbferry.sync_state AS s (target_schema, target_table, "
            + "watermark_column, high_watermark_source, high_watermark_normalised, last_run_at, rows_read, "
            + "rows_upserted, watermark_kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (target_schema, target_table) DO UPDATE SET watermark_column = EXCLUDED.watermark_column, "
            + "watermark_kind = EXCLUDED.watermark_kind, "
            + "high_watermark_source = EXCLUDED.high_watermark_source, "
            + "high_watermark_normalised = EXCLUDED.high_watermark_normalised, last_run_at = EXCLUDED.last_run_at, "
            + "rows_read = EXCLUDED.rows_read, rows_upserted = EXCLUDED.rows_upserted";

    /**
     * Creates the {@code dbferry} schema and the state table if missing, and commits.
     *
     * @param target a target connection in auto-commit mode, never null
     * @throws DbferryException with {@link ErrorCode#SYNC_STATE_FAILED} when the DDL fails
     */
    public void create(Connection target) {
        try (Statement statement = target.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS dbferry");
            statement.execute(CREATE);
            try (ResultSet rs = statement.executeQuery(HAS_KIND)) {
                if (!rs.next()) {
                    statement.execute(ADD_KIND);
                }
            }
        } catch (SQLException e) {
            throw failed("creating dbferry.sync_state in the target", e);
        }
    }

    /**
     * The states of every synced table of a target schema.
     *
     * @param target a target connection, never null
     * @param targetSchema the target schema, never null
     * @return by target table name; never null, possibly empty
     * @throws DbferryException with {@link ErrorCode#SYNC_STATE_FAILED} when the read fails
     */
    public Map<String, SyncState> load(Connection target, String targetSchema) {
        Map<String, SyncState> states = new HashMap<>();
        try (PreparedStatement statement = target.prepareStatement(SELECT)) {
            statement.setString(1, targetSchema);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    states.put(rs.getString(1), new SyncState(targetSchema, rs.getString(1), rs.getString(2),
                            kind(rs.getString(8)), rs.getString(3), rs.getBigDecimal(4),
                            rs.getObject(5, OffsetDateTime.class), rs.getLong(6), rs.getLong(7)));
                }
            }
            return states;
        } catch (SQLException e) {
            throw failed("reading dbferry.sync_state of schema \"" + targetSchema + "\"", e);
        }
    }

    /**
     * Inserts or replaces a table's state, in the caller's transaction.
     *
     * @param target a target connection, never null; the caller commits
     * @param state the new state, never null
     * @throws DbferryException with {@link ErrorCode#SYNC_STATE_FAILED} when the write fails
     */
    public void save(Connection target, SyncState state) {
        try (PreparedStatement statement = target.prepareStatement(UPSERT)) {
            statement.setString(1, state.targetSchema());
            statement.setString(2, state.targetTable());
            statement.setString(3, state.watermarkColumn());
            statement.setString(4, state.highWatermarkSource());
            statement.setBigDecimal(5, state.highWatermarkNormalised());
            statement.setObject(6, state.lastRunAt());
            statement.setLong(7, state.rowsRead());
            statement.setLong(8, state.rowsUpserted());
            statement.setString(9, state.watermarkKind() == null ? null : state.watermarkKind().name());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw failed("writing dbferry.sync_state of " + new TableId(state.targetSchema(), state.targetTable()), e);
        }
    }

    /** A stored kind; one this version does not know (written by a newer one) reads as not known. */
    private static WatermarkKind kind(String stored) {
        return stored == null ? null : Arrays.stream(WatermarkKind.values()).filter(k -> k.name().equals(stored))
                .findFirst().orElse(null);
    }

    private static DbferryException failed(String what, SQLException e) {
        return new DbferryException(ErrorCode.SYNC_STATE_FAILED, "failed " + what + ": " + e.getMessage(), e);
    }
}
