package io.dbferry.introspect.translate;

/**
 * Thrown by a translation rule that meets something it cannot translate; caught inside this package and turned into
 * an {@link Untranslatable}, never seen by callers.
 */
final class NotTranslatable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the signal.
     *
     * @param reason why, naming the construct; one sentence without a final period
     */
    NotTranslatable(String reason) {
        super(reason, null, false, false);
    }
}
