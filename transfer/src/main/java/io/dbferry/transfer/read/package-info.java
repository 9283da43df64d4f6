/**
 * Reading rows from the source: splitting a table into chunks by rowid or primary-key range
 * ({@link io.dbferry.transfer.read.ChunkPlanner}), and forward-only cursors over a chunk with a bounded fetch
 * size, so a table of any size is streamed and never held in memory.
 */
package io.dbferry.transfer.read;
