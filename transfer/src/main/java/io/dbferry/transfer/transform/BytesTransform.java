package io.dbferry.transfer.transform;

import java.nio.charset.StandardCharsets;

/**
 * Converts a source value to {@code bytea} ({@code byte[]}).
 *
 * <ul>
 *   <li>BLOB: as is (the same array, not a copy).
 *   <li>TEXT: its UTF-8 bytes, as SQLite's {@code CAST(x AS BLOB)} gives them in a UTF-8 database
 *       (https://www.sqlite.org/lang_expr.html#castexpr).
 *   <li>INTEGER and REAL: the UTF-8 bytes of their text form, as {@code CAST(x AS BLOB)} does: decimal digits
 *       for an INTEGER; {@link Double#toString(double)} for a REAL, which matches SQLite's rendering for
 *       most values but not all (SQLite writes {@code 1.0e+20} where Java writes {@code 1.0E20}).
 * </ul>
 *
 * <p>Never rejects a value of a SQLite storage class. Stateless and thread-safe.
 */
public final class BytesTransform implements ValueTransform {

    /** Creates the transform; it has no settings. */
    public BytesTransform() {}

    /**
     * Converts one value.
     *
     * @param value the source value, never null
     * @return a {@code byte[]}; a {@link RejectReason#UNSUPPORTED_STORAGE_CLASS} reject only for a Java type
     *     that is not a SQLite storage class; never null
     */
    @Override
    public TransformResult apply(Object value) {
        return switch (value) {
            case byte[] b -> TransformResult.converted(b);
            case String s -> TransformResult.converted(s.getBytes(StandardCharsets.UTF_8));
            case Long l -> TransformResult.converted(l.toString().getBytes(StandardCharsets.US_ASCII));
            case Double d -> TransformResult.converted(d.toString().getBytes(StandardCharsets.US_ASCII));
            default -> Rejections.unsupported(value, "bytea");
        };
    }
}
