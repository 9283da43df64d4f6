/**
 * Value transforms: one small class per value family (booleans, JSON, UUIDs, timestamps, numerics, text,
 * bytes) turning a source value into the Java value the COPY encoder writes for its target type, or into a
 * reject with a precise reason. {@link io.dbferry.transfer.transform.Transforms} picks the transform for a
 * target type.
 */
package io.dbferry.transfer.transform;
