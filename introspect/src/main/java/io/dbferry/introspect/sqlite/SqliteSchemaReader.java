package io.dbferry.introspect.sqlite;

import io.dbferry.introspect.model.Column;
import io.dbferry.introspect.model.ColumnType;
import io.dbferry.introspect.model.Dialect;
import io.dbferry.introspect.model.ForeignKey;
import io.dbferry.introspect.model.Index;
import io.dbferry.introspect.model.IndexPart;
import io.dbferry.introspect.model.PrimaryKey;
import io.dbferry.introspect.model.ReferentialAction;
import io.dbferry.introspect.model.SchemaSnapshot;
import io.dbferry.introspect.model.Table;
import io.dbferry.introspect.model.TableId;
import io.dbferry.introspect.model.UniqueKey;
import io.dbferry.introspect.model.View;
import io.dbferry.introspect.sqlite.JooqMetaSqliteReader.JooqColumn;
import io.dbferry.introspect.sqlite.JooqMetaSqliteReader.JooqTable;
import io.dbferry.introspect.sqlite.SqliteCatalog.CatalogColumn;
import io.dbferry.introspect.sqlite.SqliteCatalog.CatalogForeignKey;
import io.dbferry.introspect.sqlite.SqliteCatalog.CatalogIndex;
import io.dbferry.introspect.sqlite.SqliteCatalog.CatalogIndexKey;
import io.dbferry.introspect.sqlite.SqliteCatalog.CatalogTable;
import io.dbferry.introspect.sqlite.SqliteCatalog.CatalogView;
import io.dbferry.introspect.sqlite.SqliteDdlScanner.IndexDefinition;
import io.dbferry.introspect.sqlite.SqliteDdlScanner.TableDefinition;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the {@code main} schema of a SQLite database into a {@link SchemaSnapshot}.
 *
 * <p>jOOQ-meta supplies declared types (with length, precision, scale), defaults and declared primary-key
 * names. Everything else is taken from SQLite's catalog, because jOOQ-meta 3.21 (open-source edition) is
 * wrong or silent about it; each fact is pinned by {@code JooqMetaSqliteFactsTest}:
 * <ul>
 *   <li>a table whose name needs quoting (e.g. {@code "Mixed Case"}) comes back with no columns;</li>
 *   <li>a plain {@code INTEGER PRIMARY KEY} rowid alias is neither identity nor NOT NULL;</li>
 *   <li>UNIQUE constraints are lost when jOOQ's SQL parser fails on the table (UNSIGNED, GENERATED);</li>
 *   <li>foreign-key names are invented even when declared, as are names of unnamed UNIQUE constraints; two
 *       foreign keys to the same parent are merged into one and lose their ON DELETE/ON UPDATE actions;</li>
 *   <li>partial-index predicates and expression indexes are hidden; untyped columns are typed {@code other}
 *       (or {@code ""} when its parser fails on the table); virtual tables and some of their shadow tables
 *       are listed as tables.</li>
 * </ul>
 * Virtual tables and their shadow tables are skipped with a note, SQLite's internal tables silently.
 *
 * <p>What the catalog does not report is cut verbatim out of the CREATE statements in {@code sqlite_schema} by
 * {@link SqliteDdlScanner}: CHECK constraints, column collations, the expressions and predicate of an index.
 * Views come with the relations they read. The automatic indexes behind a PRIMARY KEY or UNIQUE constraint
 * ({@code sqlite_autoindex_*}) are the constraint itself and are not indexes, and a UNIQUE constraint on exactly
 * the primary key's columns, or repeating an earlier one, is left out: SQLite keeps one index per constraint, but
 * the rule is the same.
 *
 * <p>Never writes to the database. Not thread-safe; the connection is owned by the caller.
 */
public final class SqliteSchemaReader {

    private static final Pattern AUTOINCREMENT = Pattern.compile("\\bAUTOINCREMENT\\b", Pattern.CASE_INSENSITIVE);

    private final SqliteCatalog catalog;
    private final Connection connection;
    private final List<String> notes = new ArrayList<>();
    private final List<String> tableNames = new ArrayList<>();
    private final Map<String, List<CatalogColumn>> columnsByTable = new HashMap<>();

    private SqliteSchemaReader(Connection connection) {
        this.connection = connection;
        this.catalog = new SqliteCatalog(connection);
    }

    /**
     * Reads the schema.
     *
     * @param connection an open connection to the SQLite database (read-only is enough), not closed here
     * @return the snapshot with tables ordered by name, never null
     * @throws io.dbferry.introspect.DbferryException with {@code SCHEMA_READ_FAILED} when the catalog
     *     cannot be read
     */
    public static SchemaSnapshot read(Connection connection) {
        return new SqliteSchemaReader(connection).read();
    }

