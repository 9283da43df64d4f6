package io.dbferry.transfer.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.dbferry.transfer.pipeline.MigrationOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link VerifyProgress} from a real verification against PostgreSQL: one call per chunk once both sides have
 * hashed it, never two at once, counting up to every chunk and every source row; nothing in counts mode.
 */
class VerifierProgressIT {

    /** One call: the table's source name, chunks done, chunks in all, source rows done. */
    private record Call(String table, int digested, int chunks, long sourceRows) {}

    @TempDir
    Path dir;
    private VerifyTestDatabases databases;
    private final MigrationOptions options = MigrationOptions.builder().build();

    @BeforeEach
    void setUp() throws Exception {
        databases = new VerifyTestDatabases(dir.resolve("progress.db"));
        databases.source("CREATE TABLE big (id INTEGER PRIMARY KEY, label TEXT)",
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000) "
                        + "INSERT INTO big SELECT i * 3, 'row ' || i FROM n",
                "CREATE TABLE small (id INTEGER PRIMARY KEY, label TEXT)", "INSERT INTO small VALUES (1, 'one')");
        databases.migrate(options);
    }

    @AfterEach
    void tearDown() {
        databases.close();
    }

    @Test
    void countsEveryChunkOnceBothSidesHaveHashedIt() throws Exception {
        List<Call> calls = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger inside = new AtomicInteger();
        List<Integer> overlapping = Collections.synchronizedList(new ArrayList<>());
        VerifyProgress progress = (table, digested, chunks, sourceRows) -> {
            overlapping.add(inside.incrementAndGet());
            calls.add(new Call(table.source().id().name(), digested, chunks, sourceRows));
            LockSupport.parkNanos(2_000_000); // long enough for another chunk to finish meanwhile
            inside.decrementAndGet();
        };

        VerificationReport report = databases.verify(new VerifyOptions(VerifyMode.CHECKSUM, 20, 1_000, 64, 3),
                options, progress);

        assertThat(report.matches()).isTrue();
        List<Call> big = calls.stream().filter(c -> c.table().equals("big")).toList();
        assertThat(big).extracting(Call::digested).containsExactlyElementsOf(IntStream.rangeClosed(1, 10).boxed()
                .toList());
        assertThat(big).extracting(Call::chunks).containsOnly(10);
        assertThat(big).extracting(Call::sourceRows).isSorted().last().isEqualTo(10_000L);
        assertThat(calls.stream().filter(c -> c.table().equals("small"))).extracting(Call::digested, Call::chunks)
                .containsExactly(tuple(1, 1));
        assertThat(overlapping).containsOnly(1);
    }

    @Test
    void tellsNothingInCountsMode() throws Exception {
        List<Call> calls = Collections.synchronizedList(new ArrayList<>());

        VerificationReport report = databases.verify(VerifyOptions.of(VerifyMode.COUNTS, 20), options,
                (table, digested, chunks, sourceRows) -> calls.add(new Call("", digested, chunks, sourceRows)));

        assertThat(report.matches()).isTrue();
        assertThat(calls).isEmpty();
    }
}
