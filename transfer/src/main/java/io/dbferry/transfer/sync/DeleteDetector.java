package io.dbferry.transfer.sync;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.mapping.MappedColumn;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.introspect.mapping.PostgresType;
import io.dbferry.transfer.connect.SqliteSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.RowN;
import org.jooq.SQLDialect;
import org.jooq.SortField;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * {@code --deletes detect}: finds the target rows whose primary key the source no longer has by merging the
 * two key sets, each streamed in key order (never all keys in memory), and deletes them in batches of
 * {@link #BATCH_KEYS} keys, in one target transaction. A first pass counts; the deletes happen only when they
 * stay within the allowed fraction of the table. Keys must be integer or text ({@code text}, {@code varchar})
 * columns whose SQLite values are stored as integers or text respectively, which order the same on both sides
 * ({@link KeyStream}); anything else is refused before a row is deleted. Not thread-safe.
 */
final class DeleteDetector {

    /** Keys per DELETE statement. */
    static final int BATCH_KEYS = 1_000;

    private static final Set<PostgresType> INTEGERS = Set.of(PostgresType.SMALLINT, PostgresType.INTEGER,
            PostgresType.BIGINT);
    /**
     * Text key types. Not {@code char(n)}: PostgreSQL pads its values with spaces and compares them without, so
     * its keys would not match SQLite's unpadded ones.
     */
    private static final Set<PostgresType> TEXTS = Set.of(PostgresType.TEXT, PostgresType.VARCHAR);
    private static final DSLContext SQLITE = DSL.using(SQLDialect.SQLITE);
    private static final DSLContext POSTGRES = DSL.using(SQLDialect.POSTGRES,
            new Settings().withRenderQuotedNames(RenderQuotedNames.ALWAYS));
    private static final int FETCH_ROWS = 10_000;

    private final Connection source;
    private final Connection target;

    /** Both connections owned by the caller; the target's auto-commit is switched off and on again. */
    DeleteDetector(Connection source, Connection target) {
        this.source = source;
        this.target = target;
    }

    /** Receives each key found only in the target. */
    private interface Missing {
        void accept(Object[] key) throws SQLException;
    }

    /**
     * Deletes the target rows missing from the source.
     *
     * @param table the table, never null; it has a primary key
     * @param maxFraction the largest share of the target's rows that may be deleted, in [0, 1]
     * @param force whether to delete even more
     * @return the rows deleted
     * @throws DbferryException with {@link ErrorCode#SYNC_REFUSED} when the key is of another type, a source key
     *     value is stored in another storage class than its column's, the source is not UTF-8 while the key has
     *     text, or more than {@code maxFraction} would go (nothing deleted in each case); {@code LOAD_FAILED} when
     *     a statement fails
     */
    long deleteMissing(MappedTable table, double maxFraction, boolean force) {
        boolean[] integer = keyKinds(table);
        try {
            refuseUnlessUtf8(table, integer);
            target.setAutoCommit(false);
            try {
                long[] counts = new long[2];
                long targetRows = merge(table, integer, key -> counts[0]++);
                refuseIfTooMany(table, counts[0], targetRows, maxFraction, force);
                long deleted = counts[0] == 0 ? 0 : deleteAll(table, integer);
                target.commit();
                return deleted;
            } catch (SQLException | RuntimeException e) {
                target.rollback();
                throw e;
            } finally {
                target.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.LOAD_FAILED, "failed detecting deleted rows of " + table.target()
                    + "; nothing was deleted: " + e.getMessage(), e);
        }
    }

    private long deleteAll(MappedTable table, boolean[] integer) throws SQLException {
        List<Object[]> batch = new ArrayList<>();
        long[] deleted = {0};
        merge(table, integer, key -> {
            batch.add(key);
            if (batch.size() == BATCH_KEYS) {
                deleted[0] += delete(table, batch);
            }
        });
        return deleted[0] + delete(table, batch);
    }

    private long delete(MappedTable table, List<Object[]> keys) throws SQLException {
        if (keys.isEmpty()) {
            return 0;
        }
        RowN key = DSL.row(fields(table.primaryKey().columns()));
        Query query = POSTGRES.deleteFrom(DSL.table(DSL.name(table.target().schema(), table.target().name())))
                .where(key.in(keys.stream().map(k -> DSL.row(List.of(k).stream().map(DSL::val).toList())).toList()));
        keys.clear();
        return execute(target, query);
    }

    /** Streams both key sets in order; returns the target's row count. */
    private long merge(MappedTable table, boolean[] integer, Missing missing) throws SQLException {
        try (PreparedStatement s = prepare(source, sourceKeys(table)); PreparedStatement t = prepare(target, targetKeys(table));
                ResultSet sourceRows = s.executeQuery(); ResultSet targetRows = t.executeQuery()) {
            KeyStream sourceKeys = new KeyStream(sourceRows, integer, table.source().primaryKey().columns(),
                    table.source().id().name());
            KeyStream targetKeys = new KeyStream(targetRows, integer);
            long count = 0;
            Object[] sourceKey = sourceKeys.next();
            for (Object[] targetKey = targetKeys.next(); targetKey != null; targetKey = targetKeys.next()) {
                count++;
                while (sourceKey != null && KeyStream.compare(sourceKey, targetKey) < 0) {
                    sourceKey = sourceKeys.next();
                }
                if (sourceKey == null || KeyStream.compare(sourceKey, targetKey) != 0) {
                    missing.accept(targetKey);
                }
            }
            // The keys after the target's last are read too, so each source key's storage class is checked:
            // a key SQLite sorts last (a BLOB in a text column) would otherwise never be looked at.
            while (sourceKey != null) {
                sourceKey = sourceKeys.next();
            }
            return count;
        }
    }

    /** The source's keys in order, then each key column's {@code typeof()} for {@link KeyStream} to check. */
    private static Query sourceKeys(MappedTable table) {
        List<Field<Object>> key = fields(table.source().primaryKey().columns());
        List<Field<?>> selected = new ArrayList<>(key);
        key.forEach(f -> selected.add(DSL.function("typeof", String.class, f)));
        List<SortField<?>> order = key.stream().<SortField<?>>map(f -> f.collate("BINARY").asc()).toList();
        return SQLITE.select(selected).from(DSL.table(DSL.name(table.source().id().name()))).orderBy(order);
    }

    private static Query targetKeys(MappedTable table) {
        List<Field<Object>> key = fields(table.primaryKey().columns());
        List<SortField<?>> order = new ArrayList<>();
        for (int i = 0; i < key.size(); i++) {
            boolean text = TEXTS.contains(keyColumn(table, i).targetType().type());
            order.add(text ? key.get(i).collate("C").asc() : key.get(i).asc());
        }
        return POSTGRES.select(key).from(DSL.table(DSL.name(table.target().schema(), table.target().name())))
                .orderBy(order);
    }

    private static boolean[] keyKinds(MappedTable table) {
        int size = table.primaryKey().columns().size();
        boolean[] integer = new boolean[size];
        for (int i = 0; i < size; i++) {
            PostgresType type = keyColumn(table, i).targetType().type();
            if (!INTEGERS.contains(type) && !TEXTS.contains(type)) {
                throw new DbferryException(ErrorCode.SYNC_REFUSED, "--deletes detect compares primary keys of "
                        + "integer, text or varchar columns only; the key of " + table.target() + " has a "
                        + type.name().toLowerCase(Locale.ROOT) + " column. Use --deletes soft:COLUMN or none for it");
            }
            integer[i] = INTEGERS.contains(type);
        }
        return integer;
    }

    /**
     * SQLite's BINARY collation compares the stored bytes: in a UTF-16 database that is not code-point order for
     * characters from U+0100 up (https://www.sqlite.org/datatype3.html#collation), so text keys would not sort as
     * PostgreSQL's {@code COLLATE "C"} sorts them.
     */
    private void refuseUnlessUtf8(MappedTable table, boolean[] integer) throws SQLException {
        boolean text = false;
        for (boolean i : integer) {
            text |= !i;
        }
        if (!text) {
            return;
        }
        String encoding = SqliteSource.encoding(source);
        if (!"UTF-8".equalsIgnoreCase(encoding)) {
            throw new DbferryException(ErrorCode.SYNC_REFUSED, "--deletes detect compares the text keys of "
                    + table.target() + " in UTF-8 byte order, but the source database is encoded in " + encoding
                    + ", which SQLite sorts in another order; nothing was deleted. Use --deletes soft:COLUMN or "
                    + "none for this table");
        }
    }

    private static MappedColumn keyColumn(MappedTable table, int index) {
        String name = table.primaryKey().columns().get(index);
        return table.columns().stream().filter(c -> c.targetName().equals(name)).findFirst().orElseThrow();
    }

    private static void refuseIfTooMany(MappedTable table, long missing, long rows, double maxFraction, boolean force) {
        if (!force && missing > maxFraction * rows) {
            throw new DbferryException(ErrorCode.SYNC_REFUSED, String.format(Locale.ROOT, "--deletes detect would "
                    + "delete %d of the %d rows of %s (%.1f%%), more than --max-delete-fraction %s; nothing was "
                    + "deleted. Check that the source is the right database, or pass --force-deletes",
                    missing, rows, table.target(), 100.0 * missing / rows, maxFraction));
        }
    }

    private static List<Field<Object>> fields(List<String> names) {
        return names.stream().map(n -> DSL.field(DSL.name(n))).toList();
    }

    private static PreparedStatement prepare(Connection connection, Query query) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(query.getSQL());
        statement.setFetchSize(FETCH_ROWS);
        bind(statement, query.getBindValues());
        return statement;
    }

    private static int execute(Connection connection, Query query) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query.getSQL())) {
            bind(statement, query.getBindValues());
            return statement.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setObject(i + 1, values.get(i));
        }
    }
}
