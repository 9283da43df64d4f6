package io.dbferry.cli;

import io.dbferry.introspect.mapping.TypeMapping;
import io.dbferry.introspect.model.Column;
import io.dbferry.introspect.model.Dialect;
import io.dbferry.introspect.model.ForeignKey;
import io.dbferry.introspect.model.Index;
import io.dbferry.introspect.model.SchemaSnapshot;
import io.dbferry.introspect.model.Table;
import io.dbferry.introspect.model.UniqueKey;
import java.io.PrintWriter;
import java.util.Locale;

/** Renders a {@link SchemaSnapshot} as indented text for {@code dbferry inspect}. */
final class SchemaText {

    private final PrintWriter out;
    private final TypeMapping mapping = TypeMapping.sqliteToPostgres();

    SchemaText(PrintWriter out) {
        this.out = out;
    }

    void print(String url, SchemaSnapshot snapshot) {
        out.printf("%s: %d tables in schema \"%s\"%n", url, snapshot.tables().size(), snapshot.schema());
        for (Table table : snapshot.tables()) {
            out.println();
            out.println(table.id().name() + (table.withoutRowid() ? " (WITHOUT ROWID)" : ""));
            table.columns().forEach(c -> out.println("  " + column(snapshot.dialect(), c)));
            if (table.primaryKey() != null) {
                out.println("  primary key " + name(table.primaryKey().name()) + table.primaryKey().columns());
            }
            for (UniqueKey unique : table.uniqueKeys()) {
                out.println("  unique " + name(unique.name()) + unique.columns());
            }
            for (ForeignKey fk : table.foreignKeys()) {
                out.println("  foreign key " + name(fk.name()) + fk.columns() + " → " + fk.referencedTable().name()
                        + fk.referencedColumns() + action(" on delete ", fk.onDelete().name())
                        + action(" on update ", fk.onUpdate().name()));
            }
            for (Index index : table.indexes()) {
                out.println("  " + (index.unique() ? "unique index " : "index ") + index.name() + index.columns());
            }
        }
        if (!snapshot.notes().isEmpty()) {
            out.println();
            out.println("Not carried over:");
            snapshot.notes().forEach(note -> out.println("  - " + note));
        }
    }

    private String column(Dialect dialect, Column column) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-28s %-16s", column.name(),
                column.type().name().isEmpty() ? "(untyped)" : column.type()));
        if (dialect == Dialect.SQLITE) {
            line.append(" → ").append(String.format(Locale.ROOT, "%-18s", mapping.map(column)));
        }
        line.append(column.nullable() ? "" : " NOT NULL");
        line.append(column.identity() ? (column.autoincrement() ? " identity (AUTOINCREMENT)" : " identity") : "");
        line.append(column.defaultSql() == null ? "" : " DEFAULT " + column.defaultSql());
        return line.toString().stripTrailing();
    }

    private static String name(String name) {
        return name == null ? "" : name + " ";
    }

    private static String action(String prefix, String action) {
        return action.equals("NO_ACTION") ? "" : prefix + action.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
