package io.dbferry.introspect.compare;

import io.dbferry.introspect.mapping.MappedColumn;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.introspect.mapping.PostgresTypeNames;
import io.dbferry.introspect.mapping.SchemaMapping;
import io.dbferry.introspect.mapping.TargetType;
import io.dbferry.introspect.mapping.TypeMapping;
import io.dbferry.introspect.mapping.TypeRule;
import io.dbferry.introspect.mapping.UntranslatableObject;
import io.dbferry.introspect.model.ColumnType;
import io.dbferry.introspect.model.ForeignKey;
import io.dbferry.introspect.model.SchemaSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reports what the mapping itself does not carry over, whatever the target holds: defaults, CHECK constraints,
 * indexes and views whose SQL has no PostgreSQL translation ({@link SchemaMapping#untranslatable()}), column
 * collations PostgreSQL does not have, foreign keys to tables left out, objects the schema reader noted (generated
 * columns, virtual tables), and declared types that only SQLite's affinity rules could map
 * (https://www.sqlite.org/datatype3.html §3.1), where the result is probably not what the schema's author
 * meant. Immutable and thread-safe.
 */
public final class MappingChecks {

    private final TypeMapping typeMapping;

    /**
     * Creates the checks.
     *
     * @param typeMapping the type mapping the migration uses (without cast rules), never null
     */
    public MappingChecks(TypeMapping typeMapping) {
        this.typeMapping = Objects.requireNonNull(typeMapping, "typeMapping");
    }

    /**
     * Runs every check.
     *
     * @param source the source schema as read, never null
     * @param mapping the selected tables mapped onto the target, never null
     * @return the issues found, never null, possibly empty
     */
    public List<CompatibilityIssue> check(SchemaSnapshot source, SchemaMapping mapping) {
        List<CompatibilityIssue> issues = new ArrayList<>();
        Set<String> selected = mapping.tables().stream().map(t -> t.source().id().name()).collect(Collectors.toSet());
        boolean everyTable = selected.size() == source.tables().size();
        // Notes name their table in double quotes; with --tables or --exclude only the selected tables' count.
        source.notes().stream()
                .filter(note -> everyTable || selected.stream().anyMatch(t -> note.contains('"' + t + '"')))
                .forEach(note -> issues.add(CompatibilityIssue.schema(IssueCode.SCHEMA_OBJECT_NOT_CARRIED,
                        null, null, note, "recreate it in the target by hand after the migration")));
        for (MappedTable table : mapping.tables()) {
            String name = table.source().id().name();
            for (ForeignKey fk : table.source().foreignKeys()) {
                if (!selected.contains(fk.referencedTable().name())) {
                    issues.add(CompatibilityIssue.schema(IssueCode.FOREIGN_KEY_OUTSIDE_SELECTION, name, null,
                            "foreign key " + fk.columns() + " → \"" + fk.referencedTable().name() + "\" is not created: "
                                    + "that table is not part of this migration",
                            "add \"" + fk.referencedTable().name() + "\" to --tables, or accept the missing key"));
                }
            }
            for (MappedColumn column : table.columns()) {
                collationNotCarried(name, column, issues);
                affinityFallback(name, column, issues);
            }
        }
        mapping.untranslatable().forEach(u -> issues.add(notCarried(u)));
        return issues;
    }

    private static CompatibilityIssue notCarried(UntranslatableObject object) {
        return object.kind() == UntranslatableObject.Kind.COLUMN_DEFAULT
                ? CompatibilityIssue.schema(IssueCode.DEFAULT_NOT_CARRIED, object.table(), object.name(),
                        object.describe() + "; the target column has no default",
                        "add the default to the target by hand if applications rely on it")
                : CompatibilityIssue.schema(IssueCode.SCHEMA_OBJECT_NOT_CARRIED, object.table(), null,
                        object.describe(), "recreate it in the target by hand after the migration");
    }

    /** SQLite's NOCASE and RTRIM collations (datatype3.html §7.1) have no PostgreSQL equal. */
    private static void collationNotCarried(String table, MappedColumn column, List<CompatibilityIssue> issues) {
        String collation = column.source().collation();
        if (collation != null) {
            issues.add(CompatibilityIssue.schema(IssueCode.SCHEMA_OBJECT_NOT_CARRIED, table, column.source().name(),
                    "the COLLATE " + collation + " of " + column.source().name() + " is not carried over: "
                            + "PostgreSQL compares the column " + (collation.equals("NOCASE") ? "case-sensitively"
                            : "byte-wise") + (collation.equals("NOCASE") ? "; its indexes are on lower("
                            + column.source().name() + ")" : ""),
                    "compare lower(" + column.source().name() + ") or use ILIKE in queries that relied on it"));
        }
    }

    private void affinityFallback(String table, MappedColumn column, List<CompatibilityIssue> issues) {
        // With a cast rule the user already decided; a rowid alias is always bigint.
        if (column.identity() || column.castRule() != null) {
            return;
        }
        ColumnType declared = column.source().type();
        TypeRule rule = typeMapping.rules().stream().filter(r -> r.matches(declared)).findFirst().orElseThrow();
        String intended = intended(declared.name().toUpperCase(Locale.ROOT));
        if (rule.match() != TypeRule.Match.CONTAINS || intended == null || PostgresTypeNames.parse(intended)
                .map(TargetType::type).orElseThrow() == column.targetType().type()) {
            return;
        }
        issues.add(CompatibilityIssue.schema(IssueCode.AFFINITY_FALLBACK, table, column.source().name(),
                "declared type " + declared + " of " + column.source().name() + " is not a type name dbferry knows; by "
                        + "SQLite's affinity rules it maps to " + column.targetType(),
                "--cast \"type " + declared.name() + " to " + intended + "\" if it holds " + intended + " values"));
    }

    /** The PostgreSQL type a declared name most likely means, by the words in it; null when no guess. */
    private static String intended(String name) {
        if (name.contains("TIMESTAMPTZ") || name.contains("TIME ZONE") || name.contains("DATETIMEOFFSET")) {
            return "timestamptz";
        }
        if (name.contains("TIMESTAMP") || name.contains("DATETIME")) {
            return "timestamp";
        }
        List<String[]> words = List.of(new String[] {"FLOA", "double precision"}, new String[] {"DOUB", "double precision"},
                new String[] {"REAL", "double precision"}, new String[] {"DATE", "date"}, new String[] {"TIME", "time"},
                new String[] {"BOOL", "boolean"}, new String[] {"JSON", "jsonb"}, new String[] {"UUID", "uuid"},
                new String[] {"GUID", "uuid"}, new String[] {"STR", "text"}, new String[] {"INT", "bigint"});
        return words.stream().filter(w -> name.contains(w[0])).map(w -> w[1]).findFirst().orElse(null);
    }
}
