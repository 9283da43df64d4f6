package io.dbferry.transfer.transform;

/**
 * Turns one non-null source value into the value written to its target column, or rejects it.
 *
 * <p>Input values are what the source reader produces for a SQLite storage class
 * (https://www.sqlite.org/datatype3.html §2): {@link Long} (INTEGER), {@link Double} (REAL),
 * {@link String} (TEXT), {@code byte[]} (BLOB). NULL never reaches a transform: it stays NULL.
 *
 * <p>Output values by target type: integers → {@link Long}; {@code double precision} → {@link Double};
 * {@code numeric} → {@link java.math.BigDecimal}; text types and {@code jsonb} → {@link String};
 * {@code bytea} → {@code byte[]}; {@code boolean} → {@link Boolean}; {@code date} →
 * {@link java.time.LocalDate}; {@code timestamp} → {@link java.time.LocalDateTime}; {@code timestamp with
 * time zone} → {@link java.time.OffsetDateTime} at UTC; {@code time} → {@link java.time.LocalTime};
 * {@code uuid} → {@link java.util.UUID}.
 *
 * <p>Implementations are stateless and thread-safe.
 */
@FunctionalInterface
public interface ValueTransform {

    /**
     * Transforms one value.
     *
     * @param value the source value, never null
     * @return the converted value or a reject with its reason, never null; never throws for bad input
     */
    TransformResult apply(Object value);
}
