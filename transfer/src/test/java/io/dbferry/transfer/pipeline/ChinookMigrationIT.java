package io.dbferry.transfer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dbferry.transfer.connect.PostgresTarget;
import io.dbferry.transfer.connect.SqliteSource;
import io.dbferry.transfer.testing.Samples;
import io.dbferry.transfer.testing.TestDatabase;
import io.dbferry.transfer.testing.TestPostgres;
import io.dbferry.transfer.verify.TableVerification;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Migrates the real Chinook sample into a fresh PostgreSQL database once, then checks the target against
 * the SQLite source and PostgreSQL's own catalogs.
 */
class ChinookMigrationIT {

    private static TestDatabase database;
    private static MigrationResult result;

    @BeforeAll
    static void migrateChinook() throws Exception {
        database = TestPostgres.freshDatabase();
        MigrationOptions options = MigrationOptions.builder().build();
        try (PostgresTarget target = PostgresTarget.connect(database.url(), Migration.targetConnections(options))) {
            result = new Migration(Samples.chinook(), target.dataSource(), options, MigrationListener.NONE).run();
        }
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        database.close();
    }

    @Test
    void createsAllElevenTablesWithSourceEqualRowCounts() throws Exception {
        List<String> tables = List.of("Album", "Artist", "Customer", "Employee", "Genre", "Invoice", "InvoiceLine",
                "MediaType", "Playlist", "PlaylistTrack", "Track");
        try (Connection source = SqliteSource.openReadOnly(Samples.chinook()); Connection target = database.connect()) {
            assertThat(strings(target, "select table_name from information_schema.tables "
                    + "where table_schema = 'public' order by 1")).containsExactlyElementsOf(tables);
            long total = 0;
            for (String table : tables) {
                long sourceRows = count(source, "select count(*) from \"" + table + "\"");
                assertThat(count(target, "select count(*) from public.\"" + table + "\"")).as(table).isEqualTo(sourceRows);
                total += sourceRows;
            }
            assertThat(total).isEqualTo(15_607);
        }
        assertThat(result.verification().tables()).hasSize(11).allMatch(TableVerification::matches);
        assertThat(result.rowsWritten()).isEqualTo(15_607);
    }

    @Test
    void createsElevenPrimaryKeysAndElevenForeignKeys() throws Exception {
        try (Connection target = database.connect()) {
            assertThat(count(target, constraintCount("p"))).isEqualTo(11);
            assertThat(count(target, constraintCount("f"))).isEqualTo(11);
            assertThat(strings(target, "select pg_get_constraintdef(oid) from pg_constraint "
                    + "where conrelid = 'public.\"PlaylistTrack\"'::regclass and contype = 'p'"))
                    .containsExactly("PRIMARY KEY (\"PlaylistId\", \"TrackId\")");
            assertThat(strings(target, "select pg_get_constraintdef(oid) from pg_constraint "
                    + "where conrelid = 'public.\"Album\"'::regclass and contype = 'f'"))
                    .containsExactly("FOREIGN KEY (\"ArtistId\") REFERENCES \"Artist\"(\"ArtistId\")");
        }
    }

    @Test
    void keepsEveryNotNullColumnNotNull() throws Exception {
        List<String> sourceNotNull = new ArrayList<>();
        try (Connection source = SqliteSource.openReadOnly(Samples.chinook())) {
            for (String table : strings(source, "select name from sqlite_schema where type = 'table' "
                    + "and name not like 'sqlite_%'")) {
                for (String column : strings(source, "select name from pragma_table_info('" + table
                        + "') where \"notnull\" = 1 or pk > 0")) {
                    sourceNotNull.add(table + "." + column);
                }
            }
        }
        try (Connection target = database.connect()) {
            assertThat(strings(target, "select table_name || '.' || column_name from information_schema.columns "
                    + "where table_schema = 'public' and is_nullable = 'NO'"))
                    .containsExactlyInAnyOrderElementsOf(sourceNotNull);
        }
        assertThat(sourceNotNull).contains("Album.AlbumId", "Invoice.Total", "Track.Name");
    }

