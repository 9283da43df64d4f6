/**
 * Reading rows from the source: forward-only cursors with a bounded fetch size, so a table of any size is
 * streamed and never held in memory.
 */
package io.dbferry.transfer.read;
