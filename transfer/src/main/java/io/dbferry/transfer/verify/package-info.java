/**
 * Verification that proves a move (issue 7): row counts per table, and content checksums of every row in its
 * canonical form — the value as the target should hold it after the column's transform — hashed per
 * primary-key chunk on both sides in parallel, with differing chunks searched down to the rows
 * ({@link io.dbferry.transfer.verify.Verifier}); and the exception raised when source and target differ.
 */
package io.dbferry.transfer.verify;
