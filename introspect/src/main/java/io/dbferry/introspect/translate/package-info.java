/**
 * Translates SQLite expressions — column defaults, CHECK constraints, index keys and predicates, view queries — to
 * PostgreSQL: parsed by jOOQ's SQL parser in the SQLITE dialect, rendered by jOOQ in the POSTGRES dialect, with
 * explicit rules for the SQLite idioms jOOQ does not know (see
 * {@link io.dbferry.introspect.translate.SqliteToPostgresTranslator}). A result is a
 * {@link io.dbferry.introspect.translate.Translation}: translated PostgreSQL, or the original SQL with the reason
 * it cannot be translated — never silently dropped.
 */
package io.dbferry.introspect.translate;
