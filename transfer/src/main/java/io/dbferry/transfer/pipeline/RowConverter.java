package io.dbferry.transfer.pipeline;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.mapping.MappedColumn;
import io.dbferry.introspect.mapping.MappedTable;
import io.dbferry.transfer.read.InvalidUtf8Text;
import io.dbferry.transfer.reject.OnError;
import io.dbferry.transfer.reject.Reject;
import io.dbferry.transfer.reject.TextPolicy;
import io.dbferry.transfer.transform.StrictUtf8;
import io.dbferry.transfer.transform.TransformResult;
import io.dbferry.transfer.transform.Transforms;
import io.dbferry.transfer.transform.ValueTransform;

/**
 * Passes every value of a source row through its column's transform, after applying the
 * {@link TextPolicy} to TEXT that is not valid UTF-8 or holds NUL. A value a transform rejects makes the row a
 * {@link Reject} ({@link OnError#REJECT}) or stops the load with a message naming the table, primary key,
 * column, value, reason and what to do ({@link OnError#STOP}). Not thread-safe: one converter per reading
 * thread (it reuses its output array).
 */
final class RowConverter {

    private final MappedTable table;
    private final TextPolicy textPolicy;
    private final OnError onError;
    private final ValueTransform[] transforms;
    private final Object[] converted;
    private Reject reject;
    private long textChanged;

    RowConverter(MappedTable table, TextPolicy textPolicy, OnError onError) {
        this.table = table;
        this.textPolicy = textPolicy;
        this.onError = onError;
        this.transforms = table.columns().stream().map(Transforms::forColumn).toArray(ValueTransform[]::new);
        this.converted = new Object[transforms.length];
    }

    /**
     * Converts one row.
     *
     * @param values the source values, in column order
     * @return the converted values, in an array reused by the next call; null when the row is rejected
     *     (see {@link #reject()})
     * @throws DbferryException with {@link ErrorCode#VALUE_REJECTED} for the first rejected value with
     *     {@link OnError#STOP}
     */
    Object[] convert(Object[] values) {
        for (int i = 0; i < values.length; i++) {
            Object value = text(values[i]);
            if (value == null) {
                converted[i] = null;
                continue;
            }
            switch (value instanceof InvalidUtf8Text invalid ? StrictUtf8.decode(invalid.bytes())
                    : transforms[i].apply(value)) {
                case TransformResult.Converted c -> converted[i] = c.value();
                case TransformResult.Rejected r -> {
                    reject = rejected(i, values, r);
                    return null;
                }
            }
        }
        return converted;
    }

    /** The reject of the last row {@link #convert} returned null for. */
    Reject reject() {
        return reject;
    }

    /** How many values {@link TextPolicy#REPLACE} or {@link TextPolicy#STRIP} changed so far. */
    long textChanged() {
        return textChanged;
    }

    /** Applies the text policy; with REJECT, invalid UTF-8 stays {@link InvalidUtf8Text} to be rejected. */
    private Object text(Object value) {
        if (textPolicy == TextPolicy.REJECT) {
            return value;
        }
        String text = switch (value) {
            case InvalidUtf8Text invalid -> TextRepair.decode(invalid.bytes(), textPolicy);
            case String s when s.indexOf('\0') >= 0 -> s;
            default -> null;
        };
        if (text == null) {
            return value;
        }
        textChanged++;
        return textPolicy == TextPolicy.REPLACE ? text.replace('\0', '\uFFFD') : text.replace("\0", "");
    }

    private Reject rejected(int index, Object[] values, TransformResult.Rejected rejected) {
        MappedColumn column = table.columns().get(index);
        Object raw = values[index] instanceof InvalidUtf8Text invalid ? invalid.bytes() : values[index];
        if (onError == OnError.STOP) {
            throw new DbferryException(ErrorCode.VALUE_REJECTED, "cannot load \"" + table.source().id().name()
                    + "\".\"" + column.source().name() + "\" (" + column.source().type() + " → " + column.targetType()
                    + ") at " + RowKey.describe(table, values) + ": " + rejected.message() + " [" + rejected.reason() + "]. "
                    + "Fix the value in the source, change the column's type with --cast \"column "
                    + table.source().id().name() + "." + column.source().name() + " to text\", leave the table out "
                    + "with --exclude, or write such rows to a reject file with --on-error reject.");
        }
        return new Reject(table.source().id().name(), RowKey.values(table, values), column.source().name(), raw,
                rejected.reason(), rejected.message());
    }
}
