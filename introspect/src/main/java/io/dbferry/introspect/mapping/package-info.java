/**
 * Type mapping from source column types to target column types, kept as data (a list of
 * {@link io.dbferry.introspect.mapping.TypeRule}s), the user's overrides of it
 * ({@link io.dbferry.introspect.mapping.CastRules}), and the mapping of a whole source schema onto target
 * names under an {@link io.dbferry.introspect.mapping.IdentifierPolicy}.
 */
package io.dbferry.introspect.mapping;
