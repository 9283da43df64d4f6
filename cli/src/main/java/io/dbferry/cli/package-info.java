/**
 * The {@code dbferry} command line (picocli): one class per command. Commands parse options, open the
 * source and target, call the transfer and introspect modules and print; no SQL lives here.
 */
package io.dbferry.cli;
