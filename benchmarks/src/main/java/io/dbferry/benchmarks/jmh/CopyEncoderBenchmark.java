package io.dbferry.benchmarks.jmh;

import io.dbferry.transfer.write.CopyTextEncoder;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of COPY text encoding ({@code io.dbferry.transfer.write.CopyTextEncoder}) in nanoseconds:
 * {@link #value} per value for one family at a time (one-column rows), and {@link #ordersRow} per whole
 * {@code orders} row. Inputs are the dataset's values after their transforms; the encoder's buffer is cleared
 * before each call and reused, as the COPY writer does between batches.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CopyEncoderBenchmark {

    /** Rows encoded per benchmark call; the reported time is per row. */
    static final int ROWS = 1_024;

    /** One family's converted values, each a one-column row. */
    @State(Scope.Thread)
    public static class Column {
        /** The family benchmarked; JMH runs every one unless {@code -p family=…} picks some. */
        @Param
        public ColumnFamily family;

        Object[][] rows;

        /** Converts the column's first {@value #ROWS} non-null values. */
        @Setup
        public void load() {
            SampleOrders sample = SampleOrders.generate();
            List<Object> source = sample.sourceValues(family);
            rows = new Object[ROWS][];
            for (int i = 0; i < ROWS; i++) {
                rows[i] = new Object[] {
                    SampleOrders.converted(sample.transform(family).apply(source.get(i % source.size())))};
            }
        }
    }

    /** Whole converted {@code orders} rows, NULLs included. */
    @State(Scope.Thread)
    public static class Rows {
        Object[][] rows;

        /** Converts the sample's first {@value #ROWS} rows. */
        @Setup
        public void load() {
            rows = SampleOrders.generate().convertedRows().subList(0, ROWS).toArray(Object[][]::new);
        }
    }

    /** The encoder, one per thread as one per COPY writer. */
    @State(Scope.Thread)
    public static class Encoder {
        final CopyTextEncoder encoder = new CopyTextEncoder();
    }

    /**
     * Encodes {@value #ROWS} one-column rows of one family.
     *
     * @param column the rows
     * @param encoder the encoder
     * @return the encoded length, so the work is not optimised away
     */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public int value(Column column, Encoder encoder) {
        return encode(encoder.encoder, column.rows);
    }

    /**
     * Encodes {@value #ROWS} whole {@code orders} rows.
     *
     * @param rows the rows
     * @param encoder the encoder
     * @return the encoded length, so the work is not optimised away
     */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public int ordersRow(Rows rows, Encoder encoder) {
        return encode(encoder.encoder, rows.rows);
    }

    private static int encode(CopyTextEncoder encoder, Object[][] rows) {
        encoder.clear();
        for (Object[] row : rows) {
            encoder.appendRow(row);
        }
        return encoder.length();
    }
}
