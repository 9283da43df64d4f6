/**
 * Writing rows to PostgreSQL with {@code COPY … FROM STDIN}: the text-format encoder
 * ({@link io.dbferry.transfer.write.CopyTextEncoder}) and the streaming writer
 * ({@link io.dbferry.transfer.write.PostgresCopyWriter}) on pgjdbc's {@code CopyManager}.
 */
package io.dbferry.transfer.write;
