package io.dbferry.introspect.compare;

import static io.dbferry.introspect.TestTables.map;
import static io.dbferry.introspect.TestTables.source;
import static io.dbferry.introspect.TestTables.target;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbferry.introspect.TestTables;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.introspect.model.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keys and indexes of one mapped table against an existing target table, matched by columns, not names. */
class ConstraintComparatorTest {

    private static final Table PARENT = source("parent").column("id", "INTEGER").column("code", "TEXT")
            .primaryKey("id").build();

    /** Source table t(id, a, b, parent_id) with only the keys the caller adds. */
    private static TestTables.Builder sourceT() {
        return source("t").column("id", "INTEGER").column("a", "TEXT").column("b", "TEXT")
                .column("parent_id", "INTEGER");
    }

    /** Target table t(id, a, b, parent_id) with only the keys the caller adds. */
    private static TestTables.Builder targetT() {
        return target("t").column("id", "bigint").column("a", "text").column("b", "text")
                .column("parent_id", "bigint");
    }

    private static List<CompatibilityIssue> compare(TestTables.Builder source, TestTables.Builder target) {
        MappedTable mapped = map(PARENT, source.build()).tables().get(1);
        return new ConstraintComparator(mapped, target.build()).compare();
    }

    private static List<IssueCode> codes(TestTables.Builder source, TestTables.Builder target) {
        return compare(source, target).stream().map(CompatibilityIssue::code).toList();
    }

    @Test
    void findsNothingWhenKeysAndIndexesMatch() {
        TestTables.Builder source = sourceT().primaryKey("id").unique("uq_a", "a").index("ix_b", "b")
                .foreignKey("parent_id", "parent", "id");
        TestTables.Builder target = targetT().primaryKey("id").unique("t_a_key", "a").index("t_b_idx", "b")
                .foreignKey("parent_id", "parent", "id");

        assertThat(compare(source, target)).isEmpty();
    }

    @Test
    void reportsAPrimaryKeyMissingInTheTarget() {
        assertThat(compare(sourceT().primaryKey("id"), targetT())).singleElement().satisfies(i -> {
            assertThat(i.code()).isEqualTo(IssueCode.PRIMARY_KEY_DIFFERS);
            assertThat(i.table()).isEqualTo("t");
            assertThat(i.message()).contains("absent in the target", "[id] in the source");
        });
    }

    @Test
    void reportsAPrimaryKeyOnOtherColumns() {
        assertThat(compare(sourceT().primaryKey("id"), targetT().primaryKey("a"))).singleElement()
                .satisfies(i -> assertThat(i.message()).contains("[a] in the target", "[id] in the source"));
    }

    @Test
    void reportsAPrimaryKeyOnlyTheTargetHas() {
        assertThat(codes(sourceT(), targetT().primaryKey("id"))).containsExactly(IssueCode.PRIMARY_KEY_DIFFERS);
    }

    @Test
    void reportsAUniqueKeyMissingInTheTarget() {
        assertThat(compare(sourceT().unique(null, "a", "b"), targetT())).singleElement().satisfies(i -> {
            assertThat(i.code()).isEqualTo(IssueCode.UNIQUE_KEY_MISSING_IN_TARGET);
            assertThat(i.message()).contains("[a, b]");
        });
    }

    @Test
    void reportsAUniqueIndexMissingInTheTargetAsAMissingUniqueKeyOnly() {
        assertThat(codes(sourceT().uniqueIndex("ux_a", "a"), targetT()))
                .containsExactly(IssueCode.UNIQUE_KEY_MISSING_IN_TARGET);
    }

    @Test
    void reportsAUniqueKeyOnlyTheTargetEnforces() {
        assertThat(compare(sourceT(), targetT().unique("t_a_key", "a"))).singleElement().satisfies(i -> {
            assertThat(i.code()).isEqualTo(IssueCode.UNIQUE_KEY_NOT_IN_SOURCE);
            assertThat(i.message()).contains("[a]", "duplicates");
        });
        assertThat(codes(sourceT(), targetT().uniqueIndex("t_a_idx", "a")))
                .containsExactly(IssueCode.UNIQUE_KEY_NOT_IN_SOURCE);
    }

