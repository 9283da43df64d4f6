package io.dbferry.introspect.mapping;

import java.util.Objects;

/**
 * An index, constraint or view that gets another name than its own in the target, because another object of the
 * schema (or, for a constraint, of the table) already has that name once the identifier policy and PostgreSQL's
 * 63-byte limit are applied.
 *
 * @param table the source table the object belongs to, null for a view
 * @param object the object, e.g. {@code index "by_name" of "artist"}; never null
 * @param wanted the name it would have had, never null
 * @param name the name it gets: {@code wanted} with a numeric suffix, cut to fit 63 bytes; never null
 */
public record RenamedObject(String table, String object, String wanted, String name) {

    /** Validates the parts. */
    public RenamedObject {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(wanted, "wanted");
        Objects.requireNonNull(name, "name");
    }
}
