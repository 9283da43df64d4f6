package io.dbferry.cli;

import picocli.CommandLine.Parameters;

/** SOURCE and TARGET of a command that only reads both sides: compare and verify. */
final class ReadOnlyEndpoints {

    @Parameters(index = "0", paramLabel = "SOURCE",
            description = "The SQLite database (sqlite:PATH, or a path ending in .db, .sqlite or .sqlite3), or "
                    + "the PostgreSQL database (postgresql://…) of a SQLite TARGET.")
    String source;

    @Parameters(index = "1", paramLabel = "TARGET",
            description = "The PostgreSQL database, as for migrate, or the SQLite file of a PostgreSQL SOURCE "
                    + "(compare does not create a missing one); only read. Passwords come from the URL, "
                    + "PGPASSWORD or ~/.pgpass and are never printed.")
    String target;
}
