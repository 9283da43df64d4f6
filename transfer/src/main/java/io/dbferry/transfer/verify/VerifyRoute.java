package io.dbferry.transfer.verify;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.introspect.model.TableId;
import io.dbferry.introspect.postgres.PostgresCatalog;
import io.dbferry.transfer.transform.Transforms;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Which engines the two sides of a {@link Verifier} are, and what follows from it: how each side's rows are read
 * and which table the report names as source and as target. For PostgreSQL → SQLite the mapped tables describe
 * the SQLite table as {@code source()} and the PostgreSQL one as {@code target()} (see {@link Verifier}).
 */
enum VerifyRoute {
    SQLITE_TO_POSTGRES,
    POSTGRES_TO_SQLITE,
    POSTGRES_TO_POSTGRES;

    /**
     * The source side's rows of a table.
     *
     * @param key the key columns, null to read the table only whole (as a multiset)
     * @return never null
     */
    TableRows sourceRows(Connection connection, MappedTable table, KeyColumns key) {
        return switch (this) {
            case SQLITE_TO_POSTGRES -> new SqliteRows(connection, table, key, Transforms::forColumn);
            case POSTGRES_TO_SQLITE -> new PostgresRows(connection, table, key);
            case POSTGRES_TO_POSTGRES -> new PostgresTextRows(connection, table, key, true);
        };
    }

    /**
     * The target side's rows of a table.
     *
     * @param key the key columns, null to read the table only whole (as a multiset)
     * @param types the PostgreSQL target's columns whose type differs from the mapping's (SQLite → PostgreSQL;
     *     {@link TargetColumnTypes#AS_MAPPED} for the other routes); never null
     * @return never null
     */
    TableRows targetRows(Connection connection, MappedTable table, KeyColumns key, TargetColumnTypes types) {
        return switch (this) {
            case SQLITE_TO_POSTGRES -> new PostgresRows(connection, table, key, types);
            case POSTGRES_TO_SQLITE -> new SqliteRows(connection, table, key, ReverseTransforms::forColumn);
            case POSTGRES_TO_POSTGRES -> new PostgresTextRows(connection, table, key, false);
        };
    }

    /**
     * The target table's columns whose type differs from the mapping's: read from PostgreSQL's catalog for SQLite →
     * PostgreSQL, where the source rows are encoded in the mapping's binary form; {@link TargetColumnTypes#AS_MAPPED}
     * for the other routes, which compare canonical text only.
     *
     * @param table a mapped table the target has, never null
     * @return never null
     * @throws DbferryException with {@link ErrorCode#SCHEMA_READ_FAILED} when PostgreSQL's catalog cannot be read
     */
    TargetColumnTypes targetTypes(Connection target, MappedTable table) {
        return this == SQLITE_TO_POSTGRES ? TargetColumnTypes.read(target, table) : TargetColumnTypes.AS_MAPPED;
    }

    /**
     * Whether the target has the table: the PostgreSQL catalog, or the SQLite file's schema.
     *
     * @throws DbferryException with {@link ErrorCode#VERIFY_FAILED} when SQLite's schema cannot be read,
     *     {@link ErrorCode#SCHEMA_READ_FAILED} when PostgreSQL's catalog cannot
     */
    boolean targetExists(Connection target, MappedTable table) {
        if (this != POSTGRES_TO_SQLITE) {
            return PostgresCatalog.relationNames(target, table.target().schema()).contains(table.target().name());
        }
        try (PreparedStatement statement = target.prepareStatement(
                "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?")) {
            statement.setString(1, table.source().id().name());
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.VERIFY_FAILED, "failed reading the tables of the target: "
                    + e.getMessage(), e);
        }
    }

    /** What to do about a target table that is not there, for the report's note. */
    String missingTableHint() {
        return this == POSTGRES_TO_SQLITE ? "migrate it first, or check the target file and --tables"
                : "migrate it first, or check --target-schema and --identifiers";
    }

    /** The table the report names as the source's. */
    TableId sourceId(MappedTable table) {
        return this == POSTGRES_TO_SQLITE ? table.target() : table.source().id();
    }

    /** The table the report names as the target's. */
    TableId targetId(MappedTable table) {
        return this == POSTGRES_TO_SQLITE ? table.source().id() : table.target();
    }
}
