package io.dbferry.benchmarks.jmh;

import io.dbferry.benchmarks.BenchmarkException;
import io.dbferry.benchmarks.dataset.BenchmarkSchema;
import io.dbferry.benchmarks.dataset.DatasetGenerator;
import io.dbferry.introspect.mapping.IdentifierPolicy;
import io.dbferry.introspect.mapping.MappedColumn;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.introspect.mapping.SchemaMapper;
import io.dbferry.introspect.mapping.TypeMapping;
import io.dbferry.introspect.sqlite.SqliteSchemaReader;
import io.dbferry.transfer.connect.SqliteSource;
import io.dbferry.transfer.transform.TransformResult;
import io.dbferry.transfer.transform.Transforms;
import io.dbferry.transfer.transform.ValueTransform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Rows of the benchmark dataset's {@code orders} table as a migration sees them: the source values in their
 * SQLite storage classes ({@link Long}, {@link Double}, {@link String}, {@code byte[]}, null), the table as
 * the default type mapping maps it, and each column's transform as {@code migrate} picks it.
 */
final class SampleOrders {

    /** Rows of the generated dataset, both tables together; about 95 % of them are orders. */
    static final int DATASET_ROWS = 4_096;

    private final MappedTable table;
    private final List<Object[]> sourceRows;

    private SampleOrders(MappedTable table, List<Object[]> sourceRows) {
        this.table = table;
        this.sourceRows = List.copyOf(sourceRows);
    }

    /**
     * Generates a dataset of {@value #DATASET_ROWS} rows (seed 42) in a temporary file, reads its orders and
     * deletes the file.
     *
     * @return never null
     * @throws BenchmarkException when SQLite fails
     */
    static SampleOrders generate() {
        try {
            Path directory = Files.createTempDirectory("dbferry-jmh");
            Path file = directory.resolve("sample.sqlite");
            try {
                DatasetGenerator.generate(file, DATASET_ROWS, DatasetGenerator.DEFAULT_SEED);
                return read(file);
            } finally {
                Files.deleteIfExists(file);
                Files.delete(directory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sample dataset: " + e.getMessage(), e);
        }
    }

    /**
     * The non-null source values of one column, in row order: what its transform receives.
     *
     * @param family the column's family, never null
     * @return never null, not empty
     */
    List<Object> sourceValues(ColumnFamily family) {
        int index = columnIndex(family);
        return sourceRows.stream().map(row -> row[index]).filter(Objects::nonNull).toList();
    }

    /**
     * The transform a migration applies to one column.
     *
     * @param family the column's family, never null
     * @return never null
     */
    ValueTransform transform(ColumnFamily family) {
        return Transforms.forColumn(table.columns().get(columnIndex(family)));
    }

    /**
     * Every column's transform, in column order.
     *
     * @return never null
     */
    ValueTransform[] transforms() {
        return table.columns().stream().map(Transforms::forColumn).toArray(ValueTransform[]::new);
    }

    /**
     * The source rows, each a fresh array.
     *
     * @return never null
     */
    List<Object[]> sourceRows() {
        return sourceRows.stream().map(Object[]::clone).toList();
    }

    /**
     * The rows as the COPY encoder receives them: every value converted by its column's transform, NULL kept.
     *
     * @return never null
     * @throws IllegalStateException when a transform rejects a value, which the generator never writes
     */
    List<Object[]> convertedRows() {
        ValueTransform[] transforms = transforms();
        List<Object[]> rows = new ArrayList<>();
        for (Object[] source : sourceRows) {
            Object[] row = new Object[source.length];
            for (int i = 0; i < row.length; i++) {
                row[i] = source[i] == null ? null : converted(transforms[i].apply(source[i]));
            }
            rows.add(row);
        }
        return rows;
    }

    /**
     * Unwraps a converted value.
     *
     * @param result a transform's result, never null
     * @return the converted value, never null
     * @throws IllegalStateException for a reject
     */
    static Object converted(TransformResult result) {
        return switch (result) {
            case TransformResult.Converted c -> c.value();
            case TransformResult.Rejected r -> throw new IllegalStateException("sample value rejected: "
                    + r.message());
        };
    }

    private int columnIndex(ColumnFamily family) {
        List<MappedColumn> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).source().name().equals(family.column())) {
                return i;
            }
        }
        throw new IllegalStateException("orders has no column " + family.column());
    }

    private static SampleOrders read(Path file) {
        try (Connection connection = SqliteSource.openReadOnly(file)) {
            MappedTable orders = new SchemaMapper(TypeMapping.sqliteToPostgres(), IdentifierPolicy.PRESERVE, "public")
                    .map(SqliteSchemaReader.read(connection).tables()).tables().stream()
                    .filter(t -> t.source().id().name().equals(BenchmarkSchema.ORDERS)).findFirst().orElseThrow();
            return new SampleOrders(orders, rows(connection, orders.columns().size()));
        } catch (SQLException e) {
            throw new BenchmarkException("failed reading the sample dataset " + file + ": " + e.getMessage(), e);
        }
    }

    /** The rows with each value in its storage class, as the migration's reader produces them. */
    private static List<Object[]> rows(Connection connection, int width) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT * FROM orders ORDER BY id")) {
            while (result.next()) {
                Object[] row = new Object[width];
                for (int i = 0; i < width; i++) {
                    Object value = result.getObject(i + 1);
                    row[i] = value instanceof Integer small ? Long.valueOf(small) : value;
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