    @Test
    void mapsInvoiceDateToTimestampAndTotalToNumericWithTheSourceSum() throws Exception {
        try (Connection source = SqliteSource.openReadOnly(Samples.chinook()); Connection target = database.connect()) {
            assertThat(strings(target, "select format_type(atttypid, atttypmod) from pg_attribute "
                    + "where attrelid = 'public.\"Invoice\"'::regclass and attname in ('InvoiceDate', 'Total') "
                    + "order by attname"))
                    .containsExactly("timestamp without time zone", "numeric(10,2)");
            BigDecimal sourceSum = decimal(source, "select printf('%.2f', round(sum(Total), 2)) from Invoice");
            assertThat(decimal(target, "select sum(\"Total\") from public.\"Invoice\"")).isEqualTo(sourceSum);
        }
    }

    @Test
    void identityColumnsContinueAfterTheLargestLoadedId() throws Exception {
        try (Connection target = database.connect(); Statement statement = target.createStatement()) {
            assertThat(strings(target, "select attidentity::text from pg_attribute "
                    + "where attrelid = 'public.\"Artist\"'::regclass and attname = 'ArtistId'")).containsExactly("d");
            target.setAutoCommit(false);
            try (ResultSet rs = statement.executeQuery(
                    "insert into public.\"Artist\" (\"Name\") values ('new') returning \"ArtistId\"")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(276); // Chinook's largest ArtistId is 275
            }
            target.rollback();
        }
    }

    @Test
    void copiesRowsValueByValue() throws Exception {
        String sourceQuery = "select InvoiceId, CustomerId, InvoiceDate, BillingCity, Total from Invoice "
                + "where InvoiceId in (1, 98, 412) order by InvoiceId";
        String targetQuery = "select \"InvoiceId\", \"CustomerId\", to_char(\"InvoiceDate\", 'YYYY-MM-DD HH24:MI:SS'),"
                + " \"BillingCity\", \"Total\" from public.\"Invoice\" where \"InvoiceId\" in (1, 98, 412) order by 1";
        try (Connection source = SqliteSource.openReadOnly(Samples.chinook()); Connection target = database.connect();
                Statement s = source.createStatement(); Statement t = target.createStatement();
                ResultSet sourceRows = s.executeQuery(sourceQuery); ResultSet targetRows = t.executeQuery(targetQuery)) {
            int rows = 0;
            while (sourceRows.next()) {
                assertThat(targetRows.next()).isTrue();
                assertThat(targetRows.getLong(1)).isEqualTo(sourceRows.getLong(1));
                assertThat(targetRows.getLong(2)).isEqualTo(sourceRows.getLong(2));
                assertThat(targetRows.getString(3)).isEqualTo(sourceRows.getString(3));
                assertThat(targetRows.getString(4)).isEqualTo(sourceRows.getString(4));
                assertThat(targetRows.getBigDecimal(5).doubleValue()).isCloseTo(sourceRows.getDouble(5), within(1e-9));
                rows++;
            }
            assertThat(rows).isEqualTo(3);
            assertThat(targetRows.next()).isFalse();
        }
    }

    @Test
    void keepsNonAsciiTextExactly() throws Exception {
        try (Connection source = SqliteSource.openReadOnly(Samples.chinook()); Connection target = database.connect()) {
            List<String> sourceNames = strings(source, "select Name from Artist where Name glob '*[^ -~]*' order by ArtistId");
            List<String> targetNames = strings(target, "select \"Name\" from public.\"Artist\" where \"Name\" ~ '[^ -~]' "
                    + "order by \"ArtistId\"");
            assertThat(sourceNames).isNotEmpty();
            assertThat(targetNames).isEqualTo(sourceNames);
        }
    }

    private static String constraintCount(String type) {
        return "select count(*) from pg_constraint c join pg_namespace n on n.oid = c.connamespace "
                + "where n.nspname = 'public' and c.contype = '" + type + "'";
    }

    static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static BigDecimal decimal(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return new BigDecimal(rs.getString(1));
        }
    }

    static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