    private SchemaSnapshot read() {
        Map<String, JooqTable> jooqTables = JooqMetaSqliteReader.read(connection);
        List<Table> tables = new ArrayList<>();
        List<CatalogTable> catalogTables = catalog.tables();
        catalogTables.forEach(t -> tableNames.add(t.name()));
        for (CatalogTable table : catalogTables) {
            if (isUserTable(table)) {
                tables.add(table(table, jooqTables.get(table.name())));
            }
        }
        tables.sort(Comparator.comparing(t -> t.id().name()));
        return new SchemaSnapshot(Dialect.SQLITE, "main", tables, views(), notes);
    }

    private List<View> views() {
        List<CatalogView> views = catalog.views();
        // tableNames holds every relation of pragma_table_list, views included.
        List<String> relations = tableNames;
        return views.stream()
                .map(v -> new View(v.name(), v.sql(), SqliteDdlScanner.viewDependencies(v.sql(), v.name(), relations)))
                .toList();
    }

    private boolean isUserTable(CatalogTable table) {
        if (table.name().toLowerCase(Locale.ROOT).startsWith("sqlite_")) {
            return false; // internal: https://www.sqlite.org/fileformat2.html §2.6
        }
        if (table.type().equals("view")) {
            return false; // read by views()
        }
        if (!table.type().equals("table")) {
            notes.add("skipped " + table.type() + " table \"" + table.name() + "\": only ordinary tables are migrated");
            return false;
        }
        return true;
    }

    private Table table(CatalogTable table, JooqTable jooq) {
        String name = table.name();
        List<CatalogColumn> catalogColumns = columns(name);
        List<CatalogIndex> indexes = catalog.indexes(name);
        List<String> pkColumns = primaryKeyColumns(catalogColumns);
        String rowidAlias = rowidAlias(table, catalogColumns, pkColumns, indexes);
        boolean autoincrement = rowidAlias != null && table.sql() != null
                && AUTOINCREMENT.matcher(table.sql()).find();
        TableDefinition definition = SqliteDdlScanner.table(table.sql() == null ? "" : table.sql());
        List<Column> columns = new ArrayList<>();
        for (CatalogColumn column : catalogColumns) {
            if (column.hidden() == 1) {
                continue; // a hidden column of a virtual table
            }
            if (column.hidden() >= 2) {
                notes.add("generated column \"" + name + "\".\"" + column.name()
                        + "\" is migrated as a plain column holding its computed values");
            }
            boolean isAlias = column.name().equals(rowidAlias);
            JooqColumn jooqColumn = jooq == null ? null : jooq.columns().get(column.name());
            columns.add(new Column(column.name(), columns.size() + 1, columnType(column, jooqColumn),
                    !column.notNull() && !isAlias, column.defaultSql(), isAlias, isAlias && autoincrement,
                    collation(definition.collations().get(column.name().toLowerCase(Locale.ROOT)))));
        }
        PrimaryKey primaryKey = pkColumns.isEmpty() ? null
                : new PrimaryKey(jooq == null ? null : jooq.primaryKeyName(), pkColumns);
        return new Table(new TableId("main", name), columns, primaryKey, uniqueKeys(pkColumns, indexes),
                foreignKeys(name, catalog.foreignKeys(name)), indexes(name, indexes), definition.checks(),
                table.withoutRowid());
    }

    /**
     * A collation as the model keeps it: null for SQLite's default {@code BINARY}, the built-in ones
     * (https://www.sqlite.org/datatype3.html §7.1) in upper case, others as declared.
     */
    private static String collation(String declared) {
        if (declared == null || declared.equalsIgnoreCase("BINARY")) {
            return null;
        }
        String upper = declared.toUpperCase(Locale.ROOT);
        return upper.equals("NOCASE") || upper.equals("RTRIM") ? upper : declared;
    }

    /**
     * The rowid alias column, if any: the single-column primary key of a rowid table declared exactly
     * {@code INTEGER} (https://www.sqlite.org/lang_createtable.html#rowid). The {@code INTEGER PRIMARY KEY
     * DESC} quirk is caught because such a key gets an automatic index, which an alias never has.
     */
    private static String rowidAlias(CatalogTable table, List<CatalogColumn> columns, List<String> pkColumns,
            List<CatalogIndex> indexes) {
        if (table.withoutRowid() || pkColumns.size() != 1
                || indexes.stream().anyMatch(i -> i.origin().equals("pk"))) {
            return null;
        }
        String pk = pkColumns.get(0);
        return columns.stream().anyMatch(c -> c.name().equals(pk) && "INTEGER".equalsIgnoreCase(c.declaredType()))
                ? pk : null;
    }

