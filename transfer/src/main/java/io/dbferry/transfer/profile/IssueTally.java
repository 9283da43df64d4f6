package io.dbferry.transfer.profile;

import io.dbferry.introspect.compare.CompatibilityIssue;
import io.dbferry.introspect.compare.Example;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The affected rows of one finding: how many, the first {@value CompatibilityIssue#MAX_EXAMPLES} as examples,
 * the storage classes of the affected values and the first reject message. Examples are rendered only while
 * fewer than five are kept, so counting costs nothing per row. Not thread-safe.
 */
final class IssueTally {

    private final List<Example> examples = new ArrayList<>(CompatibilityIssue.MAX_EXAMPLES);
    private final Set<StorageClass> storageClasses = EnumSet.noneOf(StorageClass.class);
    private long count;
    private String firstDetail;

    /**
     * Counts one affected row.
     *
     * @param key the row's key, called only when the example is kept; never null
     * @param value the affected value, never null
     */
    void add(Supplier<Map<String, String>> key, SourceValue value) {
        add(() -> new Example(key.get(), value.sqlText()), value.storageClass());
    }

    /**
     * Counts one affected row with an example built by the caller.
     *
     * @param example the row's example, called only when it is kept; never null
     * @param storageClass the storage class of the affected value, never null
     */
    void add(Supplier<Example> example, StorageClass storageClass) {
        count++;
        storageClasses.add(storageClass);
        if (wantsExamples()) {
            examples.add(example.get());
        }
    }

    /** Counts one affected row once the examples are complete, see {@link #wantsExamples()}. */
    void addBeyondExamples() {
        if (wantsExamples()) {
            throw new IllegalStateException("the examples are not complete yet");
        }
        count++;
    }

    /** Whether fewer than five examples are kept, so the next row's example is kept. */
    boolean wantsExamples() {
        return examples.size() < CompatibilityIssue.MAX_EXAMPLES;
    }

    /**
     * Counts one affected row, keeping the detail of the first one (a reject message).
     *
     * @param key the row's key, called only when the example is kept; never null
     * @param value the affected value, never null
     * @param detail what is wrong with the value, never null
     */
    void add(Supplier<Map<String, String>> key, SourceValue value, String detail) {
        if (firstDetail == null) {
            firstDetail = detail;
        }
        add(key, value);
    }

    /** The affected rows counted, ≥ 0. */
    long count() {
        return count;
    }

    /** Whether nothing was counted. */
    boolean isEmpty() {
        return count == 0;
    }

    /** At most five examples in scan order, never null. */
    List<Example> examples() {
        return examples;
    }

    /** The storage classes of the affected values, never null. */
    Set<StorageClass> storageClasses() {
        return storageClasses;
    }

    /** The detail given with the first affected row, null when none was given. */
    String firstDetail() {
        return firstDetail;
    }
}
