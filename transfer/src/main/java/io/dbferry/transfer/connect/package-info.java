/**
 * Connecting to both sides: parsing the URLs users type ({@link io.dbferry.transfer.connect.DatabaseUrl}),
 * opening the SQLite source read-only, pooling connections to the PostgreSQL target and starting an embedded
 * PostgreSQL server.
 *
 * <p>Passwords never leave this package in printable form: every {@code toString()}, {@code redacted()} form
 * and exception message leaves them out.
 */
package io.dbferry.transfer.connect;
