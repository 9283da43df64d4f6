package io.dbferry.introspect.mapping;

import java.util.Locale;

/**
 * How source names become target names.
 *
 * <p>{@link #PRESERVE} is the default because ORMs such as TypeORM and Prisma query with quoted,
 * case-sensitive names: Chinook's {@code Album} must stay {@code "Album"}, not become {@code album}.
 */
public enum IdentifierPolicy {
    /** Keep every name exactly; the DDL quotes it. */
    PRESERVE,
    /** Fold every name to lower case (Locale.ROOT), for applications that use unquoted names. */
    LOWER;

    /**
     * Applies the policy to one name.
     *
     * @param sourceName the source name, never null
     * @return the target name, never null
     */
    public String apply(String sourceName) {
        return this == LOWER ? sourceName.toLowerCase(Locale.ROOT) : sourceName;
    }
}
