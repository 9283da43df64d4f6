/**
 * Encoding rows for PostgreSQL's {@code COPY … FROM STDIN}: the text-format encoder
 * ({@link io.dbferry.transfer.write.CopyTextEncoder}), the binary-format encoder
 * ({@link io.dbferry.transfer.write.CopyBinaryEncoder}) and the COPY statement
 * ({@link io.dbferry.transfer.write.CopyStatement}). The pipeline streams the encoded bytes through pgjdbc's
 * {@code CopyManager}.
 */
package io.dbferry.transfer.write;
