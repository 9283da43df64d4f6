package io.dbferry.transfer.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@link ChunkDigest} hashes each row with MurmurHash3 x64-128, seed 0, and adds the hashes: the hash of a known
 * input is the reference implementation's, the sum does not depend on the rows' order, and a row's values are
 * framed so that moving a character from one value to the next changes the hash.
 */
class ChunkDigestTest {

    @Test
    void aRowIsHashedWithMurmurHash3X64Of128Bits() {
        byte[] fox = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII);
        ChunkDigest.Builder builder = new ChunkDigest.Builder();
        builder.add(fox, 0, fox.length);

        // MurmurHash3_x64_128(…, seed 0) = 6c1b07bc7bbc4be3 47939ac4a93c437a as its little-endian bytes
        // (Austin Appleby's MurmurHash3.cpp; commons-codec's MurmurHash3.hash128x64 gives the same h1 and h2)
        assertThat(builder.build()).isEqualTo(new ChunkDigest(1, 0xe34bbc7bbc071b6cL, 0x7a433ca9c49a9347L));
    }

    @Test
    void onlyThePartOfTheArrayGivenIsHashed() {
        byte[] framed = "..The quick brown fox jumps over the lazy dog..".getBytes(StandardCharsets.US_ASCII);
        ChunkDigest.Builder builder = new ChunkDigest.Builder();
        builder.add(framed, 2, framed.length - 4);

        assertThat(builder.build()).isEqualTo(new ChunkDigest(1, 0xe34bbc7bbc071b6cL, 0x7a433ca9c49a9347L));
    }

    @Test
    void theDigestOfRowsDoesNotDependOnTheirOrder() {
        ChunkDigest.Builder forward = new ChunkDigest.Builder();
        forward.add(new String[] {"1", "a"});
        forward.add(new String[] {"2", null});
        ChunkDigest.Builder backward = new ChunkDigest.Builder();
        backward.add(new String[] {"2", null});
        backward.add(new String[] {"1", "a"});

        ChunkDigest digest = forward.build();
        assertThat(digest.rows()).isEqualTo(2);
        assertThat(digest).isEqualTo(backward.build());
        ChunkDigest one = ChunkDigest.hash("1", "a");
        ChunkDigest two = ChunkDigest.hash("2", null);
        assertThat(digest.low()).isEqualTo(one.low() + two.low());
        assertThat(digest.high()).isEqualTo(one.high() + two.high());
    }

    @Test
    void valuesAreFramedSoThatTheirBoundariesCount() {
        assertThat(ChunkDigest.hash("ab", "c")).isNotEqualTo(ChunkDigest.hash("a", "bc"));
        assertThat(ChunkDigest.hash("", null)).isNotEqualTo(ChunkDigest.hash(null, ""));
        assertThat(ChunkDigest.hash("é")).isNotEqualTo(ChunkDigest.hash("e"));
    }
}
