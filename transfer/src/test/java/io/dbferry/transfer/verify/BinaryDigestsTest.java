package io.dbferry.transfer.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbferry.introspect.mapping.PostgresType;
import io.dbferry.introspect.mapping.TargetType;
import io.dbferry.transfer.write.CopyBinaryEncoder;
import io.dbferry.transfer.write.CopyData;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link BinaryDigests.Tuples} splits a binary COPY stream into its tuples however the stream is cut into
 * pieces: the digest of a stream fed whole, fed byte by byte and cut at every position is the digest of its rows
 * hashed one by one.
 */
class BinaryDigestsTest {

    private static final List<TargetType> TYPES = List.of(TargetType.of(PostgresType.BIGINT),
            TargetType.of(PostgresType.TEXT), TargetType.of(PostgresType.JSONB));
    private static final Object[][] ROWS = {
        {1L, "one", "{\"a\": 1}"}, {2L, null, null}, {3L, "x".repeat(300), "[]"}, {-4L, "", "{}"},
    };

    @Test
    void aStreamCutAnywhereGivesTheDigestOfItsRows() throws SQLException {
        byte[] stream = stream();
        ChunkDigest expected = rowByRow();

        assertThat(feed(stream, stream.length)).isEqualTo(expected);
        assertThat(feed(stream, 1)).isEqualTo(expected);
        for (int cut = 1; cut < stream.length; cut++) {
            BinaryDigests.Tuples tuples = new BinaryDigests.Tuples();
            tuples.accept(Arrays.copyOfRange(stream, 0, cut));
            tuples.accept(Arrays.copyOfRange(stream, cut, stream.length));
            assertThat(tuples.finish()).as("cut at %d", cut).isEqualTo(expected);
        }
    }

    @Test
    void refusesAStreamWithoutItsTrailerOrSignature() throws SQLException {
        byte[] stream = stream();
        BinaryDigests.Tuples cutShort = new BinaryDigests.Tuples();
        cutShort.accept(Arrays.copyOf(stream, stream.length - 2));
        assertThatThrownBy(cutShort::finish).hasMessageContaining("without its trailer");

        byte[] text = "1\tone\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] padded = Arrays.copyOf(text, 32);
        assertThatThrownBy(() -> new BinaryDigests.Tuples().accept(padded)).hasMessageContaining("signature");
    }

    private static ChunkDigest feed(byte[] stream, int pieceBytes) throws SQLException {
        BinaryDigests.Tuples tuples = new BinaryDigests.Tuples();
        for (int at = 0; at < stream.length; at += pieceBytes) {
            tuples.accept(Arrays.copyOfRange(stream, at, Math.min(stream.length, at + pieceBytes)));
        }
        return tuples.finish();
    }

    private static byte[] stream() {
        CopyBinaryEncoder encoder = new CopyBinaryEncoder(TYPES);
        encoder.begin();
        for (Object[] row : ROWS) {
            encoder.appendRow(row);
        }
        encoder.end();
        CopyData data = encoder.take();
        return Arrays.copyOf(data.bytes(), data.length());
    }

    private static ChunkDigest rowByRow() {
        CopyBinaryEncoder encoder = new CopyBinaryEncoder(TYPES);
        ChunkDigest.Builder digest = new ChunkDigest.Builder();
        for (Object[] row : ROWS) {
            CopyData bytes = encoder.encodeRow(row);
            digest.add(bytes.bytes(), 0, bytes.length());
        }
        return digest.build();
    }
}
