package io.dbferry.introspect.postgres;

import java.util.Objects;

/**
 * A sequence of the schema that no column owns (identity and serial sequences come with their columns), e.g. one
 * a {@code nextval('order_number')} default draws from; as {@code pg_sequences} describes it (PostgreSQL docs
 * §54.22, CREATE SEQUENCE).
 *
 * @param name the sequence name, exact spelling, never null
 * @param dataType {@code smallint}, {@code integer} or {@code bigint}, never null
 * @param start the start value
 * @param min the minimum value
 * @param max the maximum value
 * @param increment the increment, not 0
 * @param cycle whether it wraps around at its limit
 * @param lastValue the last value it handed out, null when it never did
 */
public record CatalogSequence(String name, String dataType, long start, long min, long max, long increment,
        boolean cycle, Long lastValue) {

    /** Validates the parts. */
    public CatalogSequence {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataType, "dataType");
    }
}
