package io.dbferry.transfer.pgcopy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.transfer.pipeline.IfExists;
import io.dbferry.transfer.verify.VerifyMode;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresCopyOptionsTest {

    @Test
    void defaultsToPublicIntoTheSameSchemaNameRefusingExistingTables() {
        PostgresCopyOptions options = PostgresCopyOptions.builder().build();

        assertThat(options.sourceSchema()).isEqualTo("public");
        assertThat(options.targetSchema()).isEqualTo("public");
        assertThat(options.ifExists()).isEqualTo(IfExists.FAIL);
        assertThat(options.workers()).isEqualTo(2);
        assertThat(options.verify()).isEqualTo(VerifyMode.COUNTS);
        assertThat(options.tables()).isEmpty();
    }

    @Test
    void targetSchemaFollowsTheSourceSchemaUnlessSet() {
        assertThat(PostgresCopyOptions.builder().sourceSchema("Sales").build().targetSchema()).isEqualTo("Sales");
        assertThat(PostgresCopyOptions.builder().sourceSchema("Sales").targetSchema("copy").build().targetSchema())
                .isEqualTo("copy");
    }

    @Test
    void rejectsInvalidValuesNamingTheOption() {
        assertThatThrownBy(() -> PostgresCopyOptions.builder().workers(0).build())
                .isInstanceOf(DbferryException.class).hasMessage("--workers must be ≥ 1, was 0")
                .extracting(e -> ((DbferryException) e).code()).isEqualTo(ErrorCode.INVALID_OPTION);
        assertThatThrownBy(() -> PostgresCopyOptions.builder().targetSchema(" ").build())
                .hasMessage("--target-schema must not be empty");
        assertThatThrownBy(() -> PostgresCopyOptions.builder().sourceSchema("").build())
                .hasMessage("--source-schema must not be empty");
        assertThatThrownBy(() -> PostgresCopyOptions.builder().tables(List.of("a", "b")).exclude(List.of("b")).build())
                .hasMessage("--tables and --exclude both name [b]");
    }
}
