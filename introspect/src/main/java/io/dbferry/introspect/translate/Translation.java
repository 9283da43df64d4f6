package io.dbferry.introspect.translate;

/**
 * The outcome of translating one SQLite expression or statement to PostgreSQL: {@link Translated} or
 * {@link Untranslatable}.
 */
public sealed interface Translation permits Translated, Untranslatable {
}
