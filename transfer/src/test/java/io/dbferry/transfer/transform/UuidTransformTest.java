package io.dbferry.transfer.transform;

import static io.dbferry.transfer.transform.Outcomes.converted;
import static io.dbferry.transfer.transform.Outcomes.rejectMessage;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** UUID text forms of PostgreSQL docs §8.12 and RFC 9562 16-byte BLOBs. */
class UuidTransformTest {

    private static final UUID EXPECTED = UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");

    private final UuidTransform transform = new UuidTransform();

    @ParameterizedTest
    @ValueSource(strings = {"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11",
        "a0eebc999c0b4ef8bb6d6bb9bd380a11", "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}",
        "{A0eebc999c0b4ef8bb6d6bb9bd380a11}", "  a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11\n"})
    void readsEachTextForm(String text) {
        assertThat(converted(transform.apply(text))).isEqualTo(EXPECTED);
    }

    @Test
    void readsExtremeValues() {
        assertThat(converted(transform.apply("ffffffff-ffff-ffff-ffff-ffffffffffff")))
                .isEqualTo(new UUID(-1L, -1L));
        assertThat(converted(transform.apply("00000000000000000000000000000000"))).isEqualTo(new UUID(0, 0));
    }

    @Test
    void readsSixteenByteBlobMostSignificantByteFirst() {
        byte[] blob = {0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E,
            (byte) 0xFF};
        assertThat(converted(transform.apply(blob))).isEqualTo(UUID.fromString("00010203-0405-0607-0809-0a0b0c0d0eff"));
    }

    @Test
    void rejectsBlobOfOtherLength() {
        assertThat(rejectMessage(transform.apply(new byte[15]), RejectReason.INVALID_UUID))
                .isEqualTo("x'000000000000000000000000000000' (15 bytes) is not a UUID: a UUID BLOB has exactly 16 bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not-a-uuid", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1",
        "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a111", "a0eebc999-c0b-4ef8-bb6d-6bb9bd380a11",
        "-a0eebc9-9c0b-4ef8-bb6d-6bb9bd380a11", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1g",
        "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11",
        "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1\uFF11", "g0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
        "a0eebc99-9c0g-4ef8-bb6d-6bb9bd380a11", "a0eebc99-9c0b-4ef#-bb6d-6bb9bd380a11",
        "a0eebc99-9c0b-4ef8-bb6 -6bb9bd380a11", "a0eebc99-9c0b-4ef8-bb6d-6bb:bd380a11",
        "a0eebc999c0b4ef8xb6d6bb9bd380a11", "a0eebc999c0b4ef8bb6d6bb9bd380a1/"})
    void rejectsOtherText(String text) {
        assertThat(rejectMessage(transform.apply(text), RejectReason.INVALID_UUID))
                .isEqualTo(Rejections.quote(text) + " is not a UUID (accepted: xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx or 32"
                        + " hex digits, optionally in braces, or a 16-byte BLOB)");
    }

    @Test
    void rejectsNumbersAsUnsupportedStorageClass() {
        assertThat(rejectMessage(transform.apply(42L), RejectReason.UNSUPPORTED_STORAGE_CLASS))
                .isEqualTo("INTEGER 42 cannot be converted to uuid");
        rejectMessage(transform.apply(4.2), RejectReason.UNSUPPORTED_STORAGE_CLASS);
    }
}
