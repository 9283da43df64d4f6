/**
 * Reading the rows of a SQLite table straight from the database file's pages, without the SQLite library: the
 * file header, table b-trees walked in rowid order and records decoded as https://www.sqlite.org/fileformat2.html
 * describes them. Only what a reader of rowid tables needs; a caller holds a read lock through SQLite while it
 * reads, and falls back to SQL for anything this package does not take ({@link PageFormatException}).
 */
package io.dbferry.transfer.read.sqlitefile;
