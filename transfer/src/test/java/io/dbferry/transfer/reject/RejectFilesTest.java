package io.dbferry.transfer.reject;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.dbferry.transfer.transform.RejectReason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesOneJsonObjectALineWithBytesThatAreNotUtf8AsBase64() throws Exception {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("a", 1L);
        key.put("b", "x\"y");
        Reject reject = new Reject("t", key, "c", new byte[] {0x66, (byte) 0xff}, RejectReason.INVALID_UTF8, "bad");

        assertThat(RejectFiles.line(reject)).isEqualTo("{\"table\":\"t\",\"primaryKey\":{\"a\":1,\"b\":\"x\\\"y\"},"
                + "\"column\":\"c\",\"value\":{\"base64\":\"Zv8=\"},\"reason\":\"INVALID_UTF8\",\"message\":\"bad\"}\n");
    }

    @Test
    void writesValidUtf8BytesAsTextAndInfinityAsAString() throws Exception {
        assertThat(RejectFiles.line(new Reject("t", Map.of(), null, "é".getBytes(), RejectReason.NOT_A_NUMBER, "m")))
                .contains("\"column\":null,\"value\":\"é\"");
        assertThat(RejectFiles.line(new Reject("t", Map.of(), "c", Double.POSITIVE_INFINITY, RejectReason.OUT_OF_RANGE,
                "m"))).contains("\"value\":\"Infinity\"");
    }

    @Test
    void createsTheDirectoryOnlyWithTheFirstRejectAndKeepsLinesWholeAcrossThreads() throws Exception {
        Path directory = dir.resolve("rejects");
        try (RejectFiles files = new RejectFiles(directory)) {
            assertThat(directory).doesNotExist();
            IntStream.range(0, 200).parallel().forEach(i -> files.write(List.of(new Reject("t/1",
                    Map.of("id", (long) i), "c", "v".repeat(1000), RejectReason.NOT_AN_INTEGER, "m"))));
        }

        List<String> lines = Files.readAllLines(directory.resolve("t_1.jsonl"));
        assertThat(lines).hasSize(200);
        List<Long> ids = new ArrayList<>();
        for (String line : lines) {
            try (JsonParser parser = new JsonFactory().createParser(line)) {
                while (parser.nextToken() != null) {
                    if ("id".equals(parser.currentName()) && parser.currentToken().isNumeric()) {
                        ids.add(parser.getLongValue());
                    }
                }
            }
        }
        assertThat(ids).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 200).mapToObj(i -> (long) i).toList());
    }
}
