/**
 * The migration pipeline: select and map tables, create them on the target, split them into chunks and
 * move the chunks in parallel (readers → transforms → COPY encoder → bounded chunk streams → COPY writers,
 * one transaction per chunk), build each table's keys and indexes as it finishes, then foreign keys,
 * identity restarts and verification. {@link io.dbferry.transfer.pipeline.Migration} runs it; listeners
 * receive progress events and a Micrometer registry the metrics.
 */
package io.dbferry.transfer.pipeline;
