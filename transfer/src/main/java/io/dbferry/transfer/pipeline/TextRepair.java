package io.dbferry.transfer.pipeline;

import io.dbferry.transfer.reject.TextPolicy;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Decodes bytes that are not valid UTF-8 as {@link TextPolicy#REPLACE} or {@link TextPolicy#STRIP} says. */
final class TextRepair {

    private TextRepair() {}

    /**
     * Decodes, replacing each malformed sequence with U+FFFD (REPLACE) or dropping it (STRIP).
     *
     * @param bytes never null
     * @param policy REPLACE or STRIP
     * @return never null
     */
    static String decode(byte[] bytes, TextPolicy policy) {
        CodingErrorAction action = policy == TextPolicy.REPLACE ? CodingErrorAction.REPLACE : CodingErrorAction.IGNORE;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(action).onUnmappableCharacter(action)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("REPLACE and IGNORE never report an error", e);
        }
    }
}
