package io.dbferry.introspect.translate;

import java.util.Objects;

/**
 * An expression or statement translated to PostgreSQL.
 *
 * @param postgresSql the PostgreSQL text, rendered by jOOQ with every identifier quoted and every literal inline;
 *     never null or blank
 */
public record Translated(String postgresSql) implements Translation {

    /** Validates the text. */
    public Translated {
        Objects.requireNonNull(postgresSql, "postgresSql");
        if (postgresSql.isBlank()) {
            throw new IllegalArgumentException("a translation cannot be blank");
        }
    }
}
