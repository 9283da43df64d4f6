/**
 * The PostgreSQL → SQLite direction: reads one schema of a PostgreSQL source in a single read-only transaction,
 * converts each value as {@link io.dbferry.introspect.mapping.SqliteType} says, and writes a SQLite file with
 * prepared INSERTs in large transactions. Separate from the SQLite → PostgreSQL {@code pipeline}, whose reading,
 * chunking and COPY writing are specific to that direction; it shares the options, results, rejects and progress
 * events. {@link io.dbferry.transfer.tosqlite.PostgresDataProfiler} runs the same reading and conversion without
 * writing, for {@code compare}.
 */
package io.dbferry.transfer.tosqlite;
