package io.dbferry.transfer.profile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import io.dbferry.introspect.mapping.PostgresType;
import io.dbferry.introspect.mapping.TargetType;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;

/**
 * Converted values as PostgreSQL compares them in a unique key, so that {@code equals} on them tells whether
 * two rows collide. Stateless and thread-safe.
 */
final class KeyValues {

    private static final JsonFactory JSON = new JsonFactory();

    private KeyValues() {}

    /**
     * The value as its target type compares it.
     *
     * <ul>
     *   <li>{@code double precision}: -0.0 is 0.0 (IEEE 754 equality; NaN equals NaN in PostgreSQL, as in
     *       {@link Double#equals}).
     *   <li>{@code numeric}: by value, 1.0 equals 1.00; with a declared scale, rounded half away from zero as
     *       PostgreSQL rounds on input (PostgreSQL docs §8.1.2).
     *   <li>{@code char(n)}: trailing spaces are insignificant (PostgreSQL docs §8.3); {@code varchar(n)}: cut
     *       to n characters, as PostgreSQL cuts excess spaces (the transform rejects any other excess).
     *   <li>{@code jsonb}: without insignificant whitespace. PostgreSQL also ignores key order and duplicate
     *       keys (§8.14.4), which this does not: such collisions go unreported.
     *   <li>{@code bytea}: by content.
     * </ul>
     *
     * @param target the column's target type, never null
     * @param converted a value the column's transform produced, never null
     * @return a value with content-based {@code equals}, never null
     */
    static Object normalise(TargetType target, Object converted) {
        return switch (converted) {
            case Double d -> d == 0.0 ? 0.0 : d;
            case BigDecimal b -> (target.precision() > 0 ? b.setScale(target.scale(), RoundingMode.HALF_UP) : b)
                    .stripTrailingZeros();
            case byte[] b -> ByteBuffer.wrap(b);
            case String s -> text(target, s);
            default -> converted;
        };
    }

    /**
     * The normalised value in the form SQLite compares with a column of the same family: {@code byte[]} for
     * a {@link ByteBuffer}, else the value itself.
     *
     * @param normalised a result of {@link #normalise}, never null
     * @return never null
     */
    static Object bindValue(Object normalised) {
        return normalised instanceof ByteBuffer b ? b.array() : normalised;
    }

    private static String text(TargetType target, String s) {
        if (target.type() == PostgresType.CHAR) {
            return s.stripTrailing();
        }
        if (target.type() == PostgresType.VARCHAR && target.length() > 0
                && s.codePointCount(0, s.length()) > target.length()) {
            return s.substring(0, s.offsetByCodePoints(0, target.length()));
        }
        return target.type() == PostgresType.JSONB ? compactJson(s) : s;
    }

    private static String compactJson(String json) {
        StringWriter out = new StringWriter(json.length());
        try (JsonParser parser = JSON.createParser(json); JsonGenerator generator = JSON.createGenerator(out)) {
            parser.nextToken();
            generator.copyCurrentStructure(parser);
            generator.flush();
            return out.toString();
        } catch (IOException e) {
            // The JSON transform accepted the text; only this factory's default size limits (e.g. nesting
            // depth 1000) can refuse it. Such a document is compared as written.
            return json;
        }
    }
}
