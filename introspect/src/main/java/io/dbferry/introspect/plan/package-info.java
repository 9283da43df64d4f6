/**
 * The sync plan: {@link io.dbferry.introspect.plan.SyncPlanner} compares a mapped source with the target schema and
 * builds a {@link io.dbferry.introspect.plan.SyncPlan} of {@link io.dbferry.introspect.plan.SyncStep}s in phases;
 * {@link io.dbferry.introspect.plan.PostgresDdl} and {@link io.dbferry.introspect.plan.PostgresAlterDdl} render
 * them with jOOQ's DDL DSL in the POSTGRES dialect, so every identifier is quoted by jOOQ. Translated SQL texts
 * (defaults, CHECKs, index expressions, views) come from the mapping, rendered by jOOQ there.
 */
package io.dbferry.introspect.plan;
