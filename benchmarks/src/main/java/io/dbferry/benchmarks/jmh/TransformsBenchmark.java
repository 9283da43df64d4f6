package io.dbferry.benchmarks.jmh;

import io.dbferry.transfer.transform.ValueTransform;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The cost of the transforms ({@code io.dbferry.transfer.transform.Transforms}) per value, in nanoseconds:
 * {@link #value} for one family at a time over {@value #VALUES} values of its dataset column, and
 * {@link #ordersRow} for every column of an {@code orders} row (per row).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TransformsBenchmark {

    /** Values converted per benchmark call; the reported time is per value. */
    static final int VALUES = 1_024;
    /** Rows converted per call of {@link #ordersRow}; the reported time is per row. */
    static final int ROWS = 1_024;

    /** One column's values and transform. */
    @State(Scope.Thread)
    public static class Column {
        /** The family benchmarked; JMH runs every one unless {@code -p family=…} picks some. */
        @Param
        public ColumnFamily family;

        Object[] values;
        ValueTransform transform;

        /** Draws the column's first {@value #VALUES} non-null values from the sample dataset. */
        @Setup
        public void load() {
            SampleOrders sample = SampleOrders.generate();
            List<Object> source = sample.sourceValues(family);
            values = new Object[VALUES];
            for (int i = 0; i < VALUES; i++) {
                values[i] = source.get(i % source.size());
            }
            transform = sample.transform(family);
        }
    }

    /** Whole {@code orders} rows and every column's transform. */
    @State(Scope.Thread)
    public static class Rows {
        Object[][] rows;
        ValueTransform[] transforms;

        /** Takes the first {@value #ROWS} rows of the sample dataset. */
        @Setup
        public void load() {
            SampleOrders sample = SampleOrders.generate();
            rows = sample.sourceRows().subList(0, ROWS).toArray(Object[][]::new);
            transforms = sample.transforms();
        }
    }

    /**
     * Converts {@value #VALUES} values of one family.
     *
     * @param column the values and their transform
     * @param blackhole keeps the results alive
     */
    @Benchmark
    @OperationsPerInvocation(VALUES)
    public void value(Column column, Blackhole blackhole) {
        for (Object value : column.values) {
            blackhole.consume(column.transform.apply(value));
        }
    }

    /**
     * Converts every non-null value of {@value #ROWS} rows.
     *
     * @param rows the rows and their transforms
     * @param blackhole keeps the results alive
     */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void ordersRow(Rows rows, Blackhole blackhole) {
        for (Object[] row : rows.rows) {
            for (int i = 0; i < row.length; i++) {
                if (row[i] != null) {
                    blackhole.consume(rows.transforms[i].apply(row[i]));
                }
            }
        }
    }
}
