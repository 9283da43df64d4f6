package io.dbferry.transfer.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbferry.introspect.mapping.PostgresType;
import io.dbferry.introspect.mapping.TargetType;
import io.dbferry.transfer.testing.TestDatabase;
import io.dbferry.transfer.testing.TestPostgres;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Every target type round-trips through both COPY formats: the same values, NULLs and extremes COPYed as
 * text into one table and as binary into another read back equal, and as expected.
 */
class CopyFormatsIT {

    /** One column per target type: name, SQL type, the encoder's view of it, and values to send. */
    private record Column(String name, String sql, TargetType type, List<Object> values) {}

    private static final List<Column> COLUMNS = List.of(
            new Column("i2", "smallint", TargetType.of(PostgresType.SMALLINT), List.of(-32768L, 32767L, 0L)),
            new Column("i4", "integer", TargetType.of(PostgresType.INTEGER), List.of(-2147483648L, 2147483647L, 7L)),
            new Column("i8", "bigint", TargetType.of(PostgresType.BIGINT), List.of(Long.MIN_VALUE, Long.MAX_VALUE, -1L)),
            new Column("f8", "double precision", TargetType.of(PostgresType.DOUBLE_PRECISION),
                    List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, Double.MIN_VALUE,
                            Double.MAX_VALUE, 0.1)),
            new Column("num", "numeric", TargetType.of(PostgresType.NUMERIC),
                    List.of(new BigDecimal("123456789012345678901234567890.123456789"), new BigDecimal("-0.000001"),
                            new BigDecimal("0"), new BigDecimal("1E+20"), new BigDecimal("0.10"))),
            new Column("num2", "numeric(10,2)", new TargetType(PostgresType.NUMERIC, 0, 10, 2),
                    List.of(new BigDecimal("12345678.995"), new BigDecimal("-1.005"), new BigDecimal("3"))),
            new Column("vc", "varchar(5)", new TargetType(PostgresType.VARCHAR, 5, 0, 0), List.of("é😀\t\\", "", "abcde")),
            new Column("ch", "char(3)", new TargetType(PostgresType.CHAR, 3, 0, 0), List.of("a", "abc", "é")),
            new Column("txt", "text", TargetType.of(PostgresType.TEXT), List.of("line\nbreak\r\\N", "日本語", "x".repeat(300_000))),
            new Column("bin", "bytea", TargetType.of(PostgresType.BYTEA), List.of(new byte[] {0, -1, 10, 92}, new byte[0])),
            new Column("flag", "boolean", TargetType.of(PostgresType.BOOLEAN), List.of(true, false)),
            new Column("day", "date", TargetType.of(PostgresType.DATE),
                    List.of(LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31), LocalDate.of(0, 2, 29),
                            LocalDate.of(-4712, 1, 1), LocalDate.of(2000, 1, 1))),
            new Column("ts", "timestamp", TargetType.of(PostgresType.TIMESTAMP),
                    List.of(LocalDateTime.of(1, 1, 1, 0, 0), LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000),
                            LocalDateTime.of(-100, 3, 1, 12, 0, 0, 1_000), LocalDateTime.of(1999, 12, 31, 23, 59, 59))),
            new Column("tstz", "timestamptz", TargetType.of(PostgresType.TIMESTAMPTZ),
                    List.of(OffsetDateTime.of(2024, 3, 10, 12, 30, 0, 123_456_000, ZoneOffset.UTC),
                            OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))),
            new Column("tm", "time", TargetType.of(PostgresType.TIME),
                    List.of(LocalTime.MIDNIGHT, LocalTime.of(23, 59, 59, 999_999_000), LocalTime.NOON)),
            new Column("doc", "jsonb", TargetType.of(PostgresType.JSONB),
                    List.of("{\"b\": [1, 2.5, null], \"a\": \"é\\n\"}", "[]", "\"text\"")),
            new Column("id", "uuid", TargetType.of(PostgresType.UUID),
                    List.of(UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), new UUID(0, 0), new UUID(-1, -1))));

    private TestDatabase database;

    @BeforeEach
    void createTables() throws Exception {
        database = TestPostgres.freshDatabase();
        String columns = String.join(", ", COLUMNS.stream().map(c -> c.name() + " " + c.sql()).toList());
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("create table via_text (n int, " + columns + ")");
            s.execute("create table via_binary (n int, " + columns + ")");
        }
    }

    @AfterEach
    void drop() {
        database.close();
    }

    /** Row n holds value n of every column that has one, NULL elsewhere; the last row is all NULLs. */
    private static List<Object[]> rows() {
        int count = COLUMNS.stream().mapToInt(c -> c.values().size()).max().orElseThrow() + 1;
        List<Object[]> rows = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            Object[] row = new Object[COLUMNS.size() + 1];
            row[0] = (long) n;
            for (int i = 0; i < COLUMNS.size(); i++) {
                List<Object> values = COLUMNS.get(i).values();
                row[i + 1] = n < values.size() ? values.get(n) : null;
            }
            rows.add(row);
        }
        return rows;
    }

    private void copy(String table, CopyFormat format) throws Exception {
        List<TargetType> types = new ArrayList<>(List.of(TargetType.of(PostgresType.INTEGER)));
        COLUMNS.forEach(c -> types.add(c.type()));
        CopyEncoder encoder = CopyEncoder.of(format, types);
        encoder.begin();
        rows().forEach(encoder::appendRow);
        encoder.end();
        CopyData data = encoder.take();
        String options = format == CopyFormat.BINARY ? "(FORMAT binary)" : "(FORMAT text, ENCODING 'UTF8')";
        try (Connection c = database.connect()) {
            CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " FROM STDIN " + options);
            in.writeToCopy(data.bytes(), 0, data.length());
            in.endCopy();
        }
    }

    private List<String> column(String table, String expression) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = database.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select (" + expression + ")::text from " + table + " order by n")) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    @Test
    void textAndBinaryCopiesReadBackEqualInEveryColumn() throws Exception {
        copy("via_text", CopyFormat.TEXT);
        copy("via_binary", CopyFormat.BINARY);

        for (Column column : COLUMNS) {
            List<String> text = column("via_text", column.name());
            assertThat(column("via_binary", column.name())).as(column.sql()).containsExactlyElementsOf(text);
            assertThat(text).as(column.sql()).hasSize(rows().size()).endsWith((String) null);
        }
    }

    @Test
    void binaryValuesReadBackAsPostgresPrintsThem() throws Exception {
        copy("via_binary", CopyFormat.BINARY);

        assertThat(column("via_binary", "i8").subList(0, 3))
                .containsExactly("-9223372036854775808", "9223372036854775807", "-1");
        assertThat(column("via_binary", "f8").subList(0, 7)).containsExactly("NaN", "Infinity", "-Infinity", "-0",
                "5e-324", "1.7976931348623157e+308", "0.1");
        assertThat(column("via_binary", "num").subList(0, 5)).containsExactly(
                "123456789012345678901234567890.123456789", "-0.000001", "0", "100000000000000000000", "0.10");
        assertThat(column("via_binary", "num2").subList(0, 3)).containsExactly("12345679.00", "-1.01", "3.00");
        assertThat(column("via_binary", "ch || '|'").subList(0, 3)).containsExactly("a|", "abc|", "é|");
        assertThat(column("via_binary", "octet_length(ch)").subList(0, 3)).containsExactly("3", "3", "4");
        assertThat(column("via_binary", "length(txt)").subList(0, 3)).containsExactly("13", "3", "300000");
        assertThat(column("via_binary", "encode(bin, 'hex')").subList(0, 2)).containsExactly("00ff0a5c", "");
        assertThat(column("via_binary", "day").subList(0, 5))
                .containsExactly("0001-01-01", "9999-12-31", "0001-02-29 BC", "4713-01-01 BC", "2000-01-01");
        assertThat(column("via_binary", "ts").subList(0, 4)).containsExactly("0001-01-01 00:00:00",
                "9999-12-31 23:59:59.999999", "0101-03-01 12:00:00.000001 BC", "1999-12-31 23:59:59");
        assertThat(column("via_binary", "tstz at time zone 'UTC'").subList(0, 2))
                .containsExactly("2024-03-10 12:30:00.123456", "0001-01-01 00:00:00");
        assertThat(column("via_binary", "tm").subList(0, 3)).containsExactly("00:00:00", "23:59:59.999999", "12:00:00");
        assertThat(column("via_binary", "doc -> 'b' ->> 1")).startsWith("2.5");
        assertThat(column("via_binary", "id").subList(0, 3)).containsExactly("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
                "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff");
        assertThat(column("via_binary", "vc").getFirst()).isEqualTo("é😀\t\\");
        assertThat(column("via_binary", "flag").subList(0, 2)).containsExactly("true", "false");
    }
}
