package io.dbferry.transfer.transform;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes BLOBs as UTF-8, refusing malformed input instead of replacing it with U+FFFD: overlong forms,
 * encoded surrogates and code points above U+10FFFF are rejected, as PostgreSQL's UTF-8 verification
 * rejects them (PostgreSQL docs, "Character Set Support"). Stateless: a decoder per call, since
 * decoders are not thread-safe. Public for the data profile ({@code io.dbferry.transfer.profile}), which
 * reads SQLite TEXT as raw bytes so that invalid UTF-8 is reported instead of replaced by the driver.
 */
public final class StrictUtf8 {

    private StrictUtf8() {}

    /**
     * Decodes a BLOB, or the raw bytes of a TEXT value.
     *
     * @param bytes the bytes to decode, never null
     * @return the text as {@link TransformResult.Converted} ({@link String}), or a
     *     {@link RejectReason#INVALID_UTF8} reject naming the offset of the first bad byte; never null
     */
    public static TransformResult decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // UTF-8 never decodes to more UTF-16 chars than it has bytes, so the output cannot overflow.
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            return TransformResult.rejected(RejectReason.INVALID_UTF8, Rejections.quote(bytes)
                    + " is not valid UTF-8: malformed sequence at byte offset " + in.position());
        }
        return TransformResult.converted(out.flip().toString());
    }
}
