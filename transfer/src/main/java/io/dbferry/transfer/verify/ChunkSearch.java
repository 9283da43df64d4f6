package io.dbferry.transfer.verify;

import io.dbferry.introspect.mapping.MappedTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares the chunks of one table and searches the differing ones for the rows that differ: a chunk whose
 * digests differ is split at the median key of the side with more rows, and each half whose digests differ is
 * split again (bisection), until neither side has more than {@link VerifyOptions#leafRows()} rows; those rows
 * are then matched by key, in memory. Chunks compared by their binary digests ({@link BinaryDigests}) that differ
 * are hashed again in canonical text before they count as differing; the search itself always hashes canonical
 * text. The search stops once {@link VerifyOptions#maxDiffs()} differences are
 * found; later chunks are still compared. Not thread-safe; one search per table.
 */
final class ChunkSearch {

    private final BothSides both;
    private final TableRows source;
    private final TableRows target;
    private final KeyColumns key;
    private final VerifyOptions options;
    private final boolean binary;
    private final List<RowDifference> differences = new ArrayList<>();
    private int chunksCompared;
    private int chunksDiffering;
    private long sourceRows;
    private long targetRows;
    private boolean moreDifferences;

    /**
     * @param binary whether the digests given to {@link #compare} are binary ones
     */
    ChunkSearch(BothSides both, TableRows source, TableRows target, KeyColumns key, VerifyOptions options,
            boolean binary) {
        this.both = both;
        this.source = source;
        this.target = target;
        this.key = key;
        this.options = options;
        this.binary = binary;
    }

    /**
     * Compares one chunk by its digests, searching it when they differ.
     *
     * @param chunk the chunk, never null
     * @param digests its digests on both sides, binary or canonical as the constructor was told; never null
     */
    void compare(KeyRange chunk, BothSides.Both<ChunkDigest, ChunkDigest> digests) {
        chunksCompared++;
        if (binary && !digests.source().equals(digests.target())) {
            digests = digests(chunk); // a value with two binary forms, or a real difference: canonical text decides
        }
        sourceRows += digests.source().rows();
        targetRows += digests.target().rows();
        if (!digests.source().equals(digests.target())) {
            chunksDiffering++;
            search(chunk, digests);
        }
    }

    int chunksCompared() {
        return chunksCompared;
    }

    int chunksDiffering() {
        return chunksDiffering;
    }

    /** Source rows in the compared chunks: fewer than the table's when source keys hold NULL. */
    long sourceRowsInChunks() {
        return sourceRows;
    }

    /** Target rows in the compared chunks: fewer than the table's when target keys hold NULL. */
    long targetRowsInChunks() {
        return targetRows;
    }

    List<RowDifference> differences() {
        return List.copyOf(differences);
    }

    boolean moreDifferences() {
        return moreDifferences;
    }

    private BothSides.Both<ChunkDigest, ChunkDigest> digests(KeyRange range) {
        return both.run(() -> source.digest(range), () -> target.digest(range));
    }

    private void search(KeyRange range, BothSides.Both<ChunkDigest, ChunkDigest> digests) {
        if (differences.size() >= options.maxDiffs()) {
            moreDifferences = true;
            return;
        }
        long rows = Math.max(digests.source().rows(), digests.target().rows());
        if (rows <= options.leafRows()) {
            compareRows(range);
            return;
        }
        TableRows larger = digests.source().rows() >= digests.target().rows() ? source : target;
        List<Object> middle = larger.keyAt(range, rows / 2);
        for (KeyRange half : List.of(range.below(middle), range.from(middle))) {
            BothSides.Both<ChunkDigest, ChunkDigest> halves = digests(half);
            if (!halves.source().equals(halves.target())) {
                search(half, halves);
            }
        }
    }

    private void compareRows(KeyRange range) {
        BothSides.Both<List<CanonicalRow>, List<CanonicalRow>> rows = both.run(() -> source.rows(range),
                () -> target.rows(range));
        Map<List<Object>, CanonicalRow> sourceRows = byKey(rows.source());
        Map<List<Object>, CanonicalRow> targetRows = new TreeMap<>(KeyColumns.ORDER);
        for (CanonicalRow row : rows.target()) {
            if (targetRows.putIfAbsent(row.key(), row) != null) {
                add(new RowDifference.ExtraInTarget(keyText(row.key()))); // a second row with one key
            }
        }
        TreeSet<List<Object>> keys = new TreeSet<>(KeyColumns.ORDER);
        keys.addAll(sourceRows.keySet());
        keys.addAll(targetRows.keySet());
        for (List<Object> rowKey : keys) {
            CanonicalRow sourceRow = sourceRows.get(rowKey);
            CanonicalRow targetRow = targetRows.get(rowKey);
            if (targetRow == null) {
                add(new RowDifference.MissingInTarget(keyText(rowKey)));
            } else if (sourceRow == null) {
                add(new RowDifference.ExtraInTarget(keyText(rowKey)));
            } else {
                List<RowDifference.ColumnChange> changes = changes(sourceRow, targetRow);
                if (!changes.isEmpty()) {
                    add(new RowDifference.Changed(keyText(rowKey), changes));
                }
            }
        }
    }

    private static Map<List<Object>, CanonicalRow> byKey(List<CanonicalRow> rows) {
        Map<List<Object>, CanonicalRow> byKey = new TreeMap<>(KeyColumns.ORDER);
        rows.forEach(row -> byKey.put(row.key(), row));
        return byKey;
    }

    private List<RowDifference.ColumnChange> changes(CanonicalRow sourceRow, CanonicalRow targetRow) {
        MappedTable table = key.table();
        List<RowDifference.ColumnChange> changes = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            String expected = sourceRow.values().get(i);
            String actual = targetRow.values().get(i);
            if (!Objects.equals(expected, actual)) {
                changes.add(new RowDifference.ColumnChange(table.columns().get(i).targetName(),
                        ValueDisplay.of(expected), ValueDisplay.of(actual)));
            }
        }
        return changes;
    }

    private Map<String, String> keyText(List<Object> values) {
        Map<String, String> text = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            text.put(key.parts().get(i).column().targetName(), ValueDisplay.truncate(String.valueOf(values.get(i))));
        }
        return text;
    }

    private void add(RowDifference difference) {
        if (differences.size() < options.maxDiffs()) {
            differences.add(difference);
        } else {
            moreDifferences = true;
        }
    }
}
