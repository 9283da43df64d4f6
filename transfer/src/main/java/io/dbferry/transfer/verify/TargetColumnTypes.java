package io.dbferry.transfer.verify;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.mapping.MappedColumn;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.introspect.mapping.PostgresType;
import io.dbferry.introspect.mapping.TargetType;
import io.dbferry.introspect.postgres.PostgresCatalog;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The columns of a PostgreSQL target table whose type is not the one the mapping gives — a table made by hand or
 * by another tool, not by {@code migrate}. Their rows cannot have the binary COPY form the source rows are encoded
 * in ({@link BinaryDigests}): {@code numeric} instead of {@code numeric(10,2)} keeps another scale, {@code json}
 * is text where {@code jsonb} is sorted, {@code bigint} is 8 bytes where {@code integer} is 4. Such a table is
 * compared in canonical text only, instead of hashing every chunk twice. Columns the target lacks are not listed
 * here (reading them fails, naming them). Immutable.
 *
 * @param differing by target column name, only for the columns whose type differs from the mapping's; never null
 */
record TargetColumnTypes(Map<String, Differing> differing) {

    /**
     * A column whose type differs.
     *
     * @param targetType the target's type, as {@code format_type()} spells it; never null
     * @param mapped the mapping's type; never null
     */
    record Differing(String targetType, TargetType mapped) {}

    /** A table whose columns all have the mapping's types, or one not compared with the mapping. */
    static final TargetColumnTypes AS_MAPPED = new TargetColumnTypes(Map.of());

    TargetColumnTypes {
        differing = Map.copyOf(differing);
    }

    /**
     * Reads the target table's column types from the catalog and keeps those that differ from the mapping's.
     *
     * @param target an open connection to the PostgreSQL target, not closed here
     * @param table the mapped table, which exists in the target; never null
     * @return never null
     * @throws DbferryException with {@link ErrorCode#SCHEMA_READ_FAILED} when the catalog cannot be read
     */
    static TargetColumnTypes read(Connection target, MappedTable table) {
        Map<String, String> actual = PostgresCatalog.columnTypes(target, table.target().schema(),
                table.target().name());
        Map<String, Differing> differing = new HashMap<>();
        for (MappedColumn column : table.columns()) {
            String type = actual.get(column.targetName());
            if (type != null && !type.equals(column.targetType().formatted())) {
                differing.put(column.targetName(), new Differing(type, column.targetType()));
            }
        }
        return new TargetColumnTypes(differing);
    }

    /** @return whether every column has the mapping's type, so that binary digests can be equal */
    boolean asMapped() {
        return differing.isEmpty();
    }

    /**
     * The type a target value of a column is made canonical as: the mapping's; without its modifiers where the
     * target's type differs, so that a value the target holds beyond the mapping's {@code numeric} scale or
     * {@code varchar} length is compared as it is, not rounded or cut as a source value on its way in would be.
     *
     * @param column a mapped column of the table, never null
     * @return never null
     */
    TargetType canonicalType(MappedColumn column) {
        return differing.containsKey(column.targetName()) ? TargetType.of(column.targetType().type())
                : column.targetType();
    }

    /**
     * Whether a timestamp column's target type has the other zone than the mapping's: {@code timestamp with time
     * zone} where the mapping gives {@code timestamp}, or the reverse. The binary COPY form of both is microseconds
     * since 2000-01-01 (PostgreSQL docs, {@code timestamp_send}), so {@code migrate} into such a column stores the
     * source's time of day as a UTC instant, and the canonical read converts at UTC to compare it.
     *
     * @param column a mapped column of the table, never null
     * @return whether to read the column {@code AT TIME ZONE 'UTC'}
     */
    boolean zoneDiffers(MappedColumn column) {
        Differing found = differing.get(column.targetName());
        if (found == null) {
            return false;
        }
        String type = found.targetType();
        PostgresType mappedType = column.targetType().type();
        boolean withZone = type.endsWith(" with time zone");
        return mappedType == PostgresType.TIMESTAMP && withZone
                || mappedType == PostgresType.TIMESTAMPTZ && type.startsWith("timestamp") && !withZone;
    }

    /**
     * What the report says of a table whose column types differ, e.g. {@code "amount" is numeric where the mapping
     * gives numeric(10,2)}.
     *
     * @return empty when every column has the mapping's type
     */
    Optional<String> note() {
        if (asMapped()) {
            return Optional.empty();
        }
        String columns = differing.entrySet().stream()
                .map(e -> '"' + e.getKey() + "\" is " + e.getValue().targetType() + " where the mapping gives "
                        + e.getValue().mapped().formatted())
                .sorted().collect(Collectors.joining("; "));
        return Optional.of("column types differ from the mapping (" + columns
                + "): the rows were compared in canonical text only");
    }
}
