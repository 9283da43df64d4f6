package io.dbferry.cli;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.transfer.verify.VerifyMode;
import picocli.CommandLine.Model.CommandSpec;

/** The verification {@code migrate} and {@code sync} run at the end, from {@code --verify} and {@code --no-verify}. */
final class VerifyChoice {

    private VerifyChoice() {}

    /**
     * The verification mode.
     *
     * @param spec the command's spec, to tell a given {@code --verify} from its default; never null
     * @param verify the {@code --verify} value, never null
     * @param noVerify whether {@code --no-verify} was given
     * @return null with {@code --no-verify}
     * @throws DbferryException with {@link ErrorCode#INVALID_OPTION} when both options were given
     */
    static VerifyMode of(CommandSpec spec, VerifyMode verify, boolean noVerify) {
        if (noVerify && spec.commandLine().getParseResult().hasMatchedOption("--verify")) {
            throw new DbferryException(ErrorCode.INVALID_OPTION, "--verify " + verify.label() + " and --no-verify "
                    + "contradict each other; give one of them");
        }
        return noVerify ? null : verify;
    }
}
