package io.dbferry.transfer.read;

import io.dbferry.introspect.model.TableId;
import java.util.Objects;

/**
 * A key range of one source table, read as a unit and written to the target in one COPY and one
 * transaction. Its identity is the source table and its bounds: planning the same unchanged source with
 * the same {@code --batch-rows} gives the same chunks, which is what a checkpoint of finished chunks needs
 * (issue 5).
 *
 * @param table the source table, never null
 * @param index the chunk's position among its table's chunks, from 0, in key order
 * @param count how many chunks the table has, ≥ 1
 * @param bounds which rows it holds, never null
 * @param estimatedRows about how many rows it holds, ≥ 0 (exact for a table that is one chunk)
 */
public record Chunk(TableId table, int index, int count, ChunkBounds bounds, long estimatedRows) {

    /** Validates the parts. */
    public Chunk {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(bounds, "bounds");
        if (count < 1 || index < 0 || index >= count || estimatedRows < 0) {
            throw new IllegalArgumentException("invalid chunk " + index + " of " + count + " of " + table
                    + " (about " + estimatedRows + " rows)");
        }
    }

    /**
     * The chunk in words for messages: {@code chunk 3 of 10 of "main"."orders" (rowid 100001..150000)}.
     *
     * @return never null
     */
    public String describe() {
        return "chunk " + (index + 1) + " of " + count + " of " + table + " (" + bounds.describe() + ")";
    }
}
