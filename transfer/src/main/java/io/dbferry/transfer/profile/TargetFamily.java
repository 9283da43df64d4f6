package io.dbferry.transfer.profile;

import io.dbferry.introspect.mapping.PostgresType;
import java.util.EnumSet;
import java.util.Set;

/**
 * Target types grouped by how their values are read from SQLite: which storage classes are usual for them
 * and whether their transform normalises values, so that distinct source values can become equal.
 *
 * <p>{@link #of(PostgresType)} tests the type with {@code ==} rather than an exhaustive switch, so that a new
 * {@link PostgresType} compiles here at once: it falls into {@link #OTHER} (every storage class usual, keys
 * fully checked), except a type whose name starts with {@code timestamp}, which is {@link #TEMPORAL}.
 */
enum TargetFamily {
    /** {@code smallint}, {@code integer}, {@code bigint}. */
    INTEGER(EnumSet.of(StorageClass.INTEGER), false),
    /** {@code double precision}: -0.0 equals 0.0. */
    FLOAT(EnumSet.of(StorageClass.REAL, StorageClass.INTEGER), true),
    /** {@code numeric}: 1.0 equals 1.00, and a declared scale rounds. */
    NUMERIC(EnumSet.of(StorageClass.INTEGER, StorageClass.REAL), true),
    /** {@code text}, {@code varchar}, {@code char}: values are kept as written (char pads, varchar cuts spaces). */
    TEXT(EnumSet.of(StorageClass.TEXT), false),
    /** {@code bytea}. */
    BINARY(EnumSet.of(StorageClass.BLOB), false),
    /** {@code boolean}: 1, '1', 't', 'yes' are all true. */
    BOOLEAN(EnumSet.of(StorageClass.INTEGER), true),
    /** {@code date}, {@code time}, {@code timestamp}: text or numbers (epoch, Julian day). */
    TEMPORAL(EnumSet.of(StorageClass.TEXT, StorageClass.INTEGER, StorageClass.REAL), true),
    /** {@code jsonb}: text, or a SQLite 3.45+ binary JSONB blob. */
    JSON(EnumSet.of(StorageClass.TEXT, StorageClass.BLOB), true),
    /** {@code uuid}: text in any case, or a 16-byte blob. */
    UUID(EnumSet.of(StorageClass.TEXT, StorageClass.BLOB), true),
    /** A type this class does not know yet: nothing is unusual, every key is checked. */
    OTHER(EnumSet.of(StorageClass.INTEGER, StorageClass.REAL, StorageClass.TEXT, StorageClass.BLOB), true);

    private final Set<StorageClass> usual;
    private final boolean normalises;

    TargetFamily(Set<StorageClass> usual, boolean normalises) {
        this.usual = usual;
        this.normalises = normalises;
    }

    /**
     * The family of a target type.
     *
     * @param type never null
     * @return never null
     */
    static TargetFamily of(PostgresType type) {
        if (type == PostgresType.SMALLINT || type == PostgresType.INTEGER || type == PostgresType.BIGINT) {
            return INTEGER;
        }
        if (type == PostgresType.DOUBLE_PRECISION) {
            return FLOAT;
        }
        if (type == PostgresType.NUMERIC) {
            return NUMERIC;
        }
        if (type == PostgresType.TEXT || type == PostgresType.VARCHAR || type == PostgresType.CHAR) {
            return TEXT;
        }
        if (type == PostgresType.BYTEA) {
            return BINARY;
        }
        if (type == PostgresType.BOOLEAN) {
            return BOOLEAN;
        }
        if (type == PostgresType.JSONB) {
            return JSON;
        }
        if (type == PostgresType.UUID) {
            return UUID;
        }
        if (type == PostgresType.DATE || type == PostgresType.TIME || type.sqlName().startsWith("timestamp")) {
            return TEMPORAL;
        }
        return OTHER;
    }

    /**
     * Whether values of a storage class are what the target type expects; NULL always is.
     *
     * @param storageClass never null
     * @return true when usual
     */
    boolean isUsual(StorageClass storageClass) {
        return storageClass == StorageClass.NULL || usual.contains(storageClass);
    }

    /**
     * The usual storage classes, for messages.
     *
     * @return never null, never empty
     */
    Set<StorageClass> usual() {
        return usual;
    }

    /**
     * Whether the transform may turn distinct source values of usual storage classes into equal target
     * values, so that a unique key SQLite keeps may collide in PostgreSQL.
     *
     * @return true for every family but integers, text and binary
     */
    boolean normalises() {
        return normalises;
    }
}
