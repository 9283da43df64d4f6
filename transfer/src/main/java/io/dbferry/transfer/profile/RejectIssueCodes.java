package io.dbferry.transfer.profile;

import io.dbferry.introspect.compare.IssueCode;
import io.dbferry.transfer.transform.RejectReason;

/**
 * The compatibility issue code that reports values rejected for a {@link RejectReason}: one table for both
 * directions' data profiles, so a reject means the same finding whichever way the data moves. Stateless.
 */
public final class RejectIssueCodes {

    private RejectIssueCodes() {}

    /**
     * The issue code of a reject reason.
     *
     * @param reason never null
     * @return never null
     * @throws IllegalArgumentException for {@link RejectReason#REFUSED_BY_TARGET}, which only the loader's COPY
     *     produces, never a conversion
     */
    public static IssueCode of(RejectReason reason) {
        return switch (reason) {
            case OUT_OF_RANGE -> IssueCode.VALUE_OUT_OF_RANGE;
            case TEXT_TOO_LONG -> IssueCode.TEXT_TOO_LONG;
            case NOT_A_BOOLEAN -> IssueCode.INVALID_BOOLEAN;
            case INVALID_JSON -> IssueCode.INVALID_JSON;
            case INVALID_UUID -> IssueCode.INVALID_UUID;
            case INVALID_TIMESTAMP -> IssueCode.INVALID_TIMESTAMP;
            case INVALID_DATE -> IssueCode.INVALID_DATE;
            case INVALID_TIME -> IssueCode.INVALID_TIME;
            case LOSSY_CONVERSION -> IssueCode.LOSSY_CONVERSION;
            case NOT_A_NUMBER -> IssueCode.NOT_A_NUMBER;
            case NOT_AN_INTEGER -> IssueCode.NOT_AN_INTEGER;
            case UNSUPPORTED_STORAGE_CLASS -> IssueCode.UNSUPPORTED_STORAGE_CLASS;
            case NUL_IN_TEXT -> IssueCode.NUL_IN_TEXT;
            case INVALID_UTF8 -> IssueCode.INVALID_UTF8;
            case REFUSED_BY_TARGET -> throw new IllegalArgumentException("no conversion rejects with " + reason);
        };
    }
}
