/**
 * The compatibility report: what {@code dbferry compare} finds between a source, its mapping and a target.
 * {@link io.dbferry.introspect.compare.CompatibilityIssue} is one finding with a stable
 * {@link io.dbferry.introspect.compare.IssueCode}; the schema and identifier checks live here, the data
 * profile (which reads rows) lives in the transfer module.
 */
package io.dbferry.introspect.compare;