    private static ColumnType columnType(CatalogColumn column, JooqColumn jooq) {
        ColumnType parsed = DeclaredTypeParser.parse(column.declaredType());
        // jOOQ-meta's reading is kept only when it names the same type the catalog declares.
        if (jooq != null && jooq.type().name().equalsIgnoreCase(parsed.name())) {
            return jooq.type();
        }
        return parsed;
    }

    /** The UNIQUE constraints, each column set once and none repeating the primary key. */
    private static List<UniqueKey> uniqueKeys(List<String> pkColumns, List<CatalogIndex> indexes) {
        Set<Set<String>> seen = new HashSet<>();
        seen.add(Set.copyOf(pkColumns));
        return indexes.stream()
                .filter(i -> i.origin().equals("u") && !i.hasExpression())
                .filter(i -> seen.add(Set.copyOf(i.columns())))
                .map(i -> new UniqueKey(null, i.columns()))
                .toList();
    }

    private List<Index> indexes(String table, List<CatalogIndex> indexes) {
        List<Index> created = new ArrayList<>();
        for (CatalogIndex index : indexes) {
            if (!index.origin().equals("c")) {
                continue; // "pk" and "u" indexes implement constraints
            }
            Index read = index(index);
            if (read == null) {
                notes.add("index \"" + index.name() + "\" on \"" + table + "\" could not be read from its statement ("
                        + index.sql() + ") and is not migrated");
                continue;
            }
            created.add(read);
        }
        return created;
    }

    /** The index with its keys and predicate; null when its statement does not show what the catalog reports. */
    private static Index index(CatalogIndex index) {
        IndexDefinition definition = index.sql() == null ? new IndexDefinition(List.of(), null)
                : SqliteDdlScanner.index(index.sql());
        boolean expressions = index.hasExpression();
        if (expressions && definition.keys().size() != index.keys().size() || index.partial() && definition.where() == null) {
            return null;
        }
        List<IndexPart> parts = new ArrayList<>();
        for (int i = 0; i < index.keys().size(); i++) {
            CatalogIndexKey key = index.keys().get(i);
            String expression = key.column() == null ? definition.keys().get(i) : null;
            parts.add(new IndexPart(key.column(), expression, collation(key.collation()), key.descending()));
        }
        return new Index(index.name(), parts, index.unique(), index.partial() ? definition.where() : null);
    }

    private List<ForeignKey> foreignKeys(String table, List<CatalogForeignKey> keys) {
        List<ForeignKey> foreignKeys = new ArrayList<>();
        for (CatalogForeignKey key : keys) {
            // A key may spell its parent in any case (SQLite names are case-insensitive,
            // https://www.sqlite.org/lang_keywords.html); the target is not, so take the declared spelling.
            String parent = declaredName(key.table(), tableNames);
            List<CatalogColumn> parentColumns = columns(parent);
            List<String> parentNames = parentColumns.stream().map(CatalogColumn::name).toList();
            // "REFERENCES parent" without columns means the parent's primary key (foreignkeys.html §3).
            List<String> referenced = key.to().contains(null) ? primaryKeyColumns(parentColumns)
                    : key.to().stream().map(c -> declaredName(c, parentNames)).toList();
            if (referenced.size() != key.from().size()) {
                notes.add("foreign key of \"" + table + "\" " + key.from() + " to \"" + key.table()
                        + "\" does not match that table's primary key and is not migrated");
                continue;
            }
            foreignKeys.add(new ForeignKey(null, key.from(), new TableId("main", parent), referenced,
                    ReferentialAction.parse(key.onDelete()), ReferentialAction.parse(key.onUpdate())));
        }
        return foreignKeys;
    }

    /** A table's catalog columns, read once: foreign keys look up their parent's columns again. */
    private List<CatalogColumn> columns(String table) {
        return columnsByTable.computeIfAbsent(table, catalog::columns);
    }

    private static List<String> primaryKeyColumns(List<CatalogColumn> columns) {
        return columns.stream().filter(c -> c.pkOrder() > 0)
                .sorted(Comparator.comparingInt(CatalogColumn::pkOrder)).map(CatalogColumn::name).toList();
    }

    /** The declared spelling of a name matched case-insensitively, or the name itself when none matches. */
    private static String declaredName(String name, List<String> declared) {
        if (declared.contains(name)) {
            return name;
        }
        return declared.stream().filter(d -> d.equalsIgnoreCase(name)).findFirst().orElse(name);
    }
}
