package io.dbferry.transfer.write;

import io.dbferry.introspect.mapping.MappedColumn;
import io.dbferry.introspect.mapping.MappedTable;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/** Renders the {@code COPY … FROM STDIN} statement that loads a table. Stateless and thread-safe. */
public final class CopyStatement {

    private static final DSLContext DSL_CONTEXT = DSL.using(SQLDialect.POSTGRES,
            new Settings().withRenderQuotedNames(RenderQuotedNames.ALWAYS));

    private CopyStatement() {}

    /**
     * The COPY statement for a table: {@code COPY "schema"."table" ("a", "b") FROM STDIN (FORMAT binary)},
     * or {@code (FORMAT text, ENCODING 'UTF8')} for text, whose bytes are UTF-8 whatever the client
     * encoding.
     *
     * @param table the mapped table, never null
     * @param format the data format, never null
     * @return never null; every identifier quoted by jOOQ
     */
    public static String sql(MappedTable table, CopyFormat format) {
        List<String> columns = table.columns().stream().map(MappedColumn::targetName)
                .map(name -> DSL_CONTEXT.render(DSL.name(name))).toList();
        String options = switch (format) {
            case TEXT -> "(FORMAT text, ENCODING 'UTF8')";
            case BINARY -> "(FORMAT binary)";
        };
        return "COPY " + DSL_CONTEXT.render(DSL.name(table.target().schema(), table.target().name()))
                + " (" + String.join(", ", columns) + ") FROM STDIN " + options;
    }
}
