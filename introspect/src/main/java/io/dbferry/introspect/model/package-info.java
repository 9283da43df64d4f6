/**
 * The immutable, dialect-neutral schema model: a {@link io.dbferry.introspect.model.SchemaSnapshot} of
 * {@link io.dbferry.introspect.model.Table}s with their columns, keys, CHECK constraints and indexes, and
 * {@link io.dbferry.introspect.model.View}s, as declared in the
 * database they were read from (types are kept verbatim; mapping them is {@code mapping}'s job).
 */
package io.dbferry.introspect.model;
