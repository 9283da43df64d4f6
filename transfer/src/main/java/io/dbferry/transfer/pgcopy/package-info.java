/**
 * PostgreSQL → PostgreSQL: copies one schema's tables to another database or another schema with identical
 * column types, piping {@code COPY … TO STDOUT} on the source straight into {@code COPY … FROM STDIN} on the
 * target. {@link io.dbferry.transfer.pgcopy.PostgresCopyMigration} is the entry point and
 * {@link io.dbferry.transfer.pgcopy.PostgresCopyVerification} proves the result.
 */
package io.dbferry.transfer.pgcopy;
