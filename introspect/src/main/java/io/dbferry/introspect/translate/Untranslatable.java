package io.dbferry.introspect.translate;

import java.util.Objects;

/**
 * An expression or statement with no faithful PostgreSQL translation.
 *
 * @param originalSql the SQLite text exactly as it was given, never null
 * @param reason why it cannot be translated, naming the construct (e.g. {@code "typeof() …"}), one sentence without
 *     a final period; never null
 */
public record Untranslatable(String originalSql, String reason) implements Translation {

    /** Validates the parts. */
    public Untranslatable {
        Objects.requireNonNull(originalSql, "originalSql");
        Objects.requireNonNull(reason, "reason");
    }
}
