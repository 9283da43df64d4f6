package io.dbferry.transfer.transform;

import java.util.Objects;

/** The outcome of a {@link ValueTransform}: a converted value or a reject. */
public sealed interface TransformResult {

    /**
     * The value was converted.
     *
     * @param value the value to write, of the Java type documented on {@link ValueTransform}; never null
     */
    record Converted(Object value) implements TransformResult {
        /** Checks the value is present. */
        public Converted {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * The value cannot be written to the target column.
     *
     * @param reason the stable reason code, never null
     * @param message what is wrong with the value, one sentence without the table or column (the caller
     *     adds those), e.g. {@code "'maybe' is not a boolean (accepted: 0/1, t/f, true/false, yes/no, y/n)"};
     *     never null
     */
    record Rejected(RejectReason reason, String message) implements TransformResult {
        /** Checks both parts are present. */
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * A converted value.
     *
     * @param value never null
     * @return never null
     */
    static TransformResult converted(Object value) {
        return new Converted(value);
    }

    /**
     * A reject.
     *
     * @param reason never null
     * @param message never null
     * @return never null
     */
    static TransformResult rejected(RejectReason reason, String message) {
        return new Rejected(reason, message);
    }
}
