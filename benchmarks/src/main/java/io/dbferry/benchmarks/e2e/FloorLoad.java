package io.dbferry.benchmarks.e2e;

import io.dbferry.benchmarks.BenchmarkException;
import io.dbferry.benchmarks.e2e.CsvExport.CsvPart;
import io.dbferry.benchmarks.e2e.FloorSchema.FloorTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The floor of issue 4: what PostgreSQL itself needs to load the data, with no client work at all. The
 * server reads the pre-exported CSV files ({@code COPY table FROM 'file'}) into bare tables, on one or more
 * connections; then the primary keys, indexes and foreign key are built. Needs the server on this machine,
 * able to read the files, and a user allowed server-side COPY.
 */
final class FloorLoad {

    private static final DSLContext SQL = DSL.using(SQLDialect.POSTGRES,
            new Settings().withRenderQuotedNames(RenderQuotedNames.ALWAYS));

    private final PostgresServer server;
    private final List<CsvPart> parts;

    /**
     * A floor over exported files.
     *
     * @param server the target server, never null
     * @param parts the CSV files, never null
     */
    FloorLoad(PostgresServer server, List<CsvPart> parts) {
        this.server = server;
        this.parts = List.copyOf(parts);
    }

    /**
     * Creates the bare tables in an empty database (not timed), then times loading every CSV file on
     * {@code connections} connections, each taking the next file until none is left.
     *
     * @param database an empty database, never null
     * @param connections connections loading in parallel, ≥ 1
     * @return the wall time of the loads, never null
     * @throws BenchmarkException when the server refuses a statement
     */
    Measurement copy(String database, int connections) {
        try (Connection connection = server.connect(database); Statement statement = connection.createStatement()) {
            for (FloorTable table : FloorSchema.TABLES) {
                statement.execute(table.createSql());
            }
        } catch (SQLException e) {
            throw failure("creating the floor's tables", database, e);
        }
        Queue<CsvPart> waiting = new ConcurrentLinkedQueue<>(parts);
        List<Connection> open = new ArrayList<>();
        ExecutorService loaders = Executors.newFixedThreadPool(connections);
        try {
            for (int i = 0; i < connections; i++) {
                open.add(server.connect(database));
            }
            long started = System.nanoTime();
            List<Future<Void>> done = new ArrayList<>();
            for (Connection connection : open) {
                done.add(loaders.submit(() -> loadUntilEmpty(connection, waiting, database)));
            }
            for (Future<Void> future : done) {
                future.get();
            }
            return Measurement.serverSide((System.nanoTime() - started) / 1e9);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof BenchmarkException b ? b
                    : new BenchmarkException("floor COPY failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkException("interrupted during the floor's COPY", e);
        } finally {
            loaders.shutdownNow();
            open.forEach(FloorLoad::closeQuietly);
        }
    }

    /**
     * Times building the primary keys, the two indexes and the foreign key, one after the other on one
     * connection, after {@link #copy(String, int)}.
     *
     * @param database the loaded database, never null
     * @return the wall time of the builds, never null
     * @throws BenchmarkException when the server refuses a statement
     */
    Measurement buildKeys(String database) {
        try (Connection connection = server.connect(database); Statement statement = connection.createStatement()) {
            long started = System.nanoTime();
            for (String sql : FloorSchema.KEYS) {
                statement.execute(sql);
            }
            return Measurement.serverSide((System.nanoTime() - started) / 1e9);
        } catch (SQLException e) {
            throw failure("building the floor's keys and indexes", database, e);
        }
    }

    private Void loadUntilEmpty(Connection connection, Queue<CsvPart> waiting, String database) {
        try (Statement statement = connection.createStatement()) {
            for (CsvPart part = waiting.poll(); part != null; part = waiting.poll()) {
                statement.execute("COPY " + SQL.render(DSL.name(part.table())) + " FROM "
                        + SQL.render(DSL.inline(part.file().toString())) + " (FORMAT csv)");
            }
            return null;
        } catch (SQLException e) {
            throw failure("COPY from the CSV files (the floor needs the server on this machine, able to read"
                    + " them, and a superuser or pg_read_server_files; or leave it out with --tools)", database, e);
        }
    }

    private static BenchmarkException failure(String what, String database, SQLException e) {
        return new BenchmarkException("failed " + what + " in database " + database + ": " + e.getMessage(), e);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // Closing after the measurement: the load's own outcome was already reported.
        }
    }
}
