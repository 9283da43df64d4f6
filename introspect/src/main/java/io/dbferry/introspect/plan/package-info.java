/**
 * Target DDL: the statements that create a mapped schema in PostgreSQL, built with jOOQ's DDL DSL and
 * rendered in the POSTGRES dialect, so every identifier is quoted by jOOQ and nothing is pasted into SQL.
 */
package io.dbferry.introspect.plan;
