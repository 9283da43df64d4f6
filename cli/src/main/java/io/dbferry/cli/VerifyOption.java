package io.dbferry.cli;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.transfer.verify.VerifyMode;
import picocli.CommandLine.Option;

/** {@code --verify} and {@code --no-verify}: the verification {@code migrate} and {@code sync} run at the end. */
final class VerifyOption {

    @Option(names = "--verify", paramLabel = "counts|checksum",
            description = "How to verify the target at the end: counts (row counts per table) or checksum (the "
                    + "content of every row, as dbferry verify does; exit code 3 when anything differs). "
                    + "Default: counts.")
    VerifyMode verify;

    @Option(names = "--no-verify",
            description = "Skip the verification at the end (run dbferry verify later).")
    boolean noVerify;

    /**
     * The verification mode.
     *
     * @return null with {@code --no-verify}; {@link VerifyMode#COUNTS} unless {@code --verify} says otherwise
     * @throws DbferryException with {@link ErrorCode#INVALID_OPTION} when both options were given
     */
    VerifyMode mode() {
        if (noVerify && verify != null) {
            throw new DbferryException(ErrorCode.INVALID_OPTION, "--verify " + verify.label() + " and --no-verify "
                    + "contradict each other; give one of them");
        }
        return noVerify ? null : verify == null ? VerifyMode.COUNTS : verify;
    }
}
