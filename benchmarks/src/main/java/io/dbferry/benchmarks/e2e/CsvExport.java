package io.dbferry.benchmarks.e2e;

import io.dbferry.benchmarks.BenchmarkException;
import io.dbferry.benchmarks.e2e.FloorSchema.FloorTable;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Exports the dataset's tables to CSV files for the floor's server-side COPY (PostgreSQL docs, COPY, "CSV
 * Format"): each table in {@code parts} files of about equal id ranges, so that {@code parts} connections can
 * load them in parallel. Not timed; kept beside the dataset and reused while a marker file says the export is
 * complete.
 */
final class CsvExport {

    private static final String COMPLETE = "export-complete";

    /**
     * One CSV file: part of one table's rows.
     *
     * @param table the table the rows belong to
     * @param file the CSV file, absolute: the server opens it by this path
     */
    record CsvPart(String table, Path file) {}

    private CsvExport() {}

    /**
     * The CSV files of a dataset, exported now unless a complete export is already in {@code directory}.
     *
     * @param source an open connection to the dataset, never null
     * @param directory the directory for the files, created if missing; never null
     * @param parts files per table, ≥ 1
     * @return the parts, the largest table's first; never null
     * @throws BenchmarkException when SQLite fails; {@link UncheckedIOException} when writing fails
     */
    static List<CsvPart> export(Connection source, Path directory, int parts) {
        List<CsvPart> files = new ArrayList<>();
        try {
            Path marker = directory.resolve(COMPLETE);
            boolean complete = Files.exists(marker) && Files.readString(marker).equals(parts + " parts\n");
            Files.createDirectories(directory);
            for (FloorTable table : FloorSchema.TABLES.reversed()) {
                long maxId = maxId(source, table.name());
                for (int part = 1; part <= parts; part++) {
                    Path file = directory.resolve(table.name() + "." + part + ".csv").toAbsolutePath();
                    if (!complete) {
                        write(source, table, maxId * (part - 1) / parts + 1, maxId * part / parts, file);
                    }
                    files.add(new CsvPart(table.name(), file));
                }
            }
            Files.writeString(marker, parts + " parts\n");
            return files;
        } catch (SQLException e) {
            throw new BenchmarkException("failed exporting the dataset to CSV in " + directory + ": "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("failed writing CSV in " + directory + ": " + e.getMessage(), e);
        }
    }

    private static long maxId(Connection source, String table) throws SQLException {
        try (Statement statement = source.createStatement();
                ResultSet result = statement.executeQuery("SELECT max(id) FROM " + table)) {
            return result.next() ? result.getLong(1) : 0;
        }
    }

    private static void write(Connection source, FloorTable table, long firstId, long lastId, Path file)
            throws SQLException, IOException {
        try (PreparedStatement query = source.prepareStatement(table.exportSql());
                BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            query.setLong(1, firstId);
            query.setLong(2, lastId);
            try (ResultSet rows = query.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    for (int i = 1; i <= columns; i++) {
                        if (i > 1) {
                            out.write(',');
                        }
                        writeValue(out, rows.getObject(i));
                    }
                    out.write('\n');
                }
            }
        }
    }

    /**
     * One CSV field: NULL as nothing, numbers as Java prints them (doubles in their shortest exact form),
     * text quoted with doubled quotes — always, so that an empty string is not read as NULL.
     */
    static void writeValue(Writer out, Object value) throws IOException {
        switch (value) {
            case null -> { }
            case Number number -> out.write(number.toString());
            default -> {
                out.write('"');
                out.write(value.toString().replace("\"", "\"\""));
                out.write('"');
            }
        }
    }
}
