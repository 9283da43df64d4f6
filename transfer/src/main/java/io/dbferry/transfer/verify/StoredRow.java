package io.dbferry.transfer.verify;

import io.dbferry.introspect.mapping.MappedColumn;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.transfer.profile.StorageClass;
import io.dbferry.transfer.transform.JsonTransform;
import io.dbferry.transfer.transform.TransformResult;
import io.dbferry.transfer.transform.ValueTransform;
import io.dbferry.transfer.write.CopyBinaryEncoder;
import io.dbferry.transfer.write.CopyData;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A SQLite row as the target stores it, in binary COPY form ({@link BinaryDigests}): each value read by its
 * storage class, run through its column's transform — the one {@code migrate} uses — put in the form the target
 * stores ({@link TargetForm}; plain JSON made canonical straight from its UTF-8 bytes, {@link PlainJson}) and
 * encoded as {@code migrate} sends it ({@link CopyBinaryEncoder}). A row with a value its transform rejects, or
 * one the encoder does not take, is one byte ({@link #NOT_STORABLE}), which no tuple is: its digest then differs
 * and canonical text decides. Not thread-safe: one per reader.
 */
final class StoredRow {

    /** A row that cannot be in the target: one byte, shorter than any tuple's int16 field count. */
    static final CopyData NOT_STORABLE = new CopyData(new byte[] {-1}, 1);

    private final MappedTable table;
    private final ValueTransform[] transforms;
    private final boolean utf16;
    private final CopyBinaryEncoder encoder;
    private final Object[] values;
    private final PlainJson plainJson = new PlainJson();

    /**
     * @param table the mapped table, never null
     * @param transforms each column's transform, in column order; never null
     * @param utf16 whether the database stores text as UTF-16
     */
    StoredRow(MappedTable table, ValueTransform[] transforms, boolean utf16) {
        this.table = table;
        this.transforms = transforms.clone();
        this.utf16 = utf16;
        this.encoder = new CopyBinaryEncoder(table.columns().stream().map(MappedColumn::targetType).toList());
        this.values = new Object[transforms.length];
    }

    /**
     * A row's binary COPY tuple, or {@link #NOT_STORABLE}.
     *
     * @param row the table's values in column order, on the row to encode; never null
     * @return bytes valid until the next call; never null
     * @throws SQLException when the driver fails
     */
    CopyData of(SourceRow row) throws SQLException {
        boolean storable = true;
        for (int i = 0; i < transforms.length; i++) {
            StorageClass storageClass = row.storageClass(i);
            if (storageClass == StorageClass.TEXT && !utf16 && transforms[i] instanceof JsonTransform) {
                values[i] = storedJson(i, row.bytes(i));
            } else {
                Object raw = row.value(i, storageClass);
                values[i] = raw == null ? null : stored(i, raw);
            }
            storable &= values[i] != NOT_STORABLE;
        }
        if (!storable) {
            return NOT_STORABLE;
        }
        try {
            return encoder.encodeRow(values);
        } catch (RuntimeException e) {
            return NOT_STORABLE; // a value of a type the encoder does not take: the canonical text decides
        }
    }

    /** Plain JSON made canonical from its bytes (a {@code byte[]}, the encoder takes it), else as {@link #stored}. */
    private Object storedJson(int column, byte[] utf8) {
        byte[] plain = plainJson.canonicalOf(utf8);
        return plain != null ? plain : stored(column, StorageClasses.text(utf8));
    }

    /** A non-null value transformed and in the form the target stores it, or {@link #NOT_STORABLE}. */
    private Object stored(int column, Object value) {
        if (transforms[column] instanceof JsonTransform && value instanceof String text) {
            Optional<String> accepted = CanonicalJson.ofAccepted(text);
            if (accepted.isPresent()) {
                return accepted.get(); // what the transform would pass unchanged, made canonical in one parse
            }
        }
        try {
            return switch (transforms[column].apply(value)) {
                case TransformResult.Converted c -> TargetForm.of(table.columns().get(column).targetType(), c.value());
                case TransformResult.Rejected r -> NOT_STORABLE;
            };
        } catch (RuntimeException e) {
            return NOT_STORABLE; // TargetForm refused the value: the canonical text decides
        }
    }
}
