package io.dbferry.transfer.connect;

/**
 * The word {@code embedded}: a throw-away PostgreSQL server that dbferry starts itself
 * ({@link EmbeddedPostgresServer}).
 */
public record EmbeddedPostgresUrl() implements DatabaseUrl {

    /** The text that {@link DatabaseUrl#parse(String)} reads as this URL. */
    public static final String TEXT = "embedded";

    /**
     * Returns {@code embedded}.
     *
     * @return never null
     */
    @Override
    public String redacted() {
        return TEXT;
    }
}
