package io.dbferry.transfer.pgcopy;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.mapping.MappedColumn;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.introspect.mapping.PostgresType;
import io.dbferry.introspect.mapping.TargetType;
import io.dbferry.introspect.model.Column;
import io.dbferry.transfer.verify.VerificationReport;
import io.dbferry.transfer.verify.Verifier;
import io.dbferry.transfer.verify.VerifyOptions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Verifies a PostgreSQL → PostgreSQL copy: each selected source table against the table of the same name in the
 * target schema, by row counts or checksums ({@link Verifier#postgresToPostgres}). Values compare as PostgreSQL's
 * text output, so any type the two sides share compares exactly. Stateless.
 */
public final class PostgresCopyVerification {

    /** The key types ranged by value; every other key is ranged by its text (see {@link Verifier}). */
    private static final Map<String, PostgresType> INTEGER_TYPES = Map.of("smallint", PostgresType.SMALLINT,
            "integer", PostgresType.INTEGER, "bigint", PostgresType.BIGINT);

    private PostgresCopyVerification() {}

    /**
     * Verifies the tables {@code options} select.
     *
     * @param source an open connection to the source database, never null; only read (its session's output
     *     settings such as {@code TimeZone} are set to fixed values, see {@link Verifier#postgresToPostgres})
     * @param target an open connection to the target database, never null; only read, its settings set alike
     * @param options the source and target schema and the table selection; the rest is ignored; never null
     * @param verifyOptions the mode and limits, never null
     * @param onTable called with each table before it is verified, for progress; never null
     * @return the report, never null; a table the target lacks is reported as different
     * @throws DbferryException with {@link ErrorCode#INVALID_OPTION} when source and target are the same schema of
     *     the same database (the check would prove nothing), {@link ErrorCode#NOT_FOUND} when the source schema has
     *     no tables,
     *     {@link ErrorCode#INVALID_OPTION} for an unknown table name, {@link ErrorCode#SCHEMA_READ_FAILED} or
     *     {@link ErrorCode#VERIFY_FAILED} naming the side and table that could not be read
     */
    public static VerificationReport verify(Connection source, Connection target, PostgresCopyOptions options,
            VerifyOptions verifyOptions, Consumer<MappedTable> onTable) {
        Objects.requireNonNull(target, "target");
        try {
            SameSchema.refuse(source, target, options);
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.VERIFY_FAILED, "failed asking the source and target servers which "
                    + "databases they are: " + e.getMessage(), e);
        }
        return verify(source, target, SourceSchema.read(source, options), verifyOptions, onTable);
    }

    static VerificationReport verify(Connection source, Connection target, SourceSchema schema,
            VerifyOptions verifyOptions, Consumer<MappedTable> onTable) {
        List<MappedTable> tables = schema.tables().stream().map(PostgresCopyVerification::pair).toList();
        return Verifier.postgresToPostgres(source, target, verifyOptions).verify(tables, onTable);
    }

    /**
     * A copied table as the verifier takes it: the same columns under the same names; the types only say which
     * key columns are integers.
     */
    static MappedTable pair(CopyTable table) {
        List<MappedColumn> columns = table.source().columns().stream().map(PostgresCopyVerification::column).toList();
        return new MappedTable(table.source(), table.target(), columns, table.source().primaryKey(), List.of(),
                List.of(), List.of());
    }

    private static MappedColumn column(Column column) {
        PostgresType type = INTEGER_TYPES.getOrDefault(column.type().name(), PostgresType.TEXT);
        return new MappedColumn(column, column.name(), TargetType.of(type), column.nullable(), column.identity());
    }
}
