package io.dbferry.introspect.compare;

import io.dbferry.introspect.mapping.IdentifierPolicy;
import io.dbferry.introspect.mapping.PostgresIdentifiers;
import io.dbferry.introspect.mapping.SchemaMapping;
import io.dbferry.introspect.model.Column;
import io.dbferry.introspect.model.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks source names against PostgreSQL's identifier rules (PostgreSQL docs §4.1.1) under an
 * {@link IdentifierPolicy}: names over 63 bytes, names that collide after case folding or truncation,
 * names that need quoting, reserved key words. Immutable and thread-safe.
 */
public final class IdentifierChecker {

    private final IdentifierPolicy policy;

    /**
     * Creates a checker.
     *
     * @param policy the identifier policy the migration will use, never null
     */
    public IdentifierChecker(IdentifierPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * Checks the names of tables and their columns. When this returns an {@link IssueCode#IDENTIFIER_COLLISION},
     * the tables cannot be mapped under this policy.
     *
     * @param tables the source tables to migrate, never null
     * @return the issues found, never null, possibly empty
     */
    public List<CompatibilityIssue> check(List<Table> tables) {
        List<CompatibilityIssue> issues = new ArrayList<>();
        Map<String, String> tableNames = new HashMap<>();
        for (Table table : tables) {
            String name = table.id().name();
            tooLong(name, null, "table \"" + name + "\"").ifPresent(issues::add);
            collision(tableNames, name, null, "tables").ifPresent(issues::add);
            Map<String, String> columnNames = new HashMap<>();
            for (Column column : table.columns()) {
                tooLong(name, column.name(), "column \"" + column.name() + "\" of table \"" + name + "\"")
                        .ifPresent(issues::add);
                collision(columnNames, column.name(), name, "columns of table \"" + name + "\"").ifPresent(issues::add);
            }
            quoting(table, issues);
        }
        return issues;
    }

    /**
     * Reports the indexes, constraints and views the mapping renamed: PostgreSQL keeps tables, views, indexes and
     * key constraints in one namespace per schema, and constraints in one per table, so a name taken twice once
     * folded and cut to 63 bytes gets a numeric suffix ({@link SchemaMapping#renamed()}).
     *
     * @param mapping the mapped tables and views, never null
     * @return an {@link IssueCode#IDENTIFIER_RENAMED} per renamed object, never null, possibly empty
     */
    public List<CompatibilityIssue> checkRelations(SchemaMapping mapping) {
        return mapping.renamed().stream().map(r -> CompatibilityIssue.schema(IssueCode.IDENTIFIER_RENAMED, r.table(),
                null, r.object() + " is created as \"" + r.name() + "\": \"" + r.wanted() + "\" already names another "
                        + "object in schema \"" + mapping.targetSchema() + "\" (tables, views, indexes and key "
                        + "constraints share one namespace)",
                "rename it in the source if applications refer to it by name")).toList();
    }

    private Optional<CompatibilityIssue> tooLong(String table, String column, String what) {
        String target = policy.apply(column == null ? table : column);
        if (PostgresIdentifiers.utf8Length(target) <= PostgresIdentifiers.MAX_BYTES) {
            return Optional.empty();
        }
        return Optional.of(CompatibilityIssue.schema(IssueCode.IDENTIFIER_TOO_LONG, table, column,
                what + " is " + PostgresIdentifiers.utf8Length(target) + " bytes long, more than PostgreSQL's 63; "
                        + "migrate creates it as \"" + PostgresIdentifiers.truncate(target) + "\"",
                "rename it in the source to at most 63 bytes, or query it by its truncated name"));
    }

    private Optional<CompatibilityIssue> collision(Map<String, String> seen, String name, String table,
            String kind) {
        String target = PostgresIdentifiers.truncate(policy.apply(name));
        String previous = seen.putIfAbsent(target, name);
        if (previous == null) {
            return Optional.empty();
        }
        boolean caseOnly = policy.apply(previous).equals(policy.apply(name));
        return Optional.of(CompatibilityIssue.schema(IssueCode.IDENTIFIER_COLLISION, table == null ? name : table,
                table == null ? null : name,
                kind + " \"" + previous + "\" and \"" + name + "\" both become \"" + target + "\" in the target"
                        + (caseOnly ? " (they differ only in case)" : " (after truncation to 63 bytes)"),
                caseOnly && policy == IdentifierPolicy.LOWER
                        ? "use --identifiers preserve, or rename one in the source"
                        : "rename one in the source so the first 63 bytes differ"));
    }

    private void quoting(Table table, List<CompatibilityIssue> issues) {
        String name = table.id().name();
        List<String> quoted = new ArrayList<>();
        quoting(name, null, quoted, issues);
        table.columns().forEach(c -> quoting(name, c.name(), quoted, issues));
        if (!quoted.isEmpty()) {
            issues.add(CompatibilityIssue.schema(IssueCode.IDENTIFIER_NEEDS_QUOTING, name, null,
                    quoted.size() + " name" + (quoted.size() == 1 ? "" : "s") + " of table \"" + name
                            + "\" must be double-quoted in PostgreSQL queries: " + String.join(", ", quoted),
                    policy == IdentifierPolicy.PRESERVE
                            ? "use --identifiers lower for unquoted lower-case names, or keep quoting them "
                                    + "(ORMs that quote names are unaffected)"
                            : "rename them in the source, or quote them in every query"));
        }
    }

    /** Adds a reserved-word issue for the name, or adds it to {@code quoted} when it needs quoting. */
    private void quoting(String table, String column, List<String> quoted, List<CompatibilityIssue> issues) {
        String target = policy.apply(column == null ? table : column);
        if (PostgresIdentifiers.isReserved(target)) {
            issues.add(CompatibilityIssue.schema(IssueCode.RESERVED_WORD, table, column,
                    (column == null ? "table" : "column") + " \"" + target + "\" is a PostgreSQL reserved key word",
                    "quote it in every query (\"" + target + "\"), or rename it in the source"));
        } else if (PostgresIdentifiers.needsQuoting(target)) {
            quoted.add(target);
        }
    }
}
