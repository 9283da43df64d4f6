/**
 * The migration pipeline: select and map tables, create them on the target, stream every table's rows
 * through its column transforms into COPY, then build keys, indexes and foreign keys, restart identities
 * and verify. {@link io.dbferry.transfer.pipeline.Migration} runs it; listeners receive progress events.
 */
package io.dbferry.transfer.pipeline;
