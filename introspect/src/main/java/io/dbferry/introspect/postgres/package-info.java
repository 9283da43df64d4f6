/**
 * Reads a PostgreSQL schema: {@link io.dbferry.introspect.postgres.PostgresSchemaReader} through jOOQ-meta's
 * {@code PostgresDatabase}, completed from the system catalogs where jOOQ-meta is silent, and quick catalog
 * questions ({@link io.dbferry.introspect.postgres.PostgresCatalog}) that need no full schema read.
 */
package io.dbferry.introspect.postgres;
