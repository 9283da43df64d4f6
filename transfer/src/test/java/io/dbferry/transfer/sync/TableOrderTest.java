package io.dbferry.transfer.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.introspect.model.Column;
import io.dbferry.introspect.model.ColumnType;
import io.dbferry.introspect.model.ForeignKey;
import io.dbferry.introspect.model.ReferentialAction;
import io.dbferry.introspect.model.Table;
import io.dbferry.introspect.model.TableId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link TableOrder}: parents before children, the given order kept where foreign keys do not decide. */
class TableOrderTest {

    @Test
    void putsEachTableAfterTheTablesItReferencesAndKeepsTheGivenOrderOtherwise() {
        List<MappedTable> tables = List.of(table("album", "artist"), table("artist"), table("genre"),
                table("track", "album", "genre", "track"), table("invoice_line", "track"));

        assertThat(TableOrder.parentsFirst(tables)).extracting(t -> t.target().name())
                .containsExactly("artist", "album", "genre", "track", "invoice_line");
    }

    @Test
    void ignoresTablesOutsideTheListAndBreaksACycleInTheGivenOrder() {
        // c references no table of the list, so it is free first; a and b reference each other.
        List<MappedTable> tables = List.of(table("a", "b"), table("b", "a"), table("c", "elsewhere"));

        assertThat(TableOrder.parentsFirst(tables)).extracting(t -> t.target().name())
                .containsExactly("c", "a", "b");
    }

    @Test
    void breaksACycleAtOneOfItsTablesNotAtATableThatDependsOnIt() {
        // album depends on the cycle artist ↔ label; before, the first waiting table (album) went first.
        List<MappedTable> tables = List.of(table("album", "artist"), table("artist", "label"), table("label", "artist"));

        assertThat(TableOrder.parentsFirst(tables)).extracting(t -> t.target().name())
                .containsExactly("artist", "album", "label");
    }

    /** A table whose foreign keys reference the given tables. */
    private static MappedTable table(String name, String... parents) {
        List<ForeignKey> keys = Arrays.stream(parents).map(p -> new ForeignKey(null, List.of("parent_id"),
                new TableId("public", p), List.of("id"), ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION))
                .toList();
        Column id = new Column("id", 1, ColumnType.of("INTEGER"), false, null, false, false);
        Table source = new Table(new TableId("main", name), List.of(id), null, List.of(), List.of(), List.of(),
                List.of(), false);
        return new MappedTable(source, new TableId("public", name), List.of(), null, List.of(), keys, List.of(), List.of());
    }
}
