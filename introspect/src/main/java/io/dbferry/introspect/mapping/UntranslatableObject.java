package io.dbferry.introspect.mapping;

import java.util.Objects;

/**
 * A schema object that is not carried over because its SQL has no PostgreSQL translation, or because it reads a
 * table or view that is not migrated. The migration goes on without it; callers report it.
 *
 * @param kind what the object is, never null
 * @param table the source table it belongs to, null for a view
 * @param name the object's source name: the column of a default, the constraint's name (null when unnamed), the
 *     index's or view's name
 * @param originalSql the source SQL exactly as read: the default expression, the CHECK expression, the index's
 *     expression or predicate, or the whole CREATE VIEW statement; never null
 * @param reason why it is not carried over, one sentence without a final period; never null
 */
public record UntranslatableObject(Kind kind, String table, String name, String originalSql, String reason) {

    /** The kinds of schema object that may be untranslatable. */
    public enum Kind {
        /** A column default. */
        COLUMN_DEFAULT,
        /** A CHECK constraint. */
        CHECK_CONSTRAINT,
        /** An index, for one of its key expressions or its predicate. */
        INDEX,
        /** A view. */
        VIEW
    }

    /** Validates the parts. */
    public UntranslatableObject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(originalSql, "originalSql");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * One sentence for a report, e.g. {@code the default of "t"."created" (strftime('%w','now')) is not carried
     * over: …}.
     *
     * @return never null
     */
    public String describe() {
        String what = switch (kind) {
            case COLUMN_DEFAULT -> "the default of \"" + table + "\".\"" + name + "\"";
            case CHECK_CONSTRAINT -> (name == null ? "a CHECK constraint" : "CHECK constraint \"" + name + "\"")
                    + " of \"" + table + "\"";
            case INDEX -> "index \"" + name + "\" of \"" + table + "\"";
            case VIEW -> "view \"" + name + "\"";
        };
        String sql = kind == Kind.VIEW ? "" : " (" + originalSql + ")";
        return what + sql + " is not carried over: " + reason;
    }
}
