package io.dbferry.transfer.verify;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.mapping.MappedTable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * Compares {@code count(*)} of every migrated table on source and target. Not thread-safe; the
 * connections are owned by the caller.
 */
public final class RowCountVerifier {

    private static final DSLContext SQLITE = DSL.using(SQLDialect.SQLITE);
    private static final DSLContext POSTGRES = DSL.using(SQLDialect.POSTGRES,
            new Settings().withRenderQuotedNames(RenderQuotedNames.ALWAYS));

    private final Connection source;
    private final Connection target;

    /**
     * Creates a verifier.
     *
     * @param source the SQLite source connection
     * @param target the PostgreSQL target connection
     */
    public RowCountVerifier(Connection source, Connection target) {
        this.source = source;
        this.target = target;
    }

    /**
     * Counts every table on both sides.
     *
     * @param tables the mapped tables, never null
     * @return one count per table in the given order, never null
     * @throws DbferryException with {@link ErrorCode#LOAD_FAILED} when a count query fails, naming the side
     */
    public List<TableCount> count(List<MappedTable> tables) {
        List<TableCount> counts = new ArrayList<>();
        for (MappedTable table : tables) {
            long sourceRows = count(source, "source",
                    SQLITE.selectCount().from(DSL.table(DSL.name(table.source().id().name()))).getSQL());
            long targetRows = count(target, "target", POSTGRES.selectCount()
                    .from(DSL.table(DSL.name(table.target().schema(), table.target().name()))).getSQL());
            counts.add(new TableCount(table.source().id(), table.target(), sourceRows, targetRows));
        }
        return counts;
    }

    /**
     * Counts and throws when any table differs.
     *
     * @param tables the mapped tables, never null
     * @return the counts, all matching, never null
     * @throws VerificationException when a count differs
     */
    public List<TableCount> verify(List<MappedTable> tables) {
        List<TableCount> counts = count(tables);
        if (counts.stream().anyMatch(c -> !c.matches())) {
            throw new VerificationException(counts);
        }
        return counts;
    }

    private static long count(Connection connection, String side, String sql) {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new DbferryException(ErrorCode.LOAD_FAILED,
                    "failed counting rows on the " + side + " (" + sql + "): " + e.getMessage(), e);
        }
    }
}
