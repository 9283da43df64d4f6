/**
 * Reads source and target schemas into one dialect-neutral model, maps column types from one dialect to
 * another and renders target DDL. Nothing here knows about transferring rows or the command line.
 *
 * <p>{@link io.dbferry.introspect.DbferryException} is the root of every error the project reports.
 */
package io.dbferry.introspect;
