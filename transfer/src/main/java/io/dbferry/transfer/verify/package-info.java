/**
 * Verification that a move lost nothing: per-table row counts of source and target
 * ({@link io.dbferry.transfer.verify.RowCountVerifier}), and the exception raised when they differ.
 */
package io.dbferry.transfer.verify;
