package io.dbferry.transfer.verify;

/**
 * Canonical values as a report shows them: at most {@value #MAX_CODE_POINTS} characters, longer ones cut with
 * {@code …}, and a rejected source value as why it cannot be in the target.
 */
final class ValueDisplay {

    /** The most characters (code points) of a value a report shows. */
    static final int MAX_CODE_POINTS = 60;

    private ValueDisplay() {}

    /**
     * A canonical value for a report.
     *
     * @param canonical the canonical text, null for NULL
     * @return null for NULL, otherwise never null
     */
    static String of(String canonical) {
        if (canonical == null) {
            return null;
        }
        if (CanonicalValue.isRejected(canonical)) {
            return "(cannot be stored in the target: "
                    + truncate(canonical.substring(CanonicalValue.REJECTED_PREFIX.length())) + ")";
        }
        return truncate(canonical);
    }

    /**
     * Cuts a text to {@value #MAX_CODE_POINTS} code points, never inside a surrogate pair.
     *
     * @param text never null
     * @return never null
     */
    static String truncate(String text) {
        if (text.codePointCount(0, text.length()) <= MAX_CODE_POINTS) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_CODE_POINTS)) + "…";
    }
}
