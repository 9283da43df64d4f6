package io.dbferry.transfer.transform;

import static org.assertj.core.api.Assertions.assertThat;

/** Unwraps {@link TransformResult}s in tests, failing when the outcome is the other kind. */
final class Outcomes {

    private Outcomes() {}

    /** The converted value; fails the test when the result is a reject. */
    static Object converted(TransformResult result) {
        assertThat(result).isInstanceOf(TransformResult.Converted.class);
        return ((TransformResult.Converted) result).value();
    }

    /** The reject; fails the test when the result is not a reject with the reason. */
    static TransformResult.Rejected rejected(TransformResult result, RejectReason reason) {
        assertThat(result).isInstanceOf(TransformResult.Rejected.class);
        TransformResult.Rejected rejected = (TransformResult.Rejected) result;
        assertThat(rejected.reason()).as(rejected.message()).isEqualTo(reason);
        return rejected;
    }

    /** The reject's message; fails the test when the result is not a reject with the reason. */
    static String rejectMessage(TransformResult result, RejectReason reason) {
        return rejected(result, reason).message();
    }
}
