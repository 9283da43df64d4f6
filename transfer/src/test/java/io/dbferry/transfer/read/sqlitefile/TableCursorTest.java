package io.dbferry.transfer.read.sqlitefile;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbferry.transfer.profile.StorageClass;
import io.dbferry.transfer.testing.SqliteFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link TableCursor} and {@link Record} read every row as SQLite itself returns it: random tables written by
 * sqlite-jdbc (integers of every stored width, reals, text and blobs from empty to many overflow pages, NULLs,
 * sparse and negative rowids, deleted rows) are read back from the file and compared value by value with
 * {@code SELECT rowid, typeof(c), c …} — at every page size, over random rowid ranges, and from every lower bound
 * after deletions.
 */
class TableCursorTest {

    private static final long[] INTEGERS = {0, 1, -1, 2, 127, -128, 128, 32_767, -32_768, 32_768, 8_388_607,
            -8_388_608, 8_388_608, 2_147_483_647L, -2_147_483_648L, 2_147_483_648L, 140_737_488_355_327L,
            -140_737_488_355_328L, 140_737_488_355_328L, Long.MAX_VALUE, Long.MIN_VALUE};

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {512, 1024, 4096, 65_536})
    void readsEveryValueAsSqliteReturnsIt(int pageSize) throws Exception {
        Path file = dir.resolve("t.db");
        Random random = new Random(pageSize);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            run(c, "PRAGMA page_size = " + pageSize, "CREATE TABLE t (a, b INTEGER, r REAL, s TEXT, x BLOB)");
            insertRandomRows(c, random, 3000);
            run(c, "DELETE FROM t WHERE rowid % 7 = 3", "UPDATE t SET s = NULL WHERE rowid % 11 = 5");
        }

        List<String> read = readAll(file, "t", null, null);

        assertThat(read).hasSizeGreaterThan(2000).containsExactlyElementsOf(sqlite(file, "t", null, null));
    }

    @Test
    void readsRandomRowidRangesOfASparseTable() throws Exception {
        Path file = dir.resolve("t.db");
        Random random = new Random(7);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            run(c, "PRAGMA page_size = 1024", "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT OR IGNORE INTO t VALUES (?, ?)")) {
                for (int i = 0; i < 5000; i++) {
                    insert.setLong(1, random.nextInt(3) == 0 ? random.nextLong() : random.nextInt(100_000) - 50_000);
                    insert.setString(2, "v".repeat(random.nextInt(300)));
                    insert.executeUpdate();
                }
            }
            c.commit();
        }

        for (int i = 0; i < 40; i++) {
            Long lower = i % 5 == 0 ? null : (long) random.nextInt(120_000) - 60_000;
            Long upper = i % 7 == 0 ? null : (lower == null ? 0 : lower) + random.nextInt(20_000);
            assertThat(readAll(file, "t", lower, upper)).as("rowids from %s below %s", lower, upper)
                    .containsExactlyElementsOf(sqlite(file, "t", lower, upper));
        }
        assertThat(readAll(file, "t", Long.MIN_VALUE, null)).hasSize(sqlite(file, "t", null, null).size())
                .hasSizeGreaterThan(4900);
        assertThat(readAll(file, "t", 60_000L, 60_000L)).isEmpty();
    }

    @Test
    void startsAtEveryLowerBoundAfterDeletionsLeftStaleDividerKeys() throws Exception {
        // Deleting rows leaves the interior pages' divider keys in place: a lower bound between a leaf's last row
        // and its divider must go on to the next leaf. Every bound from below the first row to past the last.
        Path file = dir.resolve("t.db");
        SqliteFile.run(file, "PRAGMA page_size = 512", "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)",
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
                        + "INSERT INTO t SELECT i, printf('%.40d', i) FROM n",
                "DELETE FROM t WHERE id % 50 >= 20 OR id % 7 = 0");
        List<Long> rowids = new ArrayList<>();
        for (String row : sqlite(file, "t", null, null)) {
            rowids.add(Long.parseLong(row.substring(0, row.indexOf(' '))));
        }
        assertThat(rowids).hasSizeBetween(1000, 1300);
        DatabaseFile database = DatabaseFile.read(file);
        long root = rootPage(file, "t");

        for (long lower = -1; lower <= 3002; lower++) {
            long from = lower;
            List<Long> expected = rowids.stream().filter(id -> id >= from && id < from + 4).toList();
            TableCursor cursor = new TableCursor(database, root, lower, lower + 4);
            List<Long> read = new ArrayList<>();
            while (cursor.next()) {
                read.add(cursor.rowid());
            }
            assertThat(read).as("rowids from %d below %d", lower, lower + 4).isEqualTo(expected);
        }
    }

    @Test
    void readsAnEmptyTableAsNoRows() throws Exception {
        Path file = dir.resolve("t.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            run(c, "CREATE TABLE t (a)", "CREATE TABLE u (a)", "INSERT INTO u VALUES (1)");
        }

        assertThat(readAll(file, "t", null, null)).isEmpty();
        assertThat(readAll(file, "u", null, null)).containsExactly("1 integer:1");
    }

    @Test
    void keepsWholeRealsOfRealColumnsAsTheIntegersSqliteStores() throws Exception {
        // https://www.sqlite.org/datatype3.html §3.4: whole reals in a REAL column are stored as integers; typeof()
        // still says real. The record says INTEGER; the caller, knowing the column's affinity, reads a REAL.
        Path file = dir.resolve("t.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            run(c, "CREATE TABLE t (r REAL, u)", "INSERT INTO t VALUES (3.0, 3.0), (-2.5, -2.5)");
        }
        assertThat(SqliteFile.value(file,
                "SELECT typeof(r) || ' ' || r FROM t WHERE rowid = 1"))
                .isEqualTo("real 3.0");

        DatabaseFile database = DatabaseFile.read(file);
        TableCursor cursor = new TableCursor(database, rootPage(file, "t"), null, null);
        assertThat(cursor.next()).isTrue();
        assertThat(cursor.record().storageClass(0)).isEqualTo(StorageClass.INTEGER);
        assertThat(cursor.record().integer(0)).isEqualTo(3);
        assertThat(cursor.record().storageClass(1)).isEqualTo(StorageClass.REAL);
        assertThat(cursor.next()).isTrue();
        assertThat(cursor.record().real(0)).isEqualTo(-2.5);
        assertThat(cursor.next()).isFalse();
        assertThat(cursor.next()).isFalse();
    }

    @Test
    void readsRowsOlderThanAnAddedColumnWithFewerFields() throws Exception {
        Path file = dir.resolve("t.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            run(c, "CREATE TABLE t (a)", "INSERT INTO t VALUES (1)", "ALTER TABLE t ADD COLUMN b DEFAULT 'x'",
                    "INSERT INTO t VALUES (2, 'y')");
        }

        DatabaseFile database = DatabaseFile.read(file);
        TableCursor cursor = new TableCursor(database, rootPage(file, "t"), null, null);
        assertThat(cursor.next()).isTrue();
        assertThat(cursor.record().fields()).isEqualTo(1);
        assertThat(cursor.next()).isTrue();
        assertThat(cursor.record().fields()).isEqualTo(2);
    }

    private static void insertRandomRows(Connection c, Random random, int rows) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO t (rowid, a, b, r, s, x) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < rows; i++) {
                insert.setLong(1, i * 3L - 1000);
                insert.setObject(2, anyValue(random));
                insert.setLong(3, random.nextBoolean() ? INTEGERS[random.nextInt(INTEGERS.length)] : random.nextLong());
                insert.setDouble(4, random.nextBoolean() ? random.nextInt(1000) : random.nextDouble() * 1e6);
                insert.setString(5, text(random, random.nextInt(10) == 0 ? 20_000 : 60));
                byte[] blob = new byte[random.nextInt(10) == 0 ? random.nextInt(70_000) : random.nextInt(40)];
                random.nextBytes(blob);
                insert.setBytes(6, blob);
                insert.executeUpdate();
            }
        }
        c.commit();
        c.setAutoCommit(true);
    }

    private static Object anyValue(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> null;
            case 1 -> INTEGERS[random.nextInt(INTEGERS.length)];
            case 2 -> random.nextBoolean() ? -0.0 : random.nextGaussian() * 1e10;
            case 3 -> text(random, 100);
            case 4 -> new byte[] {0, (byte) random.nextInt()};
            default -> random.nextInt(3); // 0 and 1 have serial types of their own
        };
    }

    private static String text(Random random, int maxLength) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            text.append(i % 13 == 0 ? "é€𝄞".charAt(random.nextInt(2)) : (char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    /** Each row as "rowid class:value …", read from the file. */
    static List<String> readAll(Path file, String table, Long lower, Long upper) throws IOException,
            SQLException {
        return readAll(file, rootPage(file, table), lower, upper);
    }

    private static List<String> readAll(Path file, long rootPage, Long lower, Long upper) throws IOException {
        List<String> rows = new ArrayList<>();
        DatabaseFile database = DatabaseFile.read(file);
        TableCursor cursor = new TableCursor(database, rootPage, lower, upper);
        while (cursor.next()) {
            StringBuilder row = new StringBuilder().append(cursor.rowid());
            Record record = cursor.record();
            for (int i = 0; i < record.fields(); i++) {
                row.append(' ').append(describe(record, i));
            }
            rows.add(row.toString());
        }
        return rows;
    }

    private static String describe(Record record, int field) {
        return switch (record.storageClass(field)) {
            case NULL -> "null";
            case INTEGER -> "integer:" + record.integer(field);
            case REAL -> "real:" + record.real(field);
            case TEXT -> "text:" + new String(record.bytes(field), StandardCharsets.UTF_8);
            case BLOB -> "blob:" + HexFormat.of().formatHex(record.bytes(field));
        };
    }

    /** Each row as "rowid class:value …", as SQLite returns it; a whole real of a REAL column as its integer. */
    private static List<String> sqlite(Path file, String table, Long lower, Long upper) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement columns = c.createStatement();
                ResultSet names = columns.executeQuery("SELECT name, type FROM pragma_table_info('" + table + "')")) {
            List<String> select = new ArrayList<>();
            List<Boolean> realAffinity = new ArrayList<>();
            while (names.next()) {
                select.add("typeof(" + names.getString(1) + "), " + names.getString(1));
                realAffinity.add(names.getString(2).equals("REAL"));
            }
            boolean alias = table.equals("t") && select.getFirst().startsWith("typeof(id)");
            String sql = "SELECT rowid, " + String.join(", ", select) + " FROM " + table + " WHERE rowid >= ?"
                    + (upper == null ? "" : " AND rowid < ?") + " ORDER BY rowid";
            try (PreparedStatement query = c.prepareStatement(sql)) {
                query.setLong(1, lower == null ? Long.MIN_VALUE : lower);
                if (upper != null) {
                    query.setLong(2, upper);
                }
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder().append(rs.getLong(1));
                        for (int i = 0; i < select.size(); i++) {
                            String type = rs.getString(2 + 2 * i);
                            int column = 3 + 2 * i;
                            row.append(' ').append(alias && i == 0 ? "null" : switch (type) {
                                case "null" -> "null";
                                case "integer" -> "integer:" + rs.getLong(column);
                                case "real" -> realAffinity.get(i) && storedAsInteger(rs.getDouble(column))
                                        ? "integer:" + (long) rs.getDouble(column) : "real:" + rs.getDouble(column);
                                case "text" -> "text:" + new String(rs.getBytes(column), StandardCharsets.UTF_8);
                                default -> "blob:" + HexFormat.of().formatHex(rs.getBytes(column));
                            });
                        }
                        rows.add(row.toString());
                    }
                }
            }
        }
        return rows;
    }

    /** SQLite's rule for a REAL column (vdbe.c, OP_MakeRecord): whole values that fit 6 bytes as an integer. */
    private static boolean storedAsInteger(double value) {
        return value == Math.rint(value) && value >= -140_737_488_355_328d && value <= 140_737_488_355_327d;
    }

    static long rootPage(Path file, String table) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                PreparedStatement query = c.prepareStatement("SELECT rootpage FROM sqlite_schema WHERE name = ?")) {
            query.setString(1, table);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void run(Connection c, String... statements) throws SQLException {
        try (Statement statement = c.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
