package io.dbferry.cli;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import io.dbferry.introspect.mapping.CastRules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The {@code --cast} and {@code --cast-file} options: the user's cast rules, shared by every command that
 * maps source types ({@code migrate} and {@code compare}), so both read the same rules.
 */
public final class CastOptions {

    @Option(names = "--cast", paramLabel = "RULE",
            description = {"Override the type mapping (repeatable). A rule is one of:",
                "  column TABLE.COLUMN to TYPE [using TRANSFORM]",
                "  type DECLARED to TYPE [using TRANSFORM]",
                "For each column the first matching column rule wins, else the first matching type rule, else "
                        + "the built-in mapping. Quote names with spaces or dots: \"my table\".\"a.b\"; unquoted "
                        + "names match exactly, else ignoring case. DECLARED is the SQLite declared type (any "
                        + "case; with (n) or (p,s) only columns declared so). TYPE: smallint, integer, bigint, "
                        + "double precision, numeric[(p,s)], varchar[(n)], char[(n)], text, bytea, boolean, date, "
                        + "timestamp, timestamptz, time, jsonb, uuid.",
                "TRANSFORM: boolean (to boolean); epoch-s, epoch-ms, epoch-us or julian-day (to timestamp, "
                        + "timestamptz or date: numbers are read strictly in that unit). timestamptz takes values "
                        + "without an offset as UTC.",
                "A rule that matches no column of the migrated tables is an error (exit code 2).",
                "Examples (one --cast \"…\" each):",
                "  column events.payload to jsonb",
                "  type datetime to timestamptz",
                "  column users.is_admin to boolean using boolean",
                "  column t.created to timestamp using epoch-ms"})
    List<String> casts = new ArrayList<>();

    @Option(names = "--cast-file", paramLabel = "FILE",
            description = "Read cast rules from FILE (UTF-8): one rule a line as for --cast, blank lines and "
                    + "# comments ignored; tried after the --cast rules. Default: none.")
    Path castFile;

    /**
     * The rules given: every {@code --cast} in order, then the lines of {@code --cast-file}.
     *
     * @return never null, empty when neither option was given
     * @throws DbferryException with {@link ErrorCode#INVALID_CAST_RULE} when a rule cannot be parsed or the
     *     file cannot be read
     */
    public CastRules rules() {
        CastRules options = CastRules.parse(casts);
        return castFile == null ? options : options.followedBy(CastRules.parseFile(castFile));
    }
}
