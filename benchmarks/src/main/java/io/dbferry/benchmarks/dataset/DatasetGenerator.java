package io.dbferry.benchmarks.dataset;

import io.dbferry.benchmarks.BenchmarkException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;

/**
 * Writes the benchmark database ({@link BenchmarkSchema}) with N rows, deterministically: the same rows and
 * seed give the same content (the file's bytes may differ, its rows do not). About 210 bytes a row on disk,
 * indexes included; 2.1 million rows make a file of about 450 MB, as issue 4's reference.
 *
 * <p>Command line: {@code java --enable-native-access=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar
 * io.dbferry.benchmarks.dataset.DatasetGenerator --rows N [--seed S] --out FILE} (seed default
 * {@value #DEFAULT_SEED}). An existing FILE is replaced; the rows are written to a temporary file beside it
 * first, so FILE is either complete or absent.
 */
public final class DatasetGenerator {

    /** The seed used when none is given. */
    public static final long DEFAULT_SEED = 42;

    /** Rows sent to SQLite in one {@code executeBatch}. */
    private static final int BATCH_ROWS = 10_000;
    /** Customers are drawn with their own stream, so changing the orders' columns keeps the customers. */
    private static final long CUSTOMER_STREAM = 0x5EED_C057L;
    private static final long ORDER_STREAM = 0x5EED_0D3EL;

    private DatasetGenerator() {}

    /**
     * Runs the generator from the command line; prints the file, its rows and size to stderr.
     *
     * @param args {@code --rows N [--seed S] --out FILE}
     */
    public static void main(String[] args) {
        try {
            GeneratorArguments arguments = GeneratorArguments.parse(args);
            long started = System.nanoTime();
            generate(arguments.out(), arguments.rows(), arguments.seed());
            System.err.printf("generated %s: %,d rows (seed %d), %,d bytes in %.1f s%n", arguments.out(),
                    arguments.rows(), arguments.seed(), Files.size(arguments.out()),
                    (System.nanoTime() - started) / 1e9);
        } catch (IllegalArgumentException | BenchmarkException | IOException e) {
            System.err.println("generate: error: " + e.getMessage());
            System.exit(e instanceof IllegalArgumentException ? 2 : 1);
        }
    }

    /**
     * Writes a dataset of {@code rows} rows in total ({@link BenchmarkSchema#customerRows(long)} customers, the
     * rest orders) to {@code out}, replacing it.
     *
     * @param out the SQLite file to write, never null; its directory must exist
     * @param rows rows of both tables together, ≥ {@value BenchmarkSchema#MIN_ROWS}
     * @param seed the seed; the same rows and seed give the same rows
     * @throws IllegalArgumentException when rows is too small
     * @throws BenchmarkException when SQLite or the file system fails
     */
    public static void generate(Path out, long rows, long seed) {
        long customers = BenchmarkSchema.customerRows(rows);
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        try {
            Files.deleteIfExists(partial);
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + partial)) {
                prepare(connection);
                insertCustomers(connection, customers, new SyntheticValues(seed ^ CUSTOMER_STREAM));
                insertOrders(connection, customers, rows - customers, new SyntheticValues(seed ^ ORDER_STREAM));
                execute(connection, BenchmarkSchema.SQLITE_INDEXES.toArray(String[]::new));
                connection.commit();
            }
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (SQLException e) {
            throw new BenchmarkException("failed writing the dataset " + partial + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("failed writing the dataset " + out + ": " + e.getMessage(), e);
        }
    }

    /** No journal and no fsync: the file is scratch until it is complete and renamed. */
    private static void prepare(Connection connection) throws SQLException {
        execute(connection, "PRAGMA journal_mode = OFF", "PRAGMA synchronous = OFF");
        connection.setAutoCommit(false);
        execute(connection, BenchmarkSchema.SQLITE_TABLES.toArray(String[]::new));
    }

    private static void insertCustomers(Connection connection, long customers, SyntheticValues values)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO customers"
                + " (id, uuid, name, email, country, is_active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (long id = 1; id <= customers; id++) {
                String name = values.name();
                insert.setLong(1, id);
                insert.setString(2, values.uuid());
                insert.setString(3, name);
                insert.setString(4, "customer" + id + "@example.com");
                setNullable(insert, 5, values.chance(0.9) ? values.country() : null);
                insert.setInt(6, values.chance(0.85) ? 1 : 0);
                insert.setString(7, SyntheticValues.isoTimestamp(SyntheticValues.FIRST_EPOCH_SECOND
                        + values.between(0, SyntheticValues.SPAN_SECONDS), values.millis()));
                addToBatch(insert, id);
            }
            insert.executeBatch();
        }
    }

    /** Orders are created in id order (with up to an hour of jitter) and updated up to 90 days later. */
    private static void insertOrders(Connection connection, long customers, long orders, SyntheticValues values)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO orders (id, uuid, customer_id,"
                + " is_paid, amount, weight_kg, attributes, created_at, updated_at, note, checksum)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (long id = 1; id <= orders; id++) {
                long created = SyntheticValues.FIRST_EPOCH_SECOND + SyntheticValues.SPAN_SECONDS * (id - 1) / orders
                        + values.between(0, 3_600);
                insert.setLong(1, id);
                insert.setString(2, values.uuid());
                insert.setLong(3, values.between(1, customers + 1));
                insert.setInt(4, values.chance(0.7) ? 1 : 0);
                insert.setString(5, values.amount());
                if (values.chance(0.9)) {
                    insert.setDouble(6, values.weightKg());
                } else {
                    insert.setNull(6, Types.REAL);
                }
                insert.setString(7, values.attributesJson());
                insert.setString(8, SyntheticValues.isoTimestamp(created, values.millis()));
                insert.setLong(9, created + values.between(0, 90 * 86_400));
                setNullable(insert, 10, values.chance(0.4) ? values.note() : null);
                insert.setBytes(11, values.checksum());
                addToBatch(insert, id);
            }
            insert.executeBatch();
        }
    }

    private static void setNullable(PreparedStatement insert, int index, String value) throws SQLException {
        if (value == null) {
            insert.setNull(index, Types.VARCHAR);
        } else {
            insert.setString(index, value);
        }
    }

    private static void addToBatch(PreparedStatement insert, long id) throws SQLException {
        insert.addBatch();
        if (id % BATCH_ROWS == 0) {
            insert.executeBatch();
        }
    }

    private static void execute(Connection connection, String... statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
