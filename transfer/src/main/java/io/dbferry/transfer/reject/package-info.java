/**
 * Rejects: rows that could not be written, with their reason. {@link io.dbferry.transfer.reject.RejectFiles}
 * writes them as JSON lines, one file per table; {@link io.dbferry.transfer.reject.OnError} and
 * {@link io.dbferry.transfer.reject.TextPolicy} say what a migration does with a bad value.
 */
package io.dbferry.transfer.reject;
