package io.dbferry.transfer.transform;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Validates a source value as {@code jsonb} text ({@link String}, the original text unchanged).
 *
 * <ul>
 *   <li>TEXT: exactly one JSON value (RFC 8259) as PostgreSQL's {@code jsonb} input accepts it (PostgreSQL
 *       docs §8.14 "JSON Types"): strict JSON — no comments, single quotes, {@code NaN}/{@code Infinity},
 *       leading zeros, trailing commas or content after the value — with surrounding JSON whitespace
 *       allowed. The escape {@code \u0000} and unpaired surrogates are rejected: "The jsonb type also
 *       rejects \u0000 (because that cannot be represented in PostgreSQL's text type), and it insists that
 *       any use of Unicode surrogate pairs [...] be correct" (§8.14, on Unicode escapes).
 *   <li>INTEGER: its decimal digits; REAL: {@link Double#toString(double)}, the shortest decimal that reads
 *       back as the same double (e.g. {@code 1.98}, {@code 1.0E20}); NaN and the infinities, which JSON has
 *       no numbers for, are {@link RejectReason#INVALID_JSON}.
 *   <li>BLOB: validated as TEXT when it is valid UTF-8, otherwise {@link RejectReason#INVALID_JSON}. (The
 *       reader has already turned SQLite 3.45+ binary JSONB BLOBs into text with SQLite's {@code json()}.)
 * </ul>
 *
 * <p>Numbers are held to numeric's limits — 131072 digits before the decimal point, 16383 after — since
 * jsonb stores them as numeric (§8.14, table "JSON Primitive Types and Corresponding PostgreSQL Types"),
 * and PostgreSQL fails with "value overflows numeric format" beyond them.
 *
 * <p>Jackson's streaming parser checks the syntax without building a tree; its size limits (string, name,
 * number length, nesting depth) are lifted, leaving PostgreSQL's own limits to PostgreSQL. Stateless and
 * thread-safe: the {@link JsonFactory} is immutable once built.
 */
public final class JsonTransform implements ValueTransform {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNameLength(Integer.MAX_VALUE)
                    .maxNumberLength(Integer.MAX_VALUE)
                    .maxNestingDepth(Integer.MAX_VALUE)
                    .maxDocumentLength(-1)
                    .maxTokenCount(-1)
                    .build())
            // Our messages quote the value themselves, truncated.
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
    /**
     * The Jackson factory every JSON reader of dbferry uses: size limits lifted, so PostgreSQL's own limits
     * decide, and no source text in error locations.
     *
     * @return an immutable, thread-safe factory; never null
     */
    public static JsonFactory parserFactory() {
        return FACTORY;
    }

    /** A number without exponent this long or shorter is within numeric's limits (16383 fraction digits). */
    private static final int MAX_PLAIN_NUMBER_LENGTH = 16_383;
    /** The longest part of a Jackson message kept in a reject message, in characters. */
    private static final int MAX_PARSER_MESSAGE = 160;

    /** Creates the transform; it has no settings. */
    public JsonTransform() {}

    /**
     * Converts one value.
     *
     * @param value the source value, never null
     * @return the JSON text as a {@link String}, or a reject as described on the class; never null
     */
    @Override
    public TransformResult apply(Object value) {
        return switch (value) {
            case String s -> validate(s);
            case Long l -> TransformResult.converted(l.toString());
            case Double d when Double.isNaN(d) || Double.isInfinite(d) -> invalid(value, "JSON has no " + d);
            case Double d -> TransformResult.converted(d.toString());
            case byte[] b -> switch (StrictUtf8.decode(b)) {
                case TransformResult.Converted c -> validate((String) c.value());
                case TransformResult.Rejected r -> TransformResult.rejected(RejectReason.INVALID_JSON, r.message());
            };
            default -> Rejections.unsupported(value, "jsonb");
        };
    }

    private static TransformResult validate(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return invalid(text, "it contains no JSON value");
            }
            String problem = rootValueProblem(parser, token);
            if (problem == null && parser.nextToken() != null) {
                problem = "content follows the JSON value at " + position(parser.currentTokenLocation());
            }
            return problem == null ? TransformResult.converted(text) : invalid(text, problem);
        } catch (JsonProcessingException e) {
            return invalid(text, parserProblem(e));
        } catch (IOException e) {
            // A String source cannot fail to read; kept for the checked signature of createParser().
            return invalid(text, String.valueOf(e.getMessage()));
        }
    }

    /** Walks the root value to its end; returns what jsonb cannot hold in it, or null. */
    private static String rootValueProblem(JsonParser parser, JsonToken first) throws IOException {
        int depth = 0;
        JsonToken token = first;
        do {
            switch (token) {
                case START_OBJECT, START_ARRAY -> depth++;
                case END_OBJECT, END_ARRAY -> depth--;
                case FIELD_NAME, VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                    String problem = token.isNumeric() ? numberProblem(parser) : stringProblem(parser);
                    if (problem != null) {
                        return problem;
                    }
                }
                default -> { }
            }
        } while (depth > 0 && (token = parser.nextToken()) != null);
        return null;
    }

    /** Checks a decoded string or name for U+0000 and unpaired surrogates, without copying it. */
    private static String stringProblem(JsonParser parser) throws IOException {
        char[] chars = parser.getTextCharacters();
        int end = parser.getTextOffset() + parser.getTextLength();
        for (int i = parser.getTextOffset(); i < end; i++) {
            char c = chars[i];
            if (c == 0) {
                return "\\u0000 at " + position(parser.currentTokenLocation())
                        + " cannot be stored in jsonb, whose strings are PostgreSQL text";
            }
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 == end || !Character.isLowSurrogate(chars[i + 1])) {
                    return String.format("the unpaired surrogate \\u%04x at %s cannot be stored in jsonb",
                            (int) c, position(parser.currentTokenLocation()));
                }
                i++;
            }
        }
        return null;
    }

    /**
     * Checks a number against numeric's limits, since jsonb stores numbers as numeric.
     * Only a long number or one with an exponent can exceed them, so short plain numbers are not parsed.
     */
    private static String numberProblem(JsonParser parser) throws IOException {
        char[] chars = parser.getTextCharacters();
        int end = parser.getTextOffset() + parser.getTextLength();
        boolean exponent = false;
        for (int i = parser.getTextOffset(); i < end && !exponent; i++) {
            exponent = chars[i] == 'e' || chars[i] == 'E';
        }
        if (!exponent && parser.getTextLength() <= MAX_PLAIN_NUMBER_LENGTH || withinNumericLimits(parser.getText())) {
            return null;
        }
        return "the number at " + position(parser.currentTokenLocation()) + " exceeds numeric's limits of 131072"
                + " digits before and 16383 after the decimal point, which jsonb numbers share";
    }

    private static boolean withinNumericLimits(String number) {
        try {
            return !NumericTransform.exceedsNumericLimits(new BigDecimal(number));
        } catch (NumberFormatException e) {
            // Reached only for an exponent beyond ±2147483647, far beyond numeric's limits.
            return false;
        }
    }

    private static String parserProblem(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        if (message.length() > MAX_PARSER_MESSAGE) {
            message = message.substring(0, MAX_PARSER_MESSAGE) + "…";
        }
        return e.getLocation() == null ? message : message + " at " + position(e.getLocation());
    }

    private static String position(JsonLocation location) {
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static TransformResult invalid(Object value, String problem) {
        return TransformResult.rejected(RejectReason.INVALID_JSON,
                Rejections.quote(value) + " is not valid JSON for jsonb: " + problem);
    }
}
