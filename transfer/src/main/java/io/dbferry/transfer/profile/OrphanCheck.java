package io.dbferry.transfer.profile;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.compare.CompatibilityIssue;
import io.dbferry.introspect.compare.Example;
import io.dbferry.introspect.compare.IssueCode;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.introspect.model.ForeignKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The {@code ORPHAN_ROW} and {@code FOREIGN_KEY_MISMATCH} checks of one table's mapped foreign keys (those to
 * tables outside the migration are not mapped, so not checked).
 *
 * <p>For a rowid table SQLite's own {@code PRAGMA foreign_key_check} finds the orphans
 * (https://www.sqlite.org/pragma.html#pragma_foreign_key_check), whether or not foreign keys are enforced;
 * each row's key is then looked up by rowid. A {@code WITHOUT ROWID} table, whose violations the pragma
 * reports without a rowid, is checked with a {@code NOT EXISTS} query instead. When the pragma fails with
 * "foreign key mismatch" — a parent key that is neither a primary key nor has a unique index
 * (https://www.sqlite.org/foreignkeys.html §3) — each foreign key's parent is examined: the mismatched ones
 * are reported, the others checked with {@code NOT EXISTS}. Either way a row whose key has a NULL is no
 * orphan (MATCH SIMPLE, foreignkeys.html §3), and orphans are judged by SQLite's comparison, before values
 * are converted. Not thread-safe; the connection is owned by the caller.
 */
final class OrphanCheck {

    /** A mapped foreign key in source names, with its target constraint name. */
    private record Link(ForeignKey key, String name) {}

    private final Connection connection;
    private final MappedTable table;
    private final TableRows rows;
    private final SqliteParentKeys parentKeys;

    /**
     * Prepares the check.
     *
     * @param connection an open SQLite connection, owned by the caller
     * @param table the mapped table, never null
     * @param rows the table's rows, already scanned (a sampled scan limits the check to the rows read)
     */
    OrphanCheck(Connection connection, MappedTable table, TableRows rows) {
        this.connection = connection;
        this.table = table;
        this.rows = rows;
        this.parentKeys = new SqliteParentKeys(connection);
    }

    /**
     * Checks every mapped foreign key.
     *
     * @return one issue per foreign key with orphans or a mismatched parent; never null, possibly empty
     * @throws DbferryException with {@link ErrorCode#LOAD_FAILED} when SQLite fails otherwise
     */
    List<CompatibilityIssue> issues() {
        List<Link> links = links();
        if (links.isEmpty()) {
            return List.of();
        }
        try {
            return rows.hasRowid() ? pragmaCheck(links) : notExistsChecks(links);
        } catch (SQLException e) {
            if (!String.valueOf(e.getMessage()).contains("foreign key mismatch")) {
                throw new DbferryException(ErrorCode.LOAD_FAILED, "failed checking the foreign keys of "
                        + rows.name() + " in the source: " + e.getMessage(), e);
            }
            return notExistsChecks(links);
        }
    }

    private List<CompatibilityIssue> pragmaCheck(List<Link> links) throws SQLException {
        Map<Integer, Link> byId = new LinkedHashMap<>();
        parentKeys.foreignKeyIds(rows.name(), links.stream().map(Link::key).toList())
                .forEach((id, index) -> byId.put(id, links.get(index)));
        Map<Integer, IssueTally> tallies = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT \"rowid\", fkid FROM pragma_foreign_key_check(?)")) {
            statement.setString(1, rows.name());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    long rowid = rs.getLong(1);
                    Link link = byId.get(rs.getInt(2));
                    if (link != null && rows.scanned(rowid)) {
                        count(tallies.computeIfAbsent(rs.getInt(2), id -> new IssueTally()), link, rowid);
                    }
                }
            }
        }
        List<CompatibilityIssue> issues = new ArrayList<>();
        tallies.forEach((id, tally) -> issues.add(orphans(byId.get(id), tally)));
        return issues;
    }

    private void count(IssueTally tally, Link link, long rowid) {
        if (tally.wantsExamples()) {
            rows.find(RowLocator.ofRowid(rowid)).ifPresent(row -> add(tally, link, row));
        } else {
            tally.addBeyondExamples();
        }
    }

    private List<CompatibilityIssue> notExistsChecks(List<Link> links) {
        List<CompatibilityIssue> issues = new ArrayList<>();
        for (Link link : links) {
            ForeignKey key = link.key();
            if (!parentKeys.isKey(key.referencedTable().name(), key.referencedColumns())) {
                issues.add(mismatch(link));
                continue;
            }
            IssueTally tally = new IssueTally();
            rows.where(orphaned(key), row -> add(tally, link, row));
            if (!tally.isEmpty()) {
                issues.add(orphans(link, tally));
            }
        }
        return issues;
    }

    /** Rows of the table whose key has no NULL and matches no parent row, among the rows scanned. */
    private Condition orphaned(ForeignKey key) {
        String alias = rows.name().equalsIgnoreCase("parent") ? "parent_row" : "parent";
        Table<?> parent = DSL.table(DSL.name(key.referencedTable().name())).as(DSL.name(alias));
        Condition complete = DSL.trueCondition();
        Condition matches = DSL.trueCondition();
        for (int k = 0; k < key.columns().size(); k++) {
            var child = rows.qualifiedField(rows.index(key.columns().get(k)));
            complete = complete.and(child.isNotNull());
            matches = matches.and(DSL.field(DSL.name(alias, key.referencedColumns().get(k))).eq(child));
        }
        return complete.and(DSL.notExists(DSL.selectOne().from(parent).where(matches))).and(rows.scanned());
    }

    private void add(IssueTally tally, Link link, ProfiledRow row) {
        List<SourceValue> values = link.key().columns().stream().map(c -> row.value(rows.index(c))).toList();
        tally.add(() -> new Example(rows.keys().key(row), ValueText.tuple(values)), values.get(0).storageClass());
    }

    private CompatibilityIssue orphans(Link link, IssueTally tally) {
        ForeignKey key = link.key();
        String parent = key.referencedTable().name();
        boolean one = tally.count() == 1;
        String message = tally.count() + (one ? " row" : " rows") + " of " + rows.name()
                + (one ? " references" : " reference") + " no row of " + parent + " through foreign key " + link.name() + " ("
                + String.join(", ", key.columns()) + ") → " + parent + "(" + String.join(", ", key.referencedColumns())
                + "); PostgreSQL refuses the key while " + (one ? "it exists" : "they exist");
        return new CompatibilityIssue(IssueCode.ORPHAN_ROW, rows.name(), singleColumn(key), message, tally.count(),
                tally.examples(), IssueSuggestions.orphans(rows.name(), key.columns(), parent));
    }

    private CompatibilityIssue mismatch(Link link) {
        ForeignKey key = link.key();
        String parent = key.referencedTable().name();
        String message = "foreign key " + link.name() + " of " + rows.name() + " (" + String.join(", ", key.columns())
                + ") references " + parent + "(" + String.join(", ", key.referencedColumns()) + "), which is neither"
                + " a primary key nor has a unique index: SQLite reports \"foreign key mismatch\" and PostgreSQL"
                + " cannot create the key";
        return CompatibilityIssue.schema(IssueCode.FOREIGN_KEY_MISMATCH, rows.name(), singleColumn(key), message,
                IssueSuggestions.mismatch(rows.name(), parent, key.referencedColumns()));
    }

    private static String singleColumn(ForeignKey key) {
        return key.columns().size() == 1 ? key.columns().get(0) : null;
    }

    /**
     * The source foreign keys that were mapped, in source names. The mapper keeps the source order and drops
     * keys to tables outside the migration, so each mapped key is the next source key with the same columns
     * and parent (the identifier policy may have changed the case of the names).
     */
    private List<Link> links() {
        List<ForeignKey> mapped = table.foreignKeys();
        List<Link> links = new ArrayList<>();
        for (ForeignKey source : table.source().foreignKeys()) {
            if (links.size() < mapped.size() && sameKey(source, mapped.get(links.size()))) {
                links.add(new Link(source, mapped.get(links.size()).name()));
            }
        }
        return links;
    }

    private boolean sameKey(ForeignKey source, ForeignKey mapped) {
        List<String> targetColumns = source.columns().stream()
                .map(c -> table.columns().get(rows.index(c)).targetName()).toList();
        return targetColumns.equals(mapped.columns())
                && source.referencedTable().name().equalsIgnoreCase(mapped.referencedTable().name());
    }
}