    @Test
    void takesAUniqueIndexAndAUniqueConstraintOnTheSameColumnsAsTheSameKey() {
        assertThat(compare(sourceT().uniqueIndex("ux_a", "a"), targetT().unique("t_a_key", "a"))).isEmpty();
        assertThat(compare(sourceT().unique(null, "a"), targetT().uniqueIndex("t_a_idx", "a"))).isEmpty();
    }

    @Test
    void doesNotTakeATargetUniqueKeyOnTheSourcePrimaryKeyForANewRule() {
        assertThat(compare(sourceT().primaryKey("id"), targetT().primaryKey("id").unique("t_id_key", "id")))
                .isEmpty();
    }

    @Test
    void takesAUniqueKeyWithItsColumnsInAnotherOrderAsTheSameKey() {
        assertThat(compare(sourceT().unique(null, "a", "b"), targetT().unique("t_b_a_key", "b", "a"))).isEmpty();
    }

    @Test
    void takesASourceUniqueKeyOnTheTargetPrimaryKeyAsEnforced() {
        assertThat(codes(sourceT().unique(null, "id"), targetT().primaryKey("id")))
                .containsExactly(IssueCode.PRIMARY_KEY_DIFFERS);
    }

    @Test
    void reportsAUniqueKeyOnOtherColumnsBothWays() {
        assertThat(codes(sourceT().unique(null, "a"), targetT().unique(null, "b"))).containsExactly(
                IssueCode.UNIQUE_KEY_MISSING_IN_TARGET, IssueCode.UNIQUE_KEY_NOT_IN_SOURCE);
    }

    @Test
    void reportsAForeignKeyMissingInTheTarget() {
        assertThat(compare(sourceT().foreignKey("parent_id", "parent", "id"), targetT())).singleElement()
                .satisfies(i -> {
                    assertThat(i.code()).isEqualTo(IssueCode.FOREIGN_KEY_MISSING_IN_TARGET);
                    assertThat(i.table()).isEqualTo("t");
                    assertThat(i.message()).contains("[parent_id]", "\"parent\"[id]");
                });
    }

    @Test
    void reportsAForeignKeyOnlyTheTargetHas() {
        assertThat(compare(sourceT(), targetT().foreignKey("parent_id", "parent", "id"))).singleElement()
                .satisfies(i -> {
                    assertThat(i.code()).isEqualTo(IssueCode.FOREIGN_KEY_NOT_IN_SOURCE);
                    assertThat(i.message()).contains("[parent_id]", "\"parent\"[id]");
                });
    }

    @Test
    void reportsAForeignKeyToOtherParentColumnsBothWays() {
        assertThat(codes(sourceT().foreignKey("parent_id", "parent", "id"),
                targetT().foreignKey("parent_id", "parent", "code"))).containsExactly(
                        IssueCode.FOREIGN_KEY_MISSING_IN_TARGET, IssueCode.FOREIGN_KEY_NOT_IN_SOURCE);
    }

    @Test
    void reportsAnIndexMissingInTheTarget() {
        assertThat(compare(sourceT().index("ix_a_b", "a", "b"), targetT())).singleElement().satisfies(i -> {
            assertThat(i.code()).isEqualTo(IssueCode.INDEX_MISSING_IN_TARGET);
            assertThat(i.message()).contains("\"ix_a_b\"", "[a, b]");
        });
    }

    @Test
    void reportsAnIndexWhoseTargetCounterpartHasItsColumnsInAnotherOrder() {
        assertThat(codes(sourceT().index("ix_a_b", "a", "b"), targetT().index("ix_b_a", "b", "a")))
                .containsExactly(IssueCode.INDEX_MISSING_IN_TARGET);
    }

    @Test
    void takesAnyTargetIndexOrKeyOnTheSameColumnsAsTheIndex() {
        assertThat(compare(sourceT().index("ix_a", "a"), targetT().index("other_name", "a"))).isEmpty();
        assertThat(codes(sourceT().index("ix_a", "a"), targetT().unique("t_a_key", "a")))
                .containsExactly(IssueCode.UNIQUE_KEY_NOT_IN_SOURCE);
        assertThat(compare(sourceT().primaryKey("id").index("ix_id", "id"), targetT().primaryKey("id"))).isEmpty();
    }
}
