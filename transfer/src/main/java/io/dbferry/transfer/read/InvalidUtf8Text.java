package io.dbferry.transfer.read;

/**
 * A SQLite TEXT value whose bytes are not valid UTF-8, kept as its raw bytes instead of the U+FFFD the
 * driver would put in their place; what becomes of it is the migration's {@code --text-policy}.
 *
 * @param bytes the raw bytes, never null; not copied (a fresh array from the driver)
 */
public record InvalidUtf8Text(byte[] bytes) {}
