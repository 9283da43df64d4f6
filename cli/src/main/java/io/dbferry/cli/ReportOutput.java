package io.dbferry.cli;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code --format} and {@code --output}: how and where compare and verify write their report. */
final class ReportOutput {

    /** The report formats. */
    enum Format { TEXT, JSON, MARKDOWN }

    @Option(names = "--format", paramLabel = "text|json|markdown", defaultValue = "text",
            description = "text for a terminal, json for scripts (shape documented in the README), markdown for "
                    + "a pull request or ticket. Default: text.")
    Format format;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Write the report to FILE instead of stdout (overwritten).")
    Path output;

    /**
     * Fails before any work when {@code --output} cannot be written: its directory must exist.
     *
     * @throws DbferryException with {@link ErrorCode#INVALID_OPTION} naming the missing directory
     */
    void checkWritable() {
        if (output == null) {
            return;
        }
        Path directory = output.toAbsolutePath().getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            throw new DbferryException(ErrorCode.INVALID_OPTION, "--output " + output + ": the directory "
                    + directory + " does not exist; create it first or write the report elsewhere");
        }
    }

    /**
     * Writes the report to stdout, or to {@code --output} with a line on stderr saying so.
     *
     * @throws DbferryException with {@link ErrorCode#OUTPUT_FAILED} when the file cannot be written
     */
    void write(CommandSpec spec, String text) {
        if (output == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            return;
        }
        try {
            Files.writeString(output, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DbferryException(ErrorCode.OUTPUT_FAILED, "cannot write the report to " + output + ": "
                    + e.getMessage() + "; the checks ran, so run again with another --output or without it", e);
        }
        spec.commandLine().getErr().println("dbferry: wrote the report to " + output);
    }
}
