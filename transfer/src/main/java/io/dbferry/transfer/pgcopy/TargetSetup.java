package io.dbferry.transfer.pgcopy;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.model.TableId;
import io.dbferry.introspect.plan.PostgresCopyDdl;
import io.dbferry.introspect.plan.PostgresDdl;
import io.dbferry.introspect.postgres.CatalogColumn;
import io.dbferry.introspect.postgres.CatalogDomain;
import io.dbferry.introspect.postgres.CatalogEnum;
import io.dbferry.introspect.postgres.CatalogSequence;
import io.dbferry.introspect.postgres.CatalogTable;
import io.dbferry.introspect.postgres.CatalogType;
import io.dbferry.introspect.postgres.PostgresCatalog;
import io.dbferry.introspect.postgres.PostgresDefinitionReader;
import io.dbferry.introspect.postgres.PostgresDefinitions;
import io.dbferry.transfer.pipeline.IfExists;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Prepares the target before the load, in one transaction: creates the schema; applies {@code --if-exists} to
 * the tables and views that already exist (fail, drop, or keep and truncate after checking their columns have the
 * source's types); creates the source schema's enums and domains the target lacks (an existing one must be
 * defined alike) and its free-standing sequences (kept when they exist); checks that every other non-built-in type a column uses exists; creates the missing tables.
 * Nothing is kept when a step fails. Not thread-safe.
 */
final class TargetSetup {

    private static final PostgresCopyDdl COPY_DDL = new PostgresCopyDdl();
    private static final PostgresDdl DDL = new PostgresDdl();

    private final PostgresCopyOptions options;
    private final PostgresDefinitions source;
    private final List<CopyTable> tables;
    private final Set<String> views;

    /**
     * @param options the options, never null
     * @param source the source schema's definitions, never null
     * @param tables the tables to copy, never null
     * @param views the names of the views that will be created, never null
     */
    TargetSetup(PostgresCopyOptions options, PostgresDefinitions source, List<CopyTable> tables, Set<String> views) {
        this.options = options;
        this.source = source;
        this.tables = tables;
        this.views = views;
    }

    /**
     * Prepares the target.
     *
     * @param connection a target connection in auto-commit mode, never null
     * @return the names of the tables that existed and were kept ({@link IfExists#TRUNCATE}), never null
     * @throws DbferryException with {@link ErrorCode#TARGET_TABLE_EXISTS} when tables exist and
     *     {@link IfExists#FAIL} is set; {@link ErrorCode#INCOMPATIBLE_TARGET} naming table, column and type when
     *     a copy with identical types is impossible; {@link ErrorCode#DDL_FAILED} when a statement fails
     */
    Set<String> prepare(Connection connection) {
        return TargetStatements.inTransaction(connection, options.targetSchema(), c -> {
            TargetStatements.execute(c, DDL.createSchemaIfNotExists(options.targetSchema()));
            Set<String> existing = conflicts(PostgresCatalog.relationNames(c, options.targetSchema()));
            if (!existing.isEmpty() && options.ifExists() == IfExists.DROP) {
                drop(c, existing);
                existing = Set.of();
            }
            PostgresDefinitions target = PostgresDefinitionReader.read(c, options.targetSchema());
            createTypes(c, target);
            for (CatalogSequence sequence : source.sequences()) {
                TargetStatements.execute(c, COPY_DDL.createSequence(options.targetSchema(), sequence));
            }
            checkUserTypes(c);
            Set<String> kept = new TreeSet<>(existing);
            kept.removeAll(views);
            if (!kept.isEmpty()) {
                checkKeptTables(target, kept);
                TargetStatements.execute(c, DDL.truncate(kept.stream()
                        .map(name -> new TableId(options.targetSchema(), name)).toList()));
            }
            for (CopyTable table : tables) {
                if (!kept.contains(table.target().name())) {
                    TargetStatements.execute(c, COPY_DDL.createTable(table.target(), table.definition()));
                }
            }
            return kept;
        });
    }

    /** The existing relations the copy would create; refuses them under {@link IfExists#FAIL}. */
    private Set<String> conflicts(Set<String> relations) {
        Set<String> conflicts = new TreeSet<>(views);
        tables.forEach(t -> conflicts.add(t.target().name()));
        conflicts.retainAll(relations);
        if (!conflicts.isEmpty() && options.ifExists() == IfExists.FAIL) {
            throw new DbferryException(ErrorCode.TARGET_TABLE_EXISTS, "target schema \"" + options.targetSchema()
                    + "\" already has " + conflicts + "; nothing was changed. Use --if-exists drop to replace them, "
                    + "--if-exists truncate to empty the tables and load into them");
        }
        return conflicts;
    }

    private void drop(Connection connection, Set<String> existing) throws SQLException {
        for (String name : existing) {
            TableId id = new TableId(options.targetSchema(), name);
            TargetStatements.execute(connection, views.contains(name) ? COPY_DDL.dropView(id) : DDL.dropTable(id));
        }
    }

    private void createTypes(Connection connection, PostgresDefinitions target) throws SQLException {
        Map<String, CatalogEnum> enums = target.enums().stream()
                .collect(Collectors.toMap(CatalogEnum::name, Function.identity()));
        for (CatalogEnum type : source.enums()) {
            CatalogEnum existing = enums.get(type.name());
            if (existing == null) {
                TargetStatements.execute(connection, COPY_DDL.createEnum(options.targetSchema(), type));
            } else if (!existing.labels().equals(type.labels())) {
                throw incompatibleType("enum", type.name(), existing.labels() + " instead of " + type.labels());
            }
        }
        Map<String, CatalogDomain> domains = target.domains().stream()
                .collect(Collectors.toMap(CatalogDomain::name, Function.identity()));
        for (CatalogDomain domain : source.domains()) {
            CatalogDomain existing = domains.get(domain.name());
            if (existing == null) {
                TargetStatements.execute(connection, COPY_DDL.createDomain(options.targetSchema(), domain));
            } else if (!existing.equals(domain)) {
                throw incompatibleType("domain", domain.name(), COPY_DDL.createDomain(options.targetSchema(), existing)
                        + " instead of " + COPY_DDL.createDomain(options.targetSchema(), domain));
            }
        }
    }

    private DbferryException incompatibleType(String kind, String name, String difference) {
        return new DbferryException(ErrorCode.INCOMPATIBLE_TARGET, "target schema \"" + options.targetSchema()
                + "\" already has " + kind + " \"" + name + "\" defined otherwise than the source's: " + difference
                + "; nothing was changed. Drop or alter it in the target, or choose another --target-schema");
    }

    /** Every non-built-in type a column uses that this copy does not create must already exist in the target. */
    private void checkUserTypes(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_catalog.to_regtype(?)")) {
            for (CopyTable table : tables) {
                for (CatalogColumn column : table.definition().columns()) {
                    if (column.userType() != null && !createdHere(column.userType())) {
                        statement.setString(1, column.type());
                        try (ResultSet rs = statement.executeQuery()) {
                            rs.next();
                            if (rs.getString(1) == null) {
                                throw missingType(table, column);
                            }
                        }
                    }
                }
            }
        }
    }

    private boolean createdHere(CatalogType type) {
        return type.schema().equals(source.schema())
                && (type.kind() == CatalogType.Kind.ENUM || type.kind() == CatalogType.Kind.DOMAIN);
    }

    private DbferryException missingType(CopyTable table, CatalogColumn column) {
        CatalogType type = column.userType();
        return new DbferryException(ErrorCode.INCOMPATIBLE_TARGET, "column \"" + column.name() + "\" of "
                + table.source().id() + " has type " + column.type() + " (" + type.kind().name().toLowerCase(java.util.Locale.ROOT)
                + " \"" + type.schema() + "\".\"" + type.name() + "\"), which the target lacks in schema \""
                + options.targetSchema() + "\" and on its search path; nothing was changed. Create the type in the "
                + "target first (for an extension's type: CREATE EXTENSION), then run again");
    }

    /** A table kept by {@link IfExists#TRUNCATE} must have every copied column, with the same type. */
    private void checkKeptTables(PostgresDefinitions target, Set<String> kept) {
        for (CopyTable table : tables) {
            if (!kept.contains(table.target().name())) {
                continue;
            }
            CatalogTable existing = target.table(table.target().name()).orElseThrow(() -> new DbferryException(
                    ErrorCode.INCOMPATIBLE_TARGET, table.target() + " exists but is not a table; nothing was "
                    + "changed. Use --if-exists drop to replace it"));
            Map<String, CatalogColumn> columns = existing.columns().stream()
                    .collect(Collectors.toMap(CatalogColumn::name, Function.identity()));
            for (CatalogColumn column : table.definition().copiedColumns()) {
                CatalogColumn other = columns.get(column.name());
                if (other == null || !other.type().equals(column.type()) || !other.copied()) {
                    throw new DbferryException(ErrorCode.INCOMPATIBLE_TARGET, "column \"" + column.name() + "\" of "
                            + table.target() + " in the target " + (other == null ? "is missing"
                            : other.copied() ? "has type " + other.type() : "is a generated column")
                            + " but the source's has type " + column.type() + "; COPY needs the same types on both "
                            + "ends, nothing was changed. Use --if-exists drop to re-create the table");
                }
            }
        }
    }
}
