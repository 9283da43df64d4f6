package io.dbferry.transfer.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link KeyPlan#merged}: adjacent chunks merged by keeping every n-th boundary. */
class KeyPlanTest {

    private static final KeyPlan PLAN = new KeyPlan(List.of(List.of(10L), List.of(20L), List.of(30L), List.of(40L),
            List.of(50L)), null);

    @Test
    void keepsEveryNthBoundary() {
        assertThat(PLAN.merged(2).boundaries()).containsExactly(List.of(20L), List.of(40L));
        assertThat(PLAN.merged(3).boundaries()).containsExactly(List.of(30L));
        assertThat(PLAN.merged(6).chunks()).containsExactly(KeyRange.ALL);
        assertThat(PLAN.merged(1)).isSameAs(PLAN);
    }
}
